package ua.hromada.crm.api;

/**
 * Where a free-text request probably belongs: a service card and its provider unit, with the
 * classifier's confidence (0–1). Below the configured threshold {@code confident} is false and a
 * person chooses.
 */
public record RoutingSuggestion(long cardId, String serviceName, String providerRole, double confidence,
        boolean confident) {
}
