package ua.hromada.portal.api;

/**
 * A permission a module declares.
 *
 * @param key      stable identifier, e.g. {@code oks.violation.register}
 * @param labelKey resource-bundle key of the human-readable name
 */
public record Permission(String key, String labelKey) {
    public Permission {
        if (key == null || key.isBlank()) {
            throw new IllegalArgumentException("permission key is required");
        }
    }
}
