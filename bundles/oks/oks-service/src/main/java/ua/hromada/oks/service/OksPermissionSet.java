package ua.hromada.oks.service;

import org.osgi.service.component.annotations.Component;

import ua.hromada.oks.api.OksPermissions;
import ua.hromada.portal.api.PermissionSet;
import ua.hromada.portal.api.security.ModulePermissionSet;

/** The module's roles as permissions, offered in the roles view. */
@Component(service = PermissionSet.class)
public class OksPermissionSet extends ModulePermissionSet {

    public OksPermissionSet() {
        super("oks", OksPermissions.INSPECT, OksPermissions.EXECUTE, OksPermissions.ADMINISTER, OksPermissions.VIEW);
    }
}
