package ua.hromada.crm.service.applicants;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

import org.junit.jupiter.api.Test;

import ua.hromada.crm.api.Identifiers;
import ua.hromada.crm.api.IdentityDocumentType;

/**
 * The check digits of Ukrainian identifiers on real-format codes: valid ones made here from the rule
 * (the test's own arithmetic, written out independently of {@link Identifiers}), published codes
 * of well-known organisations, and codes one digit off.
 */
class IdentifiersTest {
    private static final int[] TAX_WEIGHTS = {-1, 5, 7, 9, 4, 6, 10, 5, 7};

    /** A valid РНОКПП of a person born on {@code birth}: the day count, four digits, the check digit. */
    static String taxNumber(LocalDate birth, String serial) {
        long days = ChronoUnit.DAYS.between(LocalDate.of(1899, 12, 31), birth);
        String first9 = String.format("%05d%s", days, serial);
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            sum += (first9.charAt(i) - '0') * TAX_WEIGHTS[i];
        }
        return first9 + Math.floorMod(sum, 11) % 10;
    }

    @Test
    void taxNumbersMadeByTheRuleAreValidAndCarryTheBirthDate() {
        // 15 March 1985 is day 31120 from 31 December 1899; worked out by hand: 3112001232
        assertEquals("3112001232", taxNumber(LocalDate.of(1985, 3, 15), "0123"));
        assertTrue(Identifiers.validTaxNumber("3112001232"));
        assertEquals(LocalDate.of(1985, 3, 15), Identifiers.birthDateOf("3112001232").orElseThrow());
        for (LocalDate birth : new LocalDate[] {LocalDate.of(1900, 1, 1), LocalDate.of(1990, 1, 1),
            LocalDate.of(2001, 12, 31), LocalDate.of(1961, 8, 24)}) {
            for (String serial : new String[] {"0000", "4567", "9999", "1357"}) {
                String tax = taxNumber(birth, serial);
                assertTrue(Identifiers.validTaxNumber(tax), tax);
                assertEquals(birth, Identifiers.birthDateOf(tax).orElseThrow(), tax);
            }
        }
        assertTrue(Identifiers.validTaxNumber(" 3287301233 "), "spaces around are trimmed");
    }

    @Test
    void taxNumbersOneDigitOffOrMisshapenAreInvalid() {
        String valid = taxNumber(LocalDate.of(1985, 3, 15), "0123");
        for (int d = 0; d <= 9; d++) {
            String other = valid.substring(0, 9) + d;
            assertEquals(other.equals(valid), Identifiers.validTaxNumber(other), other);
        }
        assertFalse(Identifiers.validTaxNumber("1234567890"), "the example a message shows: its check digit would be 295 mod 11 = 9");
        assertFalse(Identifiers.validTaxNumber("311200123"));
        assertFalse(Identifiers.validTaxNumber("31120012320"));
        assertFalse(Identifiers.validTaxNumber("31120O1232"));
        assertFalse(Identifiers.validTaxNumber(""));
        assertFalse(Identifiers.validTaxNumber(null));
        assertTrue(Identifiers.birthDateOf("12345").isEmpty());
    }

    @Test
    void publishedEdrpouCodesPassTheirCheckDigit() {
        // 00032129 (АТ «Ощадбанк»): 0·1+0·2+0·3+3·4+2·5+1·6+2·7 = 42, 42 mod 11 = 9
        assertTrue(Identifiers.validEdrpou("00032129"));
        // 14360570 (АТ КБ «ПриватБанк»): 1+8+9+24+0+30+49 = 121, mod 11 = 0
        assertTrue(Identifiers.validEdrpou("14360570"));
        // 21560766 (ПАТ «Укртелеком»): 2+2+15+24+0+42+42 = 127, mod 11 = 6
        assertTrue(Identifiers.validEdrpou("21560766"));
        assertFalse(Identifiers.validEdrpou("00032128"));
        assertFalse(Identifiers.validEdrpou("14360571"));
        assertFalse(Identifiers.validEdrpou("21560767"));
    }

    @Test
    void edrpouBetweenThirtyAndSixtyMillionWeighsSevenFirst() {
        // 38516849: 3·7+8·1+5·2+1·3+6·4+8·5+4·6 = 130, mod 11 = 9
        assertTrue(Identifiers.validEdrpou("38516849"));
        // with the plain weights 1…7 it would need 3+16+15+4+30+48+28 = 144, mod 11 = 1: not valid there
        assertFalse(Identifiers.validEdrpou("38516841"));
        // 43005393, also in the range: 4·7+3·1+0+0+5·4+3·5+9·6 = 120, mod 11 = 10 → recomputed with the
        // weights + 2: 4·9+3·3+0+0+5·6+3·7+9·8 = 168, mod 11 = 3
        assertTrue(Identifiers.validEdrpou("43005393"));
        // a code above sixty million uses the plain weights: 6,0,0,0,0,0,1 → 6+7 = 13, mod 11 = 2
        assertTrue(Identifiers.validEdrpou("60000012"));
        assertFalse(Identifiers.validEdrpou("60000011"));
    }

    @Test
    void edrpouRemainderTenIsRecomputedWithWeightsPlusTwo() {
        // 1000006: 1·1+6·7 = 43, mod 11 = 10 → 1·3+6·9 = 57, mod 11 = 2
        assertTrue(Identifiers.validEdrpou("10000062"));
        assertFalse(Identifiers.validEdrpou("10000060"), "a first remainder of 10 is not written as 0");
        // 3000000 in the shifted range: 3·7 = 21, mod 11 = 10 → 3·9 = 27, mod 11 = 5
        assertTrue(Identifiers.validEdrpou("30000005"));
        assertFalse(Identifiers.validEdrpou("3000000"));
        assertFalse(Identifiers.validEdrpou("1436057A"));
        assertFalse(Identifiers.validEdrpou(null));
    }

    @Test
    void documentNumbersFollowTheirTypesFormat() {
        assertTrue(Identifiers.validDocumentNumber(IdentityDocumentType.ID_CARD, "001234567"));
        assertFalse(Identifiers.validDocumentNumber(IdentityDocumentType.ID_CARD, "00123456"));
        assertTrue(Identifiers.validDocumentNumber(IdentityDocumentType.PASSPORT_BOOK, "КВ123456"));
        assertFalse(Identifiers.validDocumentNumber(IdentityDocumentType.PASSPORT_BOOK, "KB123456"), "Latin letters");
        assertTrue(Identifiers.validDocumentNumber(IdentityDocumentType.FOREIGN_PASSPORT, "FA123456"));
        assertFalse(Identifiers.validDocumentNumber(IdentityDocumentType.FOREIGN_PASSPORT, "ФА123456"));
        assertFalse(Identifiers.validDocumentNumber(null, "001234567"));
    }

    @Test
    void registryNumberStartsWithTheBirthDate() {
        assertTrue(Identifiers.validRegistryNumber("19850315-01234", LocalDate.of(1985, 3, 15)));
        assertFalse(Identifiers.validRegistryNumber("19850316-01234", LocalDate.of(1985, 3, 15)));
        assertFalse(Identifiers.validRegistryNumber("1985031501234", LocalDate.of(1985, 3, 15)));
    }
}
