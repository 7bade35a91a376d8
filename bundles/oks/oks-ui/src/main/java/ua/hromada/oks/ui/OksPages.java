package ua.hromada.oks.ui;

/** What the module's pages share, for their {@code @PortalView}. */
final class OksPages {

    /** The OKS menu section (oks-admin-ui's pages join it). */
    static final String SECTION = "oks";

    private OksPages() {
    }
}
