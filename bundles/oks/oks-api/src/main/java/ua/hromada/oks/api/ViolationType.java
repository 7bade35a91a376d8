package ua.hromada.oks.api;

/**
 * A violation type of the catalogue (trees, signage, waste, ...).
 *
 * @param code   stable short code, also the Open311 service_code
 * @param active  inactive types stay on old cases but are not offered for new ones
 * @param version the row's version as read (portal-api {@code Versioned}): a save of an older one is refused
 */
public record ViolationType(long id, String code, String name, String description, boolean active, long version) {

    /** A type as a new entry or a reference (version 0). */
    public ViolationType(long id, String code, String name, String description, boolean active) {
        this(id, code, name, description, active, 0);
    }
}
