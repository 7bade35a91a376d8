package ua.hromada.opendata.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class EdrpouTest {

    /** Codes of real bodies as published in the state register and on data.gov.ua. */
    @Test
    void realCodesPass() {
        assertTrue(Edrpou.valid("24388300"), "Полтавська міська рада (second pass of the weights)");
        assertTrue(Edrpou.valid("14360570"), "АТ КБ «ПриватБанк»");
        assertTrue(Edrpou.valid("40075815"), "АТ «Укрзалізниця» (weights 7,1..6: code between 30 and 60 million)");
        assertTrue(Edrpou.valid("20077720"), "НАК «Нафтогаз України»");
        assertTrue(Edrpou.valid("04052206"), "a city council's code from its data.gov.ua passport");
        assertTrue(Edrpou.valid("04052212"), "Покровська міська рада (data.gov.ua passport)");
        assertTrue(Edrpou.valid("04061990"), "a council's code from its data.gov.ua passport");
        assertTrue(Edrpou.valid("41490026"), "a council's executive body from its data.gov.ua passport");
        assertTrue(Edrpou.valid("36877659"), "a council's code from its data.gov.ua passport");
    }

    @Test
    void everyOtherLastDigitFails() {
        for (String code : new String[] {"24388300", "40075815", "14360570"}) {
            for (char d = '0'; d <= '9'; d++) {
                String changed = code.substring(0, 7) + d;
                assertEquals(d == code.charAt(7), Edrpou.valid(changed), changed);
            }
        }
    }

    @Test
    void formIsEightDigits() {
        assertFalse(Edrpou.valid(null));
        assertFalse(Edrpou.valid("2438830"));
        assertFalse(Edrpou.valid("243883000"));
        assertFalse(Edrpou.valid("2438830O"));
        assertFalse(Edrpou.valid(" 24388300"));
    }

    @Test
    void fixtureCodesAreValid() {
        for (int i = 0; i < 2000; i += 7) {
            assertTrue(Edrpou.valid(OpendataTestSetup.edrpou(i * 4999)));
        }
    }
}
