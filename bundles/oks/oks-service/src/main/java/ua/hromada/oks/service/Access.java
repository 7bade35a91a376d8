package ua.hromada.oks.service;

import ua.hromada.oks.api.OksException;
import ua.hromada.oks.api.OksPermissions;
import ua.hromada.portal.api.PortalUser;

/** Who may see and do what: the role checks shared by the services. */
final class Access {
    private Access() {
    }

    static boolean inspector(PortalUser u) {
        return u != null && u.permissions().contains(OksPermissions.INSPECT) || admin(u);
    }

    static boolean admin(PortalUser u) {
        return u != null && (u.permissions().contains(OksPermissions.ADMINISTER)
                || u.permissions().contains(PortalUser.ADMIN_PERMISSION));
    }

    static boolean executor(PortalUser u) {
        return u != null && u.hasPermission(OksPermissions.EXECUTE);
    }

    /** Inspectors, administrators and management see every violation. */
    static boolean seesAll(PortalUser u) {
        return inspector(u) || admin(u) || u != null && u.hasPermission(OksPermissions.VIEW);
    }

    static boolean anyOks(PortalUser u) {
        return seesAll(u) || executor(u);
    }

    static void require(boolean allowed) {
        if (!allowed) {
            throw new OksException(OksException.Reason.FORBIDDEN, "oks.error.forbidden");
        }
    }
}
