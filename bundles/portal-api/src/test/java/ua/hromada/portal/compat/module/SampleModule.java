package ua.hromada.portal.compat.module;

import java.util.List;

import ua.hromada.portal.api.Permission;
import ua.hromada.portal.api.PermissionSet;
import ua.hromada.portal.api.PortalSettings;

/**
 * What a module does with the SPI (ModuleCompatibilityTest wraps it as a bundle): implements a
 * contribution type and calls a service the portal offers.
 */
public class SampleModule implements PermissionSet {

    private final PortalSettings settings;

    public SampleModule(PortalSettings settings) {
        this.settings = settings;
    }

    @Override
    public String module() {
        return "sample";
    }

    @Override
    public List<Permission> permissions() {
        return List.of(new Permission("sample.view", "sample.permission.view." + settings.communityName()));
    }
}
