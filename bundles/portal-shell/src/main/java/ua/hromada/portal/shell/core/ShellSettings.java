package ua.hromada.portal.shell.core;

import java.time.ZoneId;
import java.util.Locale;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import ua.hromada.portal.api.PortalSettings;

/** Community settings from etc/ua.hromada.portal.cfg; nothing about Poltava is hard-coded. */
@Component(service = { PortalSettings.class, ShellSettings.class }, configurationPid = "ua.hromada.portal")
@Designate(ocd = ShellSettings.Config.class)
public class ShellSettings implements PortalSettings {

    @ObjectClassDefinition(name = "Hromada portal")
    public @interface Config {
        @AttributeDefinition(name = "Community name")
        String community_name() default "Територіальна громада";

        @AttributeDefinition(name = "Community name in English")
        String community_name_en() default "";

        @AttributeDefinition(name = "Logo URL")
        String community_logo() default "";

        @AttributeDefinition(name = "Default language (uk or en)")
        String locale_default() default "uk";

        @AttributeDefinition(name = "Public URL")
        String public_url() default "http://127.0.0.1:8181/";

        @AttributeDefinition(name = "Time zone", description = "Every time the portal shows is in it, e.g. Europe/Kyiv")
        String time_zone() default "Europe/Kyiv";
    }

    private static final Logger LOG = LoggerFactory.getLogger(ShellSettings.class);
    private volatile Config config;
    private volatile PortalTimes times = new PortalTimes(ZoneId.of("Europe/Kyiv"));

    @Activate
    @Modified
    void activate(Config config) {
        this.config = config;
        ZoneId zone;
        try {
            zone = ZoneId.of(config.time_zone().strip());
        } catch (RuntimeException e) {
            LOG.error("ua.hromada.portal: time.zone '{}' is not a time zone; using Europe/Kyiv", config.time_zone());
            zone = ZoneId.of("Europe/Kyiv");
        }
        times = new PortalTimes(zone);
    }

    @Override
    public ZoneId timeZone() {
        return times.zone();
    }

    /** The one formatter of times the shell's views show. */
    public PortalTimes times() {
        return times;
    }

    @Override
    public String communityName() {
        return config.community_name();
    }

    /** Name in the given language when configured, else the main one. */
    public String communityName(Locale locale) {
        String en = config.community_name_en();
        return "en".equals(locale.getLanguage()) && en != null && !en.isBlank() ? en : communityName();
    }

    @Override
    public String logoUrl() {
        String logo = config.community_logo();
        return logo == null || logo.isBlank() ? null : logo;
    }

    @Override
    public Locale defaultLocale() {
        return Locale.forLanguageTag(config.locale_default());
    }

    @Override
    public String publicUrl() {
        return config.public_url();
    }
}
