package ua.hromada.eservices.api;

/**
 * A council unit (department, service, communal enterprise) that owns e-services and handles
 * appeals. {@code role} is the portal role whose members are the unit's employees (their appeals
 * inbox); {@code email} gets the unit's notices (a broken service link, a new appeal) and
 * {@code phone} is given to applicants for clarifications.
 *
 * @param id      0 for a new unit
 * @param version optimistic-locking version the form loaded (portal-api {@code Versioned})
 */
public record Unit(long id, String code, String name, String role, String email, String phone, boolean active,
        long version) {

    /** A new, active unit. */
    public static Unit create(String code, String name, String role, String email, String phone) {
        return new Unit(0, code, name, role, email, phone, true, 0);
    }
}
