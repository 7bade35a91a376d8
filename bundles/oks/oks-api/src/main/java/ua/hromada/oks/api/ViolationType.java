package ua.hromada.oks.api;

/**
 * A violation type of the catalogue (trees, signage, waste, ...).
 *
 * @param code   stable short code, also the Open311 service_code
 * @param active inactive types stay on old cases but are not offered for new ones
 */
public record ViolationType(long id, String code, String name, String description, boolean active) {
}
