package ua.hromada.crm.ui.queue;

import ua.hromada.crm.api.CrmPermissions;
import ua.hromada.portal.api.PortalUser;

/** What the queue's pages share: routes and permissions. */
public final class QueuePages {
    /** The desk's and the kiosk's steps: an administrator, or the head. */
    public static final String DESK = CrmPermissions.ADMINISTRATOR + PortalUser.ANY_OF + CrmPermissions.HEAD;
    public static final String DESK_ROUTE = "tsnap/cherha";
    public static final String KIOSK_ROUTE = "tsnap/kiosk";
    /** The hall display: public, only ticket numbers and windows. */
    public static final String DISPLAY_ROUTE = "tsnap/tablo";
    public static final String PLANNING_ROUTE = "tsnap/planuvannia";

    private QueuePages() {
    }
}
