package ua.hromada.eservices.service;

import org.osgi.service.component.annotations.Component;

import ua.hromada.eservices.api.EservicesPermissions;
import ua.hromada.portal.api.PermissionSet;
import ua.hromada.portal.api.security.ModulePermissionSet;

/** The module's permissions, offered in the roles view. */
@Component(service = PermissionSet.class)
public class EservicesPermissionSet extends ModulePermissionSet {

    public EservicesPermissionSet() {
        super("eservices", EservicesPermissions.CATALOGUE, EservicesPermissions.APPEALS, EservicesPermissions.MANAGE);
    }
}
