package ua.hromada.oks.service;

import java.util.List;

import org.osgi.service.component.annotations.Component;

import ua.hromada.oks.api.OksPermissions;
import ua.hromada.portal.api.Permission;
import ua.hromada.portal.api.PermissionSet;

/** The module's roles as permissions, offered in the roles view. */
@Component(service = PermissionSet.class)
public class OksPermissionSet implements PermissionSet {
    @Override
    public String module() {
        return "oks";
    }

    @Override
    public List<Permission> permissions() {
        return List.of(new Permission(OksPermissions.INSPECT, "oks.permission.inspect"),
                new Permission(OksPermissions.EXECUTE, "oks.permission.execute"),
                new Permission(OksPermissions.ADMINISTER, "oks.permission.admin"),
                new Permission(OksPermissions.VIEW, "oks.permission.view"));
    }
}
