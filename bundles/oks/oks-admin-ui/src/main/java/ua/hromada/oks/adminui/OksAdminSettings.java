package ua.hromada.oks.adminui;

import java.time.DateTimeException;
import java.time.ZoneId;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Modified;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The community's time zone for the analytics (today's month, times shown), read from the
 * module's own PID {@code ua.hromada.oks} ({@code time.zone}) so the report's days are the
 * service's days.
 */
@Component(service = OksAdminSettings.class, configurationPid = "ua.hromada.oks",
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
public class OksAdminSettings {

    private static final Logger LOG = LoggerFactory.getLogger(OksAdminSettings.class);
    private static final ZoneId DEFAULT = ZoneId.of("Europe/Kyiv");

    public @interface Config {
        /** Time zone of report periods and of the times shown (PID ua.hromada.oks). */
        String time_zone() default "Europe/Kyiv";
    }

    private volatile ZoneId zone = DEFAULT;

    @Activate
    @Modified
    void configure(Config config) {
        try {
            zone = ZoneId.of(config.time_zone().trim());
        } catch (DateTimeException e) {
            LOG.error("ua.hromada.oks: time.zone '{}' is not a time zone; the analytics use Europe/Kyiv", config.time_zone());
            zone = DEFAULT;
        }
    }

    public ZoneId zone() {
        return zone;
    }
}
