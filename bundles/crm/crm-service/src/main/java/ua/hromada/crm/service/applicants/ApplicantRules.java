package ua.hromada.crm.service.applicants;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import ua.hromada.crm.api.Applicant;
import ua.hromada.crm.api.ApplicantKind;
import ua.hromada.crm.api.CrmException;
import ua.hromada.crm.api.Identifiers;
import ua.hromada.crm.api.IdentityDocumentType;
import ua.hromada.portal.api.calendar.DisplayFormats;

/**
 * The rules of an applicant in one place (field name as the record's component → message key and
 * the arguments it names): identifiers by their check digits, a person's birth date against the
 * РНОКПП and the ЄДДР record, the identity document's format and expiry.
 */
final class ApplicantRules {
    /** Letters, apostrophes (’, ', ʼ), hyphens and spaces: «Кос’яненко», «Іванова-Петренко». */
    static final Pattern NAME = Pattern.compile("[\\p{L}][\\p{L}’'ʼ\\- ]{0,99}");
    static final Pattern PHONE = Pattern.compile("\\+?[0-9][0-9 ()-]{6,19}");
    static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]{2,}");
    static final LocalDate EARLIEST_BIRTH = LocalDate.of(1900, 1, 1);
    static final int TEXT_MAX = 500;

    private ApplicantRules() {
    }

    /** The field errors found, keys and arguments. */
    static final class Errors {
        final Map<String, String> keys = new LinkedHashMap<>();
        final Map<String, List<Object>> args = new LinkedHashMap<>();

        void put(String field, String key, Object... arguments) {
            if (!keys.containsKey(field)) {
                keys.put(field, key);
                args.put(field, List.of(arguments));
            }
        }

        void throwIfAny() {
            if (!keys.isEmpty()) {
                throw new CrmException(keys, args);
            }
        }
    }

    /** Trimmed texts (blank as empty), identifiers without spaces, document letters upper case; no expiry for a book. */
    static Applicant normalised(Applicant a) {
        IdentityDocumentType type = a.documentType();
        String number = compact(a.documentNumber()).toUpperCase(Locale.ROOT);
        return new Applicant(a.id(), a.kind(), strip(a.lastName()), strip(a.firstName()), strip(a.patronymic()),
                a.birthDate(), compact(a.taxNumber()), number.isEmpty() && type == null ? null : type, number,
                type == IdentityDocumentType.PASSPORT_BOOK ? null : a.documentExpiry(), compact(a.registryNumber()),
                strip(a.organisationName()), compact(a.edrpou()), strip(a.phone()), strip(a.email()).toLowerCase(Locale.ROOT),
                strip(a.address()), a.version());
    }

    /** Every rule the applicant breaks; {@code today} in the community, for the document's expiry. */
    static Errors check(Applicant a, LocalDate today) {
        Errors e = new Errors();
        if (a.kind() == null) {
            e.put("kind", "crm.applicant.error.kind");
            return e;
        }
        boolean person = a.kind() == ApplicantKind.PERSON;
        name(e, "lastName", a.lastName(), person);
        name(e, "firstName", a.firstName(), person);
        name(e, "patronymic", a.patronymic(), false);
        if (person && a.birthDate() == null) {
            e.put("birthDate", "crm.applicant.error.birthDate");
        } else if (a.birthDate() != null && (a.birthDate().isAfter(today) || a.birthDate().isBefore(EARLIEST_BIRTH))) {
            e.put("birthDate", "crm.applicant.error.birthDateRange", DisplayFormats.DATE.format(a.birthDate()));
        }
        taxNumber(e, a);
        document(e, a, person, today);
        if (!a.registryNumber().isEmpty() && !Identifiers.validRegistryNumber(a.registryNumber(), a.birthDate())) {
            e.put("registryNumber", "crm.applicant.error.registryNumber", a.registryNumber(),
                    a.birthDate() == null ? "" : a.birthDate().format(DateTimeFormatter.BASIC_ISO_DATE));
        }
        if (!person) {
            if (a.organisationName().isEmpty() || a.organisationName().length() > TEXT_MAX) {
                e.put("organisationName", "crm.applicant.error.organisationName");
            }
            if (a.edrpou().isEmpty()) {
                e.put("edrpou", "crm.applicant.error.edrpouRequired");
            }
        }
        if (!a.edrpou().isEmpty() && !a.edrpou().matches("\\d{8}")) {
            e.put("edrpou", "crm.applicant.error.edrpouFormat", a.edrpou());
        } else if (!a.edrpou().isEmpty() && !Identifiers.validEdrpou(a.edrpou())) {
            e.put("edrpou", "crm.applicant.error.edrpouCheck", a.edrpou());
        }
        if (!a.phone().isEmpty() && !PHONE.matcher(a.phone()).matches()) {
            e.put("phone", "crm.applicant.error.phone", a.phone());
        }
        if (!a.email().isEmpty() && (a.email().length() > 254 || !EMAIL.matcher(a.email()).matches())) {
            e.put("email", "crm.applicant.error.email", a.email());
        }
        if (a.address().length() > TEXT_MAX) {
            e.put("address", "crm.applicant.error.address");
        }
        return e;
    }

    private static void name(Errors e, String field, String value, boolean required) {
        if (value.isEmpty()) {
            if (required) {
                e.put(field, "crm.applicant.error." + field);
            }
        } else if (!NAME.matcher(value).matches()) {
            e.put(field, "crm.applicant.error.nameLetters", value);
        }
    }

    /** The РНОКПП: 10 digits, its check digit, and the birth date its first five digits count. */
    private static void taxNumber(Errors e, Applicant a) {
        String tax = a.taxNumber();
        if (tax.isEmpty()) {
            return;
        }
        if (!tax.matches("\\d{10}")) {
            e.put("taxNumber", "crm.applicant.error.taxNumberFormat", tax);
        } else if (!Identifiers.validTaxNumber(tax)) {
            e.put("taxNumber", "crm.applicant.error.taxNumberCheck", tax);
        } else if (a.birthDate() != null) {
            LocalDate encoded = Identifiers.birthDateOf(tax).orElseThrow();
            if (!encoded.equals(a.birthDate())) {
                e.put("taxNumber", "crm.applicant.error.taxNumberBirthDate", tax, DisplayFormats.DATE.format(encoded),
                        DisplayFormats.DATE.format(a.birthDate()));
            }
        }
    }

    /** A person's identity document: its type, number in the type's format, and for a card or foreign passport an expiry not passed. */
    private static void document(Errors e, Applicant a, boolean person, LocalDate today) {
        IdentityDocumentType type = a.documentType();
        if (type == null) {
            if (person) {
                e.put("documentType", "crm.applicant.error.documentType");
            }
            return;
        }
        if (a.documentNumber().isEmpty()) {
            e.put("documentNumber", "crm.applicant.error.documentNumberRequired");
        } else if (!Identifiers.validDocumentNumber(type, a.documentNumber())) {
            e.put("documentNumber", "crm.applicant.error.documentNumber." + type.name(), a.documentNumber());
        }
        if (type != IdentityDocumentType.PASSPORT_BOOK) {
            if (a.documentExpiry() == null) {
                e.put("documentExpiry", "crm.applicant.error.documentExpiryRequired");
            } else if (a.documentExpiry().isBefore(today)) {
                e.put("documentExpiry", "crm.applicant.error.documentExpired", DisplayFormats.DATE.format(a.documentExpiry()));
            }
        }
    }

    static String strip(String s) {
        return s == null ? "" : s.strip();
    }

    /** An identifier as typed with its spaces and dashes of grouping dropped («12345 67890»). */
    private static String compact(String s) {
        return s == null ? "" : s.replaceAll("[\\s]", "");
    }
}
