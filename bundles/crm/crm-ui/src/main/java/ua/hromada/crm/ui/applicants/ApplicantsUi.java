package ua.hromada.crm.ui.applicants;

/** The applicants pages' routes (every role of the centre reads applicants; the front desk registers them). */
public final class ApplicantsUi {
    public static final String LIST_ROUTE = "tsnap/zaiavnyky";
    public static final String APPLICANT_ROUTE = "tsnap/zaiavnyky/:id";
    public static final String PREFIX = "tsnap/zaiavnyky/";
    /** The id part of a new applicant's page. */
    public static final String NEW = "nova";

    private ApplicantsUi() {
    }
}
