package ua.hromada.eservices.api;

/**
 * A page of an inbox. Null filters match everything; {@code text} matches the number, the text and
 * the applicant's name (contains, any case).
 */
public record AppealQuery(Long unitId, AppealStatus status, Long topicId, String text, boolean overdueOnly,
        int offset, int limit) {

    /** Everything the user may see, first page. */
    public static AppealQuery all(int limit) {
        return new AppealQuery(null, null, null, null, false, 0, limit);
    }
}
