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
 * The formats of the CRM's own identifiers (identity documents, the ЄДДР record number). The
 * РНОКПП and ЄДРПОУ check digits are portal-api's TaxIdentifiers (tested there, TaxIdentifiersTest);
 * {@link Identifiers} hands them over unchanged.
 */
class IdentifiersTest {

    /** A valid РНОКПП of a person born on {@code birth}: the day count, four digits, the check digit. */
    static String taxNumber(LocalDate birth, String serial) {
        long days = ChronoUnit.DAYS.between(LocalDate.of(1899, 12, 31), birth);
        String first9 = String.format("%05d%s", days, serial);
        return first9 + Identifiers.taxNumberCheckDigit(first9);
    }

    @Test
    void taxNumbersAndEdrpouCodesAreTheSharedCheck() {
        // 15 March 1985 is day 31120 from 31 December 1899; worked out by hand: 3112001232
        assertEquals("3112001232", taxNumber(LocalDate.of(1985, 3, 15), "0123"));
        assertTrue(Identifiers.validTaxNumber("3112001232"));
        assertFalse(Identifiers.validTaxNumber("3112001233"));
        assertEquals(LocalDate.of(1985, 3, 15), Identifiers.birthDateOf("3112001232").orElseThrow());
        assertTrue(Identifiers.validEdrpou("14360570"));
        assertFalse(Identifiers.validEdrpou("14360571"));
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
