package ua.hromada.eservices.api;

/**
 * Filters of a catalogue listing; a null field (or blank text) does not filter.
 *
 * @param text        words found in the name, description, code or address (case-insensitive)
 * @param audience    services for this audience, {@link Audience#BOTH} ones included
 * @param status      ignored by the public listing (always {@link ServiceStatus#ACTIVE})
 * @param brokenOnly  only services the monitor holds {@link LinkState#BROKEN}
 */
public record ServiceQuery(String text, Long categoryId, Long situationId, Audience audience, ProviderKind provider,
        Long unitId, ServiceStatus status, boolean brokenOnly) {

    public static final ServiceQuery ALL = new ServiceQuery(null, null, null, null, null, null, null, false);

    public static ServiceQuery text(String text) {
        return new ServiceQuery(text, null, null, null, null, null, null, false);
    }
}
