package ua.hromada.gis.service;

import java.util.List;

import org.osgi.service.component.annotations.Component;

import ua.hromada.gis.api.GisPermissions;
import ua.hromada.portal.api.Permission;
import ua.hromada.portal.api.PermissionSet;

/** The module's permissions, offered in the roles view. */
@Component(service = PermissionSet.class)
public class GisPermissionSet implements PermissionSet {
    @Override
    public String module() {
        return "gis";
    }

    @Override
    public List<Permission> permissions() {
        return List.of(new Permission(GisPermissions.VIEW, "gis.permission.view"),
                new Permission(GisPermissions.EDIT, "gis.permission.edit"),
                new Permission(GisPermissions.ADMINISTER, "gis.permission.admin"));
    }
}
