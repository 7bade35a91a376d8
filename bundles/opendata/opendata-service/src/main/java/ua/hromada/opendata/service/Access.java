package ua.hromada.opendata.service;

import ua.hromada.opendata.api.OpendataException;
import ua.hromada.opendata.api.OpendataPermissions;
import ua.hromada.portal.api.PortalUser;

/** Who may read and change the registry (portal.admin implies every permission). */
final class Access {
    private Access() {
    }

    /** Stewards and auditors read what they work on. */
    static boolean view(PortalUser u) {
        return u != null && (u.hasPermission(OpendataPermissions.VIEW) || u.hasPermission(OpendataPermissions.EDIT)
                || u.hasPermission(OpendataPermissions.AUDIT));
    }

    static boolean edit(PortalUser u) {
        return u != null && u.hasPermission(OpendataPermissions.EDIT);
    }

    static void requireView(PortalUser u) {
        require(view(u));
    }

    static void requireEdit(PortalUser u) {
        require(edit(u));
    }

    private static void require(boolean allowed) {
        if (!allowed) {
            throw new OpendataException(OpendataException.Reason.FORBIDDEN, "opendata.error.forbidden");
        }
    }
}
