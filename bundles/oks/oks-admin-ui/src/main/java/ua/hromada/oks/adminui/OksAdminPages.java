package ua.hromada.oks.adminui;

import ua.hromada.oks.api.OksPermissions;
import ua.hromada.portal.api.PortalUser;

/** What the bundle's pages share, for their {@code @PortalView}. */
final class OksAdminPages {

    /** The OKS menu section, shared with oks-ui's pages. */
    static final String SECTION = "oks";
    /** Management reads the analytics, and so do the inspectors and OKS administrators. */
    static final String ANALYTICS = OksPermissions.VIEW + PortalUser.ANY_OF + OksPermissions.INSPECT + PortalUser.ANY_OF
            + OksPermissions.ADMINISTER;

    private OksAdminPages() {
    }
}
