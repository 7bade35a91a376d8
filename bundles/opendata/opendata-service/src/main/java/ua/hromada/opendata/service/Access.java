package ua.hromada.opendata.service;

import ua.hromada.opendata.api.OpendataException;
import ua.hromada.opendata.api.OpendataPermissions;
import ua.hromada.portal.api.PortalUser;

/** The registry's refusals of who may not read or change it (the rules are OpendataPermissions'). */
final class Access {
    private Access() {
    }

    /** Stewards and auditors read what they work on (OpendataPermissions.canRead). */
    static void requireView(PortalUser u) {
        require(OpendataPermissions.canRead(u));
    }

    static void requireEdit(PortalUser u) {
        require(OpendataPermissions.canEdit(u));
    }

    private static void require(boolean allowed) {
        if (!allowed) {
            throw new OpendataException(OpendataException.Reason.FORBIDDEN, "opendata.error.forbidden");
        }
    }
}
