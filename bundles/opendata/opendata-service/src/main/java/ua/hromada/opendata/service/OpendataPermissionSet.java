package ua.hromada.opendata.service;

import org.osgi.service.component.annotations.Component;

import ua.hromada.opendata.api.OpendataPermissions;
import ua.hromada.portal.api.PermissionSet;
import ua.hromada.portal.api.security.ModulePermissionSet;

/** The module's roles as permissions, offered in the roles view. */
@Component(service = PermissionSet.class)
public class OpendataPermissionSet extends ModulePermissionSet {

    public OpendataPermissionSet() {
        super("opendata", OpendataPermissions.VIEW, OpendataPermissions.EDIT, OpendataPermissions.AUDIT);
    }
}
