package ua.hromada.portal.api.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

import org.junit.jupiter.api.Test;

/**
 * The check digits on real-format codes: valid РНОКПП made here from the rule (the test's own
 * arithmetic, written out independently of {@link TaxIdentifiers}), published ЄДРПОУ codes of
 * well-known organisations, and codes one digit off.
 */
class TaxIdentifiersTest {
    private static final int[] TAX_WEIGHTS = {-1, 5, 7, 9, 4, 6, 10, 5, 7};

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
        assertTrue(TaxIdentifiers.validTaxNumber("3112001232"));
        assertEquals(2, TaxIdentifiers.taxNumberCheckDigit("311200123"));
        assertEquals(LocalDate.of(1985, 3, 15), TaxIdentifiers.birthDateOf("3112001232").orElseThrow());
        for (LocalDate birth : new LocalDate[] {LocalDate.of(1900, 1, 1), LocalDate.of(2001, 12, 31)}) {
            for (String serial : new String[] {"0000", "4567", "9999"}) {
                String tax = taxNumber(birth, serial);
                assertTrue(TaxIdentifiers.validTaxNumber(tax), tax);
                assertEquals(birth, TaxIdentifiers.birthDateOf(tax).orElseThrow(), tax);
            }
        }
        assertTrue(TaxIdentifiers.validTaxNumber(" 3112001232 "), "spaces around are trimmed");
    }

    @Test
    void taxNumbersOneDigitOffOrMisshapenAreInvalid() {
        String valid = "3112001232";
        for (int d = 0; d <= 9; d++) {
            String other = valid.substring(0, 9) + d;
            assertEquals(other.equals(valid), TaxIdentifiers.validTaxNumber(other), other);
        }
        // 1234567890: −1+10+21+36+20+36+70+40+63 = 295, 295 mod 11 = 9
        assertFalse(TaxIdentifiers.validTaxNumber("1234567890"));
        assertEquals(9, TaxIdentifiers.taxNumberCheckDigit("1234567890"));
        assertFalse(TaxIdentifiers.validTaxNumber("311200123"));
        assertFalse(TaxIdentifiers.validTaxNumber("31120O1232"));
        assertFalse(TaxIdentifiers.validTaxNumber(null));
        assertEquals(-1, TaxIdentifiers.taxNumberCheckDigit("3112"));
    }

    @Test
    void publishedEdrpouCodesPassTheirCheckDigit() {
        // 00032129 (АТ «Ощадбанк»): 0·1+0·2+0·3+3·4+2·5+1·6+2·7 = 42, 42 mod 11 = 9
        assertTrue(TaxIdentifiers.validEdrpou("00032129"));
        // 14360570 (АТ КБ «ПриватБанк»): 1+8+9+24+0+30+49 = 121, mod 11 = 0
        assertTrue(TaxIdentifiers.validEdrpou("14360570"));
        assertFalse(TaxIdentifiers.validEdrpou("00032128"));
        assertEquals(9, TaxIdentifiers.edrpouCheckDigit("00032128"));
        // 38516849 (30–60 million: weights 7, 1…6): 21+8+10+3+24+40+24 = 130, mod 11 = 9
        assertTrue(TaxIdentifiers.validEdrpou("38516849"));
        // with the plain weights 1…7 it would need 3+16+15+4+30+48+28 = 144, mod 11 = 1: not valid there
        assertFalse(TaxIdentifiers.validEdrpou("38516841"));
        // 43005393, also in the range: 4·7+3·1+0+0+5·4+3·5+9·6 = 120, mod 11 = 10 → recomputed with the
        // weights + 2: 4·9+3·3+0+0+5·6+3·7+9·8 = 168, mod 11 = 3
        assertTrue(TaxIdentifiers.validEdrpou("43005393"));
        // a code above sixty million uses the plain weights: 6,0,0,0,0,0,1 → 6+7 = 13, mod 11 = 2
        assertTrue(TaxIdentifiers.validEdrpou("60000012"));
        assertFalse(TaxIdentifiers.validEdrpou("60000011"));
        // 21560766 (ПАТ «Укртелеком»): 2+2+15+24+0+42+42 = 127, mod 11 = 6
        assertTrue(TaxIdentifiers.validEdrpou("21560766"));
    }

    @Test
    void edrpouRemainderTenIsRecomputedWithWeightsPlusTwo() {
        // 1000006: 1·1+6·7 = 43, mod 11 = 10 → 1·3+6·9 = 57, mod 11 = 2
        assertTrue(TaxIdentifiers.validEdrpou("10000062"));
        assertFalse(TaxIdentifiers.validEdrpou("10000060"), "a first remainder of 10 is not written as 0");
        // 3000000 in the shifted range: 3·7 = 21, mod 11 = 10 → 3·9 = 27, mod 11 = 5
        assertTrue(TaxIdentifiers.validEdrpou("30000005"));
        assertFalse(TaxIdentifiers.validEdrpou("3000000"));
        assertFalse(TaxIdentifiers.validEdrpou("1436057A"));
        assertFalse(TaxIdentifiers.validEdrpou(null));
        assertEquals(-1, TaxIdentifiers.edrpouCheckDigit("1436057"));
    }
}
