package ua.hromada.opendata.api;

/**
 * Filters of the dataset registry (null = any).
 *
 * @param text words of the title, description, keywords or the identifier
 */
public record DatasetQuery(String text, Long managerId, String tag, String format, Boolean published,
        UpdateFrequency frequency, int offset, int limit) {

    public DatasetQuery {
        if (offset < 0 || limit <= 0 || limit > 10_000) {
            throw new IllegalArgumentException("offset >= 0 and 1 <= limit <= 10000");
        }
    }

    public static DatasetQuery all() {
        return new DatasetQuery(null, null, null, null, null, null, 0, 50);
    }
}
