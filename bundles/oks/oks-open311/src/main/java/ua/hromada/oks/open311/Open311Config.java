package ua.hromada.oks.open311;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import ua.hromada.portal.api.outbound.OutboundPolicy;

/**
 * Settings of PID {@value #PID} (etc/ua.hromada.oks.open311.cfg).
 *
 * @param apiKeys        keys residents' apps send as {@code api_key} to POST requests (none: POST
 *                       refused; weak ones are refused too, see {@link ApiKeys})
 * @param jurisdictionId this endpoint's jurisdiction; a different {@code jurisdiction_id} is a 404
 *                       (empty: the parameter is ignored, as the spec allows for one jurisdiction)
 * @param zone           the time zone the datetimes are written in: the community's (PortalSettings)
 * @param serviceGroup   the {@code group} of every service (null: the bundle's default text)
 * @param keywords       {@code keywords} per service_code ({@code keywords.<code>} keys)
 * @param discovery      what the service discovery document says about this endpoint
 * @param limits         how many POSTs a client address and a key may make
 * @param media          whether and how a request's {@code media_url} is fetched and stored as a photo
 */
public record Open311Config(List<String> apiKeys, String jurisdictionId, ZoneId zone, String serviceGroup,
        Map<String, String> keywords, Discovery discovery, Limits limits, Media media) {

    /**
     * The {@code media.*} keys.
     *
     * @param fetch           whether a POST's media_url is read and stored as the case's photo (false: it
     *                        stays a link in the description only)
     * @param maxBytes        largest file read (the OKS photo limit applies as well)
     * @param timeout         for the whole exchange with the media server, redirects included
     * @param allowedNetworks addresses or CIDR networks read from even though not public (a council's
     *                        own media server; a test's local one): every other private, loopback or
     *                        link-local address is refused
     */
    public record Media(boolean fetch, long maxBytes, java.time.Duration timeout, List<String> allowedNetworks) {
        public Media {
            allowedNetworks = List.copyOf(allowedNetworks);
        }

        /** The portal's outbound rules for a media_url: public addresses and {@code allowedNetworks}. */
        public OutboundPolicy policy() {
            return OutboundPolicy.allowing("media.allowedNetworks", allowedNetworks);
        }
    }

    /**
     * The {@code rateLimit.*} and {@code trustedProxies} keys.
     *
     * @param perAddress     POSTs per client address (an IPv6 /64 counts as one)
     * @param perKey         POSTs per API key, over all the clients of an app
     * @param maxAddresses   client addresses kept in memory at most
     * @param trustedProxies reverse proxies whose X-Forwarded-For is believed (addresses or CIDR networks)
     */
    public record Limits(RateLimiter.Limit perAddress, RateLimiter.Limit perKey, int maxAddresses,
            List<String> trustedProxies) {
        public Limits {
            trustedProxies = List.copyOf(trustedProxies);
        }
    }

    /**
     * The discovery document's texts ({@code discovery.*} keys).
     *
     * @param contact    how app developers reach the council (null: empty element)
     * @param keyService how an app gets an API key (null: empty element)
     * @param type       the endpoint's type: production, test or dev
     * @param publicUrl  the endpoint's public address (null: the portal's public.url followed by
     *                   /api/open311/v2; never the Host header a client sent)
     */
    public record Discovery(String contact, String keyService, String type, String publicUrl) {
        static final List<String> TYPES = List.of("production", "test", "dev");
    }

    public static final String PID = "ua.hromada.oks.open311";
    public Open311Config {
        apiKeys = List.copyOf(apiKeys);
        keywords = Map.copyOf(keywords);
    }

    /**
     * Reads the PID's properties. The keys are read from the map, not a typed OCD, because
     * {@code keywords.<service_code>} are as many as the community's violation types.
     */
    public static Open311Config from(Map<String, ?> properties, ZoneId zone) {
        List<String> keys = list(properties.get("apiKeys"));
        Map<String, String> keywords = new LinkedHashMap<>();
        properties.forEach((name, value) -> {
            if (name.startsWith("keywords.") && !text(value).isEmpty()) {
                keywords.put(name.substring("keywords.".length()), text(value));
            }
        });
        String group = text(properties.get("serviceGroup"));
        String type = text(properties.get("discovery.type"));
        if (type.isEmpty()) {
            type = "production";
        } else if (!Discovery.TYPES.contains(type)) {
            throw new IllegalArgumentException("discovery.type '" + type + "' is not one of " + Discovery.TYPES);
        }
        String publicUrl = text(properties.get("discovery.publicUrl"));
        if (!publicUrl.isEmpty() && !publicUrl.matches("(?i)https?://\\S+")) {
            throw new IllegalArgumentException("discovery.publicUrl '" + publicUrl + "' is not an http(s) address");
        }
        Discovery discovery = new Discovery(orNull(text(properties.get("discovery.contact"))),
                orNull(text(properties.get("discovery.keyService"))), type,
                publicUrl.isEmpty() ? null : publicUrl.replaceAll("/+$", ""));
        Limits limits = new Limits(limit(properties, "rateLimit.address", 10, 60),
                limit(properties, "rateLimit.key", 200, 2000), number(properties, "rateLimit.maxAddresses", 10_000),
                list(properties.get("trustedProxies")));
        new ClientAddress(limits.trustedProxies()); // refuses what is not an address or network now, not per request
        if (limits.maxAddresses() < 1) {
            throw new IllegalArgumentException("rateLimit.maxAddresses must be at least 1");
        }
        String fetch = text(properties.get("media.fetch"));
        if (!fetch.isEmpty() && !fetch.equalsIgnoreCase("true") && !fetch.equalsIgnoreCase("false")) {
            throw new IllegalArgumentException("media.fetch '" + fetch + "' is not true or false");
        }
        int maxMb = number(properties, "media.maxSizeMb", 10);
        int timeoutSeconds = number(properties, "media.timeoutSeconds", 10);
        if (maxMb < 1 || timeoutSeconds < 1) {
            throw new IllegalArgumentException("media.maxSizeMb and media.timeoutSeconds must be at least 1");
        }
        Media media = new Media(fetch.equalsIgnoreCase("true"), maxMb * 1024L * 1024L,
                java.time.Duration.ofSeconds(timeoutSeconds), list(properties.get("media.allowedNetworks")));
        media.policy(); // refuses what is not an address or network now
        return new Open311Config(keys, text(properties.get("jurisdictionId")), zone, group.isEmpty() ? null : group,
                keywords, discovery, limits, media);
    }

    private static RateLimiter.Limit limit(Map<String, ?> properties, String prefix, int burst, int perHour) {
        try {
            return new RateLimiter.Limit(number(properties, prefix + ".burst", burst),
                    number(properties, prefix + ".perHour", perHour));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(prefix + ".*: " + e.getMessage(), e);
        }
    }

    private static int number(Map<String, ?> properties, String name, int dflt) {
        String v = text(properties.get(name));
        if (v.isEmpty()) {
            return dflt;
        }
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " '" + v + "' is not a whole number", e);
        }
    }

    private static List<String> list(Object value) {
        List<String> out = new ArrayList<>();
        for (String item : text(value).split(",")) {
            if (!item.isBlank()) {
                out.add(item.trim());
            }
        }
        return out;
    }

    /** Whether a request's {@code jurisdiction_id} (null or blank: not sent) names this endpoint. */
    public boolean servesJurisdiction(String requested) {
        return requested == null || requested.isBlank() || jurisdictionId.isEmpty()
                || jurisdictionId.equalsIgnoreCase(requested.trim());
    }

    private static String orNull(String s) {
        return s.isEmpty() ? null : s;
    }

    private static String text(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof String[] array) {
            return String.join(",", array).trim();
        }
        return value.toString().trim();
    }
}
