package ua.hromada.crm.api;

import java.time.LocalDate;
import java.util.Optional;
import java.util.regex.Pattern;

import ua.hromada.portal.api.identity.TaxIdentifiers;

/**
 * The formats and check digits of Ukrainian identifiers, shared by the applicants' service and the
 * verification rules (pure functions, no state); the РНОКПП and ЄДРПОУ ones are portal-api's
 * {@link TaxIdentifiers}, which OKS uses too. Each answers about a value as typed, spaces
 * trimmed; {@code null} is never valid.
 */
public final class Identifiers {
    private static final Pattern ID_CARD = Pattern.compile("\\d{9}");
    private static final Pattern PASSPORT_BOOK = Pattern.compile("[А-ЯҐЄІЇ]{2}\\d{6}");
    private static final Pattern FOREIGN_PASSPORT = Pattern.compile("[A-Z]{2}\\d{6}");
    private static final Pattern REGISTRY_NUMBER = Pattern.compile("(\\d{8})-\\d{5}");

    private Identifiers() {
    }

    /** A РНОКПП with its check digit: {@link TaxIdentifiers#validTaxNumber} (one implementation in portal-api). */
    public static boolean validTaxNumber(String value) {
        return TaxIdentifiers.validTaxNumber(value);
    }

    /** The check digit a РНОКПП's first nine digits call for: {@link TaxIdentifiers#taxNumberCheckDigit}. */
    public static int taxNumberCheckDigit(String value) {
        return TaxIdentifiers.taxNumberCheckDigit(value);
    }

    /** The birth date a РНОКПП encodes: {@link TaxIdentifiers#birthDateOf}. */
    public static Optional<LocalDate> birthDateOf(String taxNumber) {
        return TaxIdentifiers.birthDateOf(taxNumber);
    }

    /** An ЄДРПОУ code with its check digit: {@link TaxIdentifiers#validEdrpou}. */
    public static boolean validEdrpou(String value) {
        return TaxIdentifiers.validEdrpou(value);
    }

    /** The identity document number in its type's format: ID card 9 digits, passport book АБ123456, foreign passport FA123456. */
    public static boolean validDocumentNumber(IdentityDocumentType type, String value) {
        if (type == null || value == null) {
            return false;
        }
        Pattern pattern = switch (type) {
            case ID_CARD -> ID_CARD;
            case PASSPORT_BOOK -> PASSPORT_BOOK;
            case FOREIGN_PASSPORT -> FOREIGN_PASSPORT;
        };
        return pattern.matcher(value.strip()).matches();
    }

    /** An ЄДДР record number from an ID card: {@code YYYYMMDD-NNNNN}, its date the holder's birth date. */
    public static boolean validRegistryNumber(String value, LocalDate birthDate) {
        if (value == null) {
            return false;
        }
        var m = REGISTRY_NUMBER.matcher(value.strip());
        if (!m.matches()) {
            return false;
        }
        return birthDate == null || m.group(1).equals(birthDate.format(java.time.format.DateTimeFormatter.BASIC_ISO_DATE));
    }
}
