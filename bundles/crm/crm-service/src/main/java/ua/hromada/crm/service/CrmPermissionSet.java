package ua.hromada.crm.service;

import org.osgi.service.component.annotations.Component;

import ua.hromada.crm.api.CrmPermissions;
import ua.hromada.portal.api.PermissionSet;
import ua.hromada.portal.api.security.ModulePermissionSet;

/** The module's permissions, offered in the roles view. */
@Component(service = PermissionSet.class)
public class CrmPermissionSet extends ModulePermissionSet {

    public CrmPermissionSet() {
        super("crm", CrmPermissions.ADMINISTRATOR, CrmPermissions.BACK_OFFICE, CrmPermissions.HEAD);
    }
}
