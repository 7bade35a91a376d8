package ua.hromada.portal.shell.admin;

import ua.hromada.portal.api.PortalUser;

/** What the pages of the portal's own admin section share, for their {@code @PortalView}. */
final class AdminPages {

    /** The admin menu section, listed last (MainLayout). */
    static final String SECTION = "admin";
    static final String PERMISSION = PortalUser.ADMIN_PERMISSION;

    private AdminPages() {
    }
}
