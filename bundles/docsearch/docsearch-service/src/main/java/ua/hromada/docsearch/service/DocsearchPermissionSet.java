package ua.hromada.docsearch.service;

import java.util.List;

import org.osgi.service.component.annotations.Component;

import ua.hromada.docsearch.api.DocsearchPermissions;
import ua.hromada.portal.api.Permission;
import ua.hromada.portal.api.PermissionSet;

/** The module's permissions, offered in the roles view. */
@Component(service = PermissionSet.class)
public class DocsearchPermissionSet implements PermissionSet {
    @Override
    public String module() {
        return "docsearch";
    }

    @Override
    public List<Permission> permissions() {
        return List.of(new Permission(DocsearchPermissions.VIEW, "docsearch.permission.view"),
                new Permission(DocsearchPermissions.EDIT, "docsearch.permission.edit"),
                new Permission(DocsearchPermissions.ADMIN, "docsearch.permission.admin"));
    }
}
