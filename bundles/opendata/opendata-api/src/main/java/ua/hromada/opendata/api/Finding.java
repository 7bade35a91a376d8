package ua.hromada.opendata.api;

/**
 * One problem an audit found.
 *
 * @param rule        stable rule id, e.g. "overdue-update", "passport-missing", "csv-encoding"
 * @param resourceId  the resource concerned, or null for the dataset's passport
 * @param explanation plain-Ukrainian explanation naming the rule it breaks
 */
public record Finding(long id, long runId, long datasetId, String datasetTitle, long managerId, Long resourceId,
        String rule, Severity severity, String explanation) {
}
