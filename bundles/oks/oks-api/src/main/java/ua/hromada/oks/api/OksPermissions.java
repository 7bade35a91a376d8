package ua.hromada.oks.api;

/** Permission keys of the OKS module; each role of the issue is one of them. */
public final class OksPermissions {
    /** Inspectors: register violations, send them to executors, confirm or return work. */
    public static final String INSPECT = "oks.inspect";
    /** Executors: act on the violations sent to their own organisation. */
    public static final String EXECUTE = "oks.execute";
    /** OKS administrators: catalogues, reassignment, conflicts, archive. */
    public static final String ADMINISTER = "oks.admin";
    /** Management: read-only map, lists and analytics. */
    public static final String VIEW = "oks.view";

    private OksPermissions() {
    }
}
