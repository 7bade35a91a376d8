package ua.hromada.crm.api;

/**
 * What the front desk (or an e-appeal) opens a case with.
 *
 * @param appealNumber the e-appeal's number, empty at the front desk
 */
public record CaseDraft(long applicantId, long cardId, CaseSource source, String appealNumber, String request,
        boolean byProxy, boolean feePaid) {
}
