package ua.hromada.crm.service.verification;

/** The stable keys of the checks (Finding.rule). */
final class Rules {
    static final String MISSING_DOCUMENT = "missing-document";
    static final String TAX_NUMBER = "tax-number-check-digit";
    static final String EDRPOU = "edrpou-check-digit";
    static final String BIRTH_DATE = "birth-date-mismatch";
    static final String DOCUMENT_EXPIRED = "document-expired";
    static final String FEE_NOT_PAID = "fee-not-paid";
    static final String DUPLICATE = "duplicate-open-case";
    static final String SCAN_MISMATCH = "scan-mismatch";
    static final String SCAN_UNREADABLE = "scan-unreadable";

    private Rules() {
    }
}
