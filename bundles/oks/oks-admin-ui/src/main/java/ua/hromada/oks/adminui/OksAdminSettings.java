package ua.hromada.oks.adminui;

import java.time.ZoneId;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import ua.hromada.portal.api.PortalSettings;

/**
 * The community's time zone for the analytics (today's month, times shown): the portal's
 * (PortalSettings), so the report's days are the service's days. No configuration of its own.
 */
@Component(service = OksAdminSettings.class)
public class OksAdminSettings {

    @Reference
    private PortalSettings portal;

    public ZoneId zone() {
        return portal.timeZone();
    }
}
