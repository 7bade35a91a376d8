package ua.hromada.crm.api;

/** Where a case came from: the front desk, or an e-appeal of the e-services module. */
public enum CaseSource {
    FRONT_DESK, E_APPEAL
}
