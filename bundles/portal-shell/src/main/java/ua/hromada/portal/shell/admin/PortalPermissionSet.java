package ua.hromada.portal.shell.admin;

import java.util.List;

import org.osgi.service.component.annotations.Component;

import ua.hromada.portal.api.Permission;
import ua.hromada.portal.api.PermissionSet;
import ua.hromada.portal.api.PortalUser;
import ua.hromada.portal.api.security.ModulePermissionSet;
import ua.hromada.portal.api.security.Roles;

/** The permissions of the portal core (labelled from the shell's bundle, {@code permission.portal.*}). */
@Component(service = PermissionSet.class)
public class PortalPermissionSet extends ModulePermissionSet {

    public PortalPermissionSet() {
        super("portal", List.of(new Permission(PortalUser.ADMIN_PERMISSION, "permission.portal.admin"),
                new Permission(Roles.COMMUNITIES_PERMISSION, "permission.portal.communities.manage")));
    }
}
