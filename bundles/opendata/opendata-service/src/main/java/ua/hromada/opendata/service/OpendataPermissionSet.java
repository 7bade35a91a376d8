package ua.hromada.opendata.service;

import java.util.List;

import org.osgi.service.component.annotations.Component;

import ua.hromada.opendata.api.OpendataPermissions;
import ua.hromada.portal.api.Permission;
import ua.hromada.portal.api.PermissionSet;

/** The module's roles as permissions, offered in the roles view. */
@Component(service = PermissionSet.class)
public class OpendataPermissionSet implements PermissionSet {
    @Override
    public String module() {
        return "opendata";
    }

    @Override
    public List<Permission> permissions() {
        return List.of(new Permission(OpendataPermissions.VIEW, "opendata.permission.view"),
                new Permission(OpendataPermissions.EDIT, "opendata.permission.edit"),
                new Permission(OpendataPermissions.AUDIT, "opendata.permission.audit"));
    }
}
