package ua.hromada.example.phonebook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Map;

import org.junit.jupiter.api.Test;

class EntryRulesTest {

    @Test
    void aUnitWithACityNumberIsFine() {
        assertEquals(Map.of(), EntryRules.check(new EntryForm("Відділ ЦНАП", "Олена Петренко", "+380 532 56-12-34")));
        assertEquals(Map.of(), EntryRules.check(new EntryForm("Приймальня", null, "(0532) 56123")));
    }

    @Test
    void theUnitAndThePhoneAreRequired() {
        assertEquals(Map.of("unit", "phonebook.error.unit.required", "phone", "phonebook.error.phone.required"),
                EntryRules.check(new EntryForm("  ", "", null)));
    }

    @Test
    void aPhoneNeedsFiveToTwentyDigitsAndOnlyTheUsualSeparators() {
        assertEquals("phonebook.error.phone.format", EntryRules.check(new EntryForm("Відділ", null, "1234")).get("phone"));
        assertEquals("phonebook.error.phone.format", EntryRules.check(new EntryForm("Відділ", null, "56-12-34 дод. 5")).get("phone"));
        assertEquals("phonebook.error.phone.format", EntryRules.check(new EntryForm("Відділ", null, "1".repeat(21))).get("phone"));
        assertNull(EntryRules.check(new EntryForm("Відділ", null, "12345")).get("phone"));
    }

    @Test
    void longTextsAreRefusedAndSpacesTrimmed() {
        assertEquals("phonebook.error.unit.long", EntryRules.check(new EntryForm("ж".repeat(201), null, "12345")).get("unit"));
        assertEquals(new EntryForm("Відділ", null, "12345"), EntryRules.normalise(new EntryForm(" Відділ ", "  ", " 12345 ")));
    }
}
