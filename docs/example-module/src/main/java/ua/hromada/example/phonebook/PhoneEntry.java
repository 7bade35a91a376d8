package ua.hromada.example.phonebook;

/**
 * One number of the directory as the database holds it; {@code version} goes back with an edit
 * so a save over someone else's newer change is refused (portal-api {@code Versioned}).
 */
public record PhoneEntry(long id, String unit, String person, String phone, long version) {
}
