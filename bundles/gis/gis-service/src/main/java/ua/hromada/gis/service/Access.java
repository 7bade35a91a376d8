package ua.hromada.gis.service;

import ua.hromada.gis.api.GisException;
import ua.hromada.gis.api.GisPermissions;
import ua.hromada.gis.api.Layer;
import ua.hromada.portal.api.PortalException.Reason;
import ua.hromada.portal.api.PortalUser;

/**
 * Who may see and change what. A layer's owner unit is a portal role's name (accounts have no unit
 * field): editors change the objects of their unit's layers and of layers without a unit.
 */
final class Access {
    private static final String ANY_GIS = PortalUser.anyOf(GisPermissions.VIEW, GisPermissions.EDIT,
            GisPermissions.ADMINISTER);

    private Access() {
    }

    /** Sees the employees' layers (a null user is the public). */
    static boolean employee(PortalUser u) {
        return u != null && u.hasPermission(ANY_GIS);
    }

    static boolean admin(PortalUser u) {
        return u != null && u.hasPermission(GisPermissions.ADMINISTER);
    }

    static boolean sees(PortalUser u, Layer layer) {
        return layer.isPublic() || employee(u);
    }

    static boolean canEdit(PortalUser u, Layer layer) {
        if (admin(u)) {
            return true;
        }
        return u != null && u.hasPermission(GisPermissions.EDIT)
                && (layer.ownerUnit() == null || u.roles().contains(layer.ownerUnit()));
    }

    static void requireAdmin(PortalUser u) {
        if (!admin(u)) {
            throw forbidden();
        }
    }

    static GisException forbidden() {
        return new GisException(Reason.FORBIDDEN, "gis.error.forbidden");
    }

    static GisException layerNotFound() {
        return new GisException(Reason.NOT_FOUND, "gis.error.layerNotFound");
    }

    static GisException featureNotFound() {
        return new GisException(Reason.NOT_FOUND, "gis.error.featureNotFound");
    }
}
