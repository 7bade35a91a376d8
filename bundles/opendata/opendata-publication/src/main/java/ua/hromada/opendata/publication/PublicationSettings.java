package ua.hromada.opendata.publication;

import java.time.Duration;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * The publication's settings as plain values (the tests build them directly).
 *
 * @param baseUrl            the portal's address without a trailing slash, e.g. {@code https://data.example.org}
 * @param searchCacheEntries package_search answers kept per copy of the registry (0: none)
 * @param zone               the community's time zone (PortalSettings): the clock the passport's dates and
 *                           times are stated in, so that they are published as instants
 */
public record PublicationSettings(String catalogTitle, String catalogDescription, String publisherName,
        String publisherUri, String publisherEmail, String baseUrl, String licenseId, String licenseTitle,
        String licenseUri, String language, Duration maxAge, int searchCacheEntries, ZoneId zone) {

    public PublicationSettings {
        baseUrl = stripSlash(require(baseUrl, "base.url"));
        catalogTitle = require(catalogTitle, "catalog.title");
        catalogDescription = require(catalogDescription, "catalog.description");
        publisherName = require(publisherName, "publisher.name");
        publisherUri = blank(publisherUri) ? baseUrl + "/" : publisherUri.strip();
        publisherEmail = blank(publisherEmail) ? null : publisherEmail.strip();
        licenseId = require(licenseId, "license.id");
        licenseTitle = require(licenseTitle, "license.title");
        licenseUri = require(licenseUri, "license.uri");
        language = require(language, "language").toLowerCase(Locale.ROOT);
        if (!baseUrl.startsWith("http://") && !baseUrl.startsWith("https://")) {
            throw new IllegalArgumentException("base.url must be an http(s) address: " + baseUrl);
        }
        searchCacheEntries = Math.max(0, searchCacheEntries);
        if (zone == null) {
            throw new IllegalArgumentException("the community's time zone must be given");
        }
        if (maxAge == null || maxAge.isNegative() || maxAge.isZero()) {
            maxAge = Duration.ofMinutes(5);
        }
    }

    /** From the configuration; blank values fall back to the portal's community name and address. */
    static PublicationSettings of(PublicationConfig c, String communityName, String portalUrl, ZoneId zone) {
        return new PublicationSettings(c.catalog_title(), c.catalog_description(),
                blank(c.publisher_name()) ? communityName : c.publisher_name(), c.publisher_uri(), c.publisher_email(),
                blank(c.base_url()) ? portalUrl : c.base_url(), c.license_id(), c.license_title(), c.license_uri(),
                c.language(), Duration.ofSeconds(Math.max(1, c.cache_max_age_seconds())), c.search_cache_entries(), zone);
    }

    /**
     * A community's settings: its overlay ({@code <key>} of {@link PublicationConfig#PID}, e.g.
     * {@code publisher.name}) on these shared ones. A community other than the default one does not
     * inherit the shared publisher (name, URI, e-mail: they name the default community's council) nor
     * the shared address: unset, they are its own name and address.
     *
     * @param overlay    the community's value of a key, if it sets one
     * @param ownName    the community's name, or null for the default community
     * @param ownBaseUrl the community's address, or null for the default community
     * @param ownZone    the community's time zone, or null to keep the shared one
     */
    PublicationSettings overlaid(Function<String, Optional<String>> overlay, String ownName, String ownBaseUrl,
            ZoneId ownZone) {
        boolean own = ownName != null;
        String base = overlay.apply("base.url").orElse(own && ownBaseUrl != null ? ownBaseUrl : baseUrl);
        return new PublicationSettings(overlay.apply("catalog.title").orElse(catalogTitle),
                overlay.apply("catalog.description").orElse(catalogDescription),
                overlay.apply("publisher.name").orElse(own ? ownName : publisherName),
                overlay.apply("publisher.uri").orElse(own ? null : publisherUri),
                overlay.apply("publisher.email").orElse(own ? null : publisherEmail), base,
                overlay.apply("license.id").orElse(licenseId), overlay.apply("license.title").orElse(licenseTitle),
                overlay.apply("license.uri").orElse(licenseUri), overlay.apply("language").orElse(language), maxAge,
                searchCacheEntries, ownZone != null ? ownZone : zone);
    }

    /** An absolute address under the base URL; {@code path} starts with a slash. */
    public String url(String path) {
        return baseUrl + path;
    }

    private static String require(String value, String key) {
        if (blank(value)) {
            throw new IllegalArgumentException(key + " must not be empty");
        }
        return value.strip();
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String stripSlash(String url) {
        String u = url;
        while (u.endsWith("/")) {
            u = u.substring(0, u.length() - 1);
        }
        return u;
    }
}
