package ua.hromada.oks.ui;

import java.time.ZoneId;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;

import ua.hromada.portal.api.PortalSettings;

/**
 * Settings of the OKS views: the map's event list ({@link OksUiConfig}) and the community's time
 * zone, the portal's (PortalSettings), so the pages and the service never disagree on a day.
 */
@Component(service = OksUiSettings.class, configurationPid = OksUiConfig.PID,
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = OksUiConfig.class)
public class OksUiSettings {

    @Reference
    private PortalSettings portal;

    private volatile int eventsCount = 15;
    private volatile int refreshSeconds = 30;

    @Activate
    @Modified
    void configure(OksUiConfig config) {
        eventsCount = Math.max(1, Math.min(config.events_count(), 100));
        refreshSeconds = Math.max(5, config.events_refreshSeconds());
    }

    /** The community's time zone of the times shown on the pages and in exports. */
    public ZoneId zone() {
        return portal.timeZone();
    }

    public int eventsCount() {
        return eventsCount;
    }

    public int refreshSeconds() {
        return refreshSeconds;
    }
}
