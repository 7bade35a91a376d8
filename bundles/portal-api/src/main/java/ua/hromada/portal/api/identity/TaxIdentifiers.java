package ua.hromada.portal.api.identity;

import java.time.LocalDate;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The formats and check digits of the РНОКПП and the ЄДРПОУ code (pure functions, no state). Each
 * answers about a value as typed, spaces around trimmed; {@code null} is never valid.
 */
public final class TaxIdentifiers {
    private static final int[] TAX_WEIGHTS = {-1, 5, 7, 9, 4, 6, 10, 5, 7};
    /** Day 1 of the РНОКПП's day count is 1 January 1900. */
    private static final LocalDate TAX_EPOCH = LocalDate.of(1899, 12, 31);
    private static final Pattern TEN_DIGITS = Pattern.compile("\\d{10}");
    private static final Pattern EIGHT_DIGITS = Pattern.compile("\\d{8}");

    private TaxIdentifiers() {
    }

    /**
     * A РНОКПП (individual taxpayer number): 10 digits whose last is ((Σ dᵢ·wᵢ) mod 11) mod 10 over
     * the first nine with weights −1, 5, 7, 9, 4, 6, 10, 5, 7.
     */
    public static boolean validTaxNumber(String value) {
        return value != null && TEN_DIGITS.matcher(value.strip()).matches()
                && taxNumberCheckDigit(value) == value.strip().charAt(9) - '0';
    }

    /**
     * The check digit a РНОКПП's first nine digits call for (so a message can say which last digit
     * was expected); -1 when the value does not start with nine digits.
     */
    public static int taxNumberCheckDigit(String value) {
        if (value == null || value.strip().length() < 9 || !value.strip().substring(0, 9).chars().allMatch(TaxIdentifiers::digit)) {
            return -1;
        }
        String digits = value.strip();
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            sum += (digits.charAt(i) - '0') * TAX_WEIGHTS[i];
        }
        return Math.floorMod(sum, 11) % 10;
    }

    /** The birth date a РНОКПП's first five digits encode (days from 31 December 1899); empty if not 10 digits. */
    public static Optional<LocalDate> birthDateOf(String taxNumber) {
        if (taxNumber == null || !TEN_DIGITS.matcher(taxNumber.strip()).matches()) {
            return Optional.empty();
        }
        return Optional.of(TAX_EPOCH.plusDays(Integer.parseInt(taxNumber.strip().substring(0, 5))));
    }

    /**
     * An ЄДРПОУ code: 8 digits whose last is Σ dᵢ·wᵢ mod 11 over the first seven, weights 1…7 (or
     * 7, 1…6 for codes from 30 000 000 to 60 000 000); a remainder of 10 is recomputed with each
     * weight + 2, and a second 10 gives 0.
     */
    public static boolean validEdrpou(String value) {
        return value != null && EIGHT_DIGITS.matcher(value.strip()).matches()
                && edrpouCheckDigit(value) == value.strip().charAt(7) - '0';
    }

    /**
     * The check digit an ЄДРПОУ code's first seven digits call for (for a message naming it); -1 when
     * the value is not 8 digits (the weights depend on the whole code's range).
     */
    public static int edrpouCheckDigit(String value) {
        if (value == null || !EIGHT_DIGITS.matcher(value.strip()).matches()) {
            return -1;
        }
        String digits = value.strip();
        long code = Long.parseLong(digits);
        boolean shifted = code >= 30_000_000L && code < 60_000_000L;
        int remainder = edrpouRemainder(digits, shifted, 0);
        if (remainder == 10) {
            remainder = edrpouRemainder(digits, shifted, 2);
            if (remainder == 10) {
                remainder = 0;
            }
        }
        return remainder;
    }

    private static int edrpouRemainder(String digits, boolean shifted, int add) {
        int sum = 0;
        for (int i = 0; i < 7; i++) {
            int weight = shifted ? (i == 0 ? 7 : i) : i + 1;
            sum += (digits.charAt(i) - '0') * (weight + add);
        }
        return sum % 11;
    }

    private static boolean digit(int c) {
        return c >= '0' && c <= '9';
    }
}
