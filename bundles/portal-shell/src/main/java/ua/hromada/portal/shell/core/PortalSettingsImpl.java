package ua.hromada.portal.shell.core;

import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Locale;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import ua.hromada.portal.api.PortalSettings;

/** Community settings from etc/ua.hromada.portal.cfg; nothing about Poltava is hard-coded. */
@Component(service = { PortalSettings.class, PortalSettingsImpl.class }, configurationPid = PortalConfig.PID)
@Designate(ocd = PortalConfig.class)
public class PortalSettingsImpl implements PortalSettings {

    /** The fallback when time.zone is not a zone; nothing else in the core names a zone. */
    static final String DEFAULT_ZONE = "Europe/Kyiv";

    private static final Logger LOG = LoggerFactory.getLogger(PortalSettingsImpl.class);
    private volatile PortalConfig config;
    private volatile PortalTimes times = new PortalTimes(ZoneId.of(DEFAULT_ZONE));
    private volatile CommunityLogo logo = CommunityLogo.NONE;

    @Activate
    @Modified
    void activate(PortalConfig config) {
        this.config = config;
        ZoneId zone;
        try {
            zone = ZoneId.of(config.time_zone().strip());
        } catch (RuntimeException e) {
            LOG.error("{}: time.zone '{}' is not a time zone; using {}", PortalConfig.PID, config.time_zone(), DEFAULT_ZONE);
            zone = ZoneId.of(DEFAULT_ZONE);
        }
        times = new PortalTimes(zone);
        logo = CommunityLogo.of(config.community_logo(), Path.of(System.getProperty("karaf.etc", "etc")));
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

    /** Absolute, for other modules (e-mails, published catalogues): a logo file under the public URL. */
    @Override
    public String logoUrl() {
        CommunityLogo current = logo;
        if (current.file().isPresent()) {
            String base = publicUrl();
            return (base.endsWith("/") ? base : base + "/") + CommunityLogo.PATH;
        }
        return current.url().orElse(null);
    }

    /**
     * The logo for the portal's own pages, or null for none: a logo file relative to the page's
     * base (the portal's root, whatever address the browser used), with its modification time so
     * a replaced file shows at once.
     */
    public String logoSrc() {
        CommunityLogo current = logo;
        return current.file().map(f -> CommunityLogo.PATH + "?v=" + f.toFile().lastModified())
                .orElse(current.url().orElse(null));
    }

    /** What community.logo names (the logo servlet serves its file). */
    public CommunityLogo logo() {
        return logo;
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
