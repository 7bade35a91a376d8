package ua.hromada.example.phonebook;

/** What a person typed into the form; checked by {@link EntryRules} before anything is stored. */
public record EntryForm(String unit, String person, String phone) {
}
