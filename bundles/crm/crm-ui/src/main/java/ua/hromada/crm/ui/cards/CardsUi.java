package ua.hromada.crm.ui.cards;

import ua.hromada.crm.api.CrmPermissions;
import ua.hromada.portal.api.PortalUser;

/** The service cards pages' routes and rights: every role of the centre reads the cards; the head edits them. */
public final class CardsUi {
    public static final String LIST_ROUTE = "tsnap/kartky";
    public static final String CARD_ROUTE = "tsnap/kartky/:id";
    public static final String PREFIX = "tsnap/kartky/";
    public static final String NEW = "nova";

    private CardsUi() {
    }

    static boolean editor(PortalUser user) {
        return user != null && user.hasPermission(CrmPermissions.HEAD);
    }
}
