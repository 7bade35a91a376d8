package ua.hromada.oks.ui;

import java.time.DateTimeException;
import java.time.ZoneId;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Modified;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Settings of the OKS views: the map's event list (PID {@code ua.hromada.oks.ui}, file
 * config/ua.hromada.oks.ui.cfg) and the community's time zone, read from the module's own PID
 * {@code ua.hromada.oks} ({@code time.zone}) so the pages and the service never disagree on a day.
 */
@Component(service = OksUiSettings.class, configurationPid = {"ua.hromada.oks", "ua.hromada.oks.ui"},
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
public class OksUiSettings {

    private static final Logger LOG = LoggerFactory.getLogger(OksUiSettings.class);

    public @interface Config {
        /** Time zone of the times shown on the pages and in exports (PID ua.hromada.oks). */
        String time_zone() default "Europe/Kyiv";

        /** How many of the latest events the map page lists. */
        int events_count() default 15;

        /** How often the map page refreshes its event list, in seconds. */
        int events_refreshSeconds() default 30;
    }

    private volatile ZoneId zone = ZoneId.of("Europe/Kyiv");
    private volatile int eventsCount = 15;
    private volatile int refreshSeconds = 30;

    @Activate
    @Modified
    void configure(Config config) {
        try {
            zone = ZoneId.of(config.time_zone().trim());
        } catch (DateTimeException e) {
            LOG.error("ua.hromada.oks: time.zone '{}' is not a time zone; using Europe/Kyiv", config.time_zone());
            zone = ZoneId.of("Europe/Kyiv");
        }
        eventsCount = Math.max(1, Math.min(config.events_count(), 100));
        refreshSeconds = Math.max(5, config.events_refreshSeconds());
    }

    public ZoneId zone() {
        return zone;
    }

    public int eventsCount() {
        return eventsCount;
    }

    public int refreshSeconds() {
        return refreshSeconds;
    }
}
