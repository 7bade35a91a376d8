package ua.hromada.crm.api;

/**
 * A case's way: registered at the front desk, handed over to the provider (back office), result
 * ready (or refusal ready), result issued to the applicant; cancelled by the applicant.
 */
public enum CaseStatus {
    REGISTERED, IN_BACK_OFFICE, RESULT_READY, REFUSAL_READY, ISSUED, CANCELLED;

    /** No further step: issued or cancelled. */
    public boolean closed() {
        return this == ISSUED || this == CANCELLED;
    }
}
