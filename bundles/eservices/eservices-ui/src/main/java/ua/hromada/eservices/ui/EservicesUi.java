package ua.hromada.eservices.ui;

import ua.hromada.eservices.api.EservicesPermissions;
import ua.hromada.portal.api.PortalUser;

/** Constants the module's page contributions share: the menu section and the permissions of pages. */
public final class EservicesUi {
    /** Menu section, titled {@code menu.section.eservices}. */
    public static final String SECTION = "eservices";
    /** The appeals pages: a unit's handler or the manager. */
    public static final String APPEALS = EservicesPermissions.APPEALS + PortalUser.ANY_OF + EservicesPermissions.MANAGE;
    /** The catalogue's editor and link monitor. */
    public static final String CATALOGUE = EservicesPermissions.CATALOGUE;
    /** Units and topics. */
    public static final String MANAGE = EservicesPermissions.MANAGE;

    private EservicesUi() {
    }
}
