package ua.hromada.docsearch.service;

import org.osgi.service.component.annotations.Component;

import ua.hromada.docsearch.api.DocsearchPermissions;
import ua.hromada.portal.api.PermissionSet;
import ua.hromada.portal.api.security.ModulePermissionSet;

/** The module's permissions, offered in the roles view. */
@Component(service = PermissionSet.class)
public class DocsearchPermissionSet extends ModulePermissionSet {

    public DocsearchPermissionSet() {
        super("docsearch", DocsearchPermissions.VIEW, DocsearchPermissions.EDIT, DocsearchPermissions.ADMIN);
    }
}
