package ua.hromada.portal.shell.core;

import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import ua.hromada.portal.api.PortalSettings;
import ua.hromada.portal.api.community.Communities;
import ua.hromada.portal.api.community.Community;

/**
 * The settings of the community of the running work: its overlay ({@code ua.hromada.portal/<key>}
 * of the community) first, then etc/ua.hromada.portal.cfg, the shared defaults. Nothing about
 * Poltava is hard-coded.
 */
@Component(service = { PortalSettings.class, PortalSettingsImpl.class }, configurationPid = PortalConfig.PID)
@Designate(ocd = PortalConfig.class)
public class PortalSettingsImpl implements PortalSettings {

    /** The fallback when time.zone is not a zone; nothing else in the core names a zone. */
    static final String DEFAULT_ZONE = "Europe/Kyiv";
    static final String NAME = "community.name";
    static final String NAME_EN = "community.name.en";
    static final String LOGO = "community.logo";
    static final String LOCALE = "locale.default";
    static final String PUBLIC_URL = "public.url";
    static final String TIME_ZONE = "time.zone";

    private static final Logger LOG = LoggerFactory.getLogger(PortalSettingsImpl.class);

    private final Communities communities;
    private final Path etc;
    private volatile PortalConfig config;
    /**
     * One community's values, read once per overlay (the logo file is checked and a wrong zone
     * logged once, not on every page): a community whose record changed is read again.
     */
    private final Map<String, Values> byCommunity = new ConcurrentHashMap<>();

    private record Values(PortalConfig config, Community community, String name, String nameEn, CommunityLogo logo,
            Locale locale, String publicUrl, PortalTimes times) {
    }

    @Activate
    public PortalSettingsImpl(@Reference Communities communities, PortalConfig config) {
        this(communities, config, Path.of(System.getProperty("karaf.etc", "etc")));
    }

    /** @param etc the folder a logo file name is relative to */
    PortalSettingsImpl(Communities communities, PortalConfig config, Path etc) {
        this.communities = communities;
        this.etc = etc;
        this.config = config;
    }

    @Modified
    void modified(PortalConfig config) {
        this.config = config;
        byCommunity.clear();
    }

    private Values values() {
        Community community = communities.current();
        PortalConfig shared = config;
        Values values = byCommunity.get(community.id());
        if (values == null || values.config() != shared || !values.community().equals(community)) {
            values = read(shared, community);
            byCommunity.put(community.id(), values);
        }
        return values;
    }

    private Values read(PortalConfig shared, Community community) {
        String zoneName = setting(community, TIME_ZONE, shared.time_zone());
        ZoneId zone;
        try {
            zone = ZoneId.of(zoneName.strip());
        } catch (RuntimeException e) {
            LOG.error("{}: time.zone '{}' of community {} is not a time zone; using {}", PortalConfig.PID, zoneName,
                    community.id(), DEFAULT_ZONE);
            zone = ZoneId.of(DEFAULT_ZONE);
        }
        return new Values(shared, community, setting(community, NAME, shared.community_name()),
                setting(community, NAME_EN, shared.community_name_en()),
                CommunityLogo.of(setting(community, LOGO, shared.community_logo()), etc),
                Locale.forLanguageTag(setting(community, LOCALE, shared.locale_default()).strip()),
                setting(community, PUBLIC_URL, shared.public_url()), new PortalTimes(zone));
    }

    /** The community's value of a key of ua.hromada.portal, else the shared one. */
    private static String setting(Community community, String key, String shared) {
        return community.setting(PortalConfig.PID, key).orElse(shared == null ? "" : shared);
    }

    @Override
    public ZoneId timeZone() {
        return values().times().zone();
    }

    /** The one formatter of times the shell's views show, in the current community's zone. */
    public PortalTimes times() {
        return values().times();
    }

    @Override
    public String communityName() {
        return values().name();
    }

    /** Name in the given language when configured, else the main one. */
    public String communityName(Locale locale) {
        Values values = values();
        String en = values.nameEn();
        return "en".equals(locale.getLanguage()) && en != null && !en.isBlank() ? en : values.name();
    }

    /** Absolute, for other modules (e-mails, published catalogues): a logo file under the public URL. */
    @Override
    public String logoUrl() {
        Values values = values();
        CommunityLogo current = values.logo();
        if (current.file().isPresent()) {
            String base = values.publicUrl();
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
        CommunityLogo current = values().logo();
        return current.file().map(f -> CommunityLogo.PATH + "?v=" + f.toFile().lastModified())
                .orElse(current.url().orElse(null));
    }

    /** What community.logo names for the current community (the logo servlet serves its file). */
    public CommunityLogo logo() {
        return values().logo();
    }

    @Override
    public Locale defaultLocale() {
        return values().locale();
    }

    @Override
    public String publicUrl() {
        return values().publicUrl();
    }
}
