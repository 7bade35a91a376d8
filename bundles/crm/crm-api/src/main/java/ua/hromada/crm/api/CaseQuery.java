package ua.hromada.crm.api;

/**
 * Filters of the case list; each empty value means "any".
 *
 * @param status  one status, or null for any
 * @param overdue only cases not closed whose deadline has passed
 * @param cardId  one service card, 0 for any
 * @param text    part of the number, the applicant's name, the service's name or the e-appeal number
 * @param mine    for a back-office executor: only the cases handed over to the user's roles (the inbox)
 */
public record CaseQuery(CaseStatus status, boolean overdue, long cardId, String text, boolean mine) {

    /** Every case the user may see. */
    public static CaseQuery all() {
        return new CaseQuery(null, false, 0, "", false);
    }
}
