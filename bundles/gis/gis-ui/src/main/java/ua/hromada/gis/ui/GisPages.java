package ua.hromada.gis.ui;

import ua.hromada.gis.api.GisPermissions;
import ua.hromada.portal.api.PortalUser;

/** The GIS menu section and the permissions of its pages. */
final class GisPages {
    /** The menu section «ГІС» (menu.section.gis). */
    static final String SECTION = "gis";
    static final String READ = GisPermissions.VIEW + PortalUser.ANY_OF + GisPermissions.EDIT + PortalUser.ANY_OF
            + GisPermissions.ADMINISTER;
    static final String WRITE = GisPermissions.EDIT + PortalUser.ANY_OF + GisPermissions.ADMINISTER;
    /** The public map among the public entries and its layers among the public search's groups. */
    static final int PUBLIC_ORDER = 30;

    private GisPages() {
    }
}
