package ua.hromada.gis.service;

import org.osgi.service.component.annotations.Component;

import ua.hromada.gis.api.GisPermissions;
import ua.hromada.portal.api.PermissionSet;
import ua.hromada.portal.api.security.ModulePermissionSet;

/** The module's permissions, offered in the roles view. */
@Component(service = PermissionSet.class)
public class GisPermissionSet extends ModulePermissionSet {

    public GisPermissionSet() {
        super("gis", GisPermissions.VIEW, GisPermissions.EDIT, GisPermissions.ADMINISTER);
    }
}
