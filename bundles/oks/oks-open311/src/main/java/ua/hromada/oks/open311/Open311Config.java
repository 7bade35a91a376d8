package ua.hromada.oks.open311;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Settings of PID {@value #PID} (etc/ua.hromada.oks.open311.cfg).
 *
 * @param apiKeys        keys residents' apps send as {@code api_key} to POST requests (none: POST refused)
 * @param jurisdictionId this endpoint's jurisdiction; a different {@code jurisdiction_id} is a 404
 *                       (empty: the parameter is ignored, as the spec allows for one jurisdiction)
 * @param zone           the time zone the datetimes are written in
 * @param serviceGroup   the {@code group} of every service (null: the bundle's default text)
 * @param keywords       {@code keywords} per service_code ({@code keywords.<code>} keys)
 * @param discovery      what the service discovery document says about this endpoint
 */
public record Open311Config(List<String> apiKeys, String jurisdictionId, ZoneId zone, String serviceGroup,
        Map<String, String> keywords, Discovery discovery) {

    /**
     * The discovery document's texts ({@code discovery.*} keys).
     *
     * @param contact    how app developers reach the council (null: empty element)
     * @param keyService how an app gets an API key (null: empty element)
     * @param type       the endpoint's type: production, test or dev
     * @param publicUrl  the endpoint's public address when the portal sits behind a proxy (null:
     *                   the address the request came to)
     */
    public record Discovery(String contact, String keyService, String type, String publicUrl) {
        static final List<String> TYPES = List.of("production", "test", "dev");
    }

    public static final String PID = "ua.hromada.oks.open311";
    /** The placeholder shipped in config/; the log warns while it is in use. */
    public static final String PLACEHOLDER_KEY = "CHANGE-ME-open311-placeholder-key";
    static final String DEFAULT_ZONE = "Europe/Kyiv";

    public Open311Config {
        apiKeys = List.copyOf(apiKeys);
        keywords = Map.copyOf(keywords);
    }

    public static Open311Config from(Map<String, ?> properties) {
        List<String> keys = new ArrayList<>();
        for (String key : text(properties.get("apiKeys")).split(",")) {
            if (!key.isBlank()) {
                keys.add(key.trim());
            }
        }
        String zoneText = text(properties.get("timeZone"));
        ZoneId zone;
        try {
            zone = ZoneId.of(zoneText.isEmpty() ? DEFAULT_ZONE : zoneText);
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("timeZone '" + zoneText + "' is not a time zone id such as Europe/Kyiv", e);
        }
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
        return new Open311Config(keys, text(properties.get("jurisdictionId")), zone, group.isEmpty() ? null : group,
                keywords, discovery);
    }

    /** Whether {@code sent} is one of the configured keys (compared in constant time). */
    public boolean acceptsKey(String sent) {
        if (sent == null || sent.isBlank()) {
            return false;
        }
        byte[] given = sent.trim().getBytes(StandardCharsets.UTF_8);
        boolean accepted = false;
        for (String key : apiKeys) {
            accepted |= MessageDigest.isEqual(key.getBytes(StandardCharsets.UTF_8), given);
        }
        return accepted;
    }

    public boolean usesPlaceholderKey() {
        return apiKeys.contains(PLACEHOLDER_KEY);
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
