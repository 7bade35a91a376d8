package ua.hromada.portal.shell.http;

import java.net.URI;
import java.util.Locale;
import java.util.Set;

/**
 * Decides whether a state-changing API request came from a page of another site (CSRF). Only
 * the browser's own headers count: {@code Origin} first, {@code Sec-Fetch-Site} when a browser
 * sent no Origin. A request with neither header comes from a program, not from a web page an
 * attacker controls, so it is not cross-site.
 */
public final class OriginCheck {

    /** Methods that never change state; the check leaves them alone. */
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");

    private OriginCheck() {
    }

    /** True for a write to {@code /api/} — the requests the check applies to. */
    public static boolean applies(String method, String path) {
        return method != null && !SAFE_METHODS.contains(method.toUpperCase(Locale.ROOT))
                && path != null && path.startsWith("/api/");
    }

    /**
     * @param origin        the Origin header, or null
     * @param fetchSite     the Sec-Fetch-Site header, or null
     * @param requestOrigin the request's own scheme://host[:port] as the browser addressed it
     * @param publicUrl     the configured public URL of the portal (may be null)
     */
    public static boolean crossSite(String origin, String fetchSite, String requestOrigin, String publicUrl) {
        if (origin != null && !origin.isBlank()) {
            String normalized = normalize(origin);
            // "null" is sent by sandboxed frames and some redirects: never our own page
            return normalized == null || !(normalized.equals(normalize(requestOrigin))
                    || normalized.equals(normalize(publicUrl)));
        }
        if (fetchSite != null && !fetchSite.isBlank()) {
            String site = fetchSite.trim().toLowerCase(Locale.ROOT);
            // "same-site" is another port or subdomain: another origin, so not trusted either
            return !(site.equals("same-origin") || site.equals("none"));
        }
        return false;
    }

    /** scheme://host[:port] in lower case with the default port left out; null if not a URL. */
    static String normalize(String url) {
        if (url == null || url.isBlank() || "null".equals(url.trim())) {
            return null;
        }
        try {
            URI uri = new URI(url.trim());
            String scheme = uri.getScheme();
            String host = uri.getHost();
            if (scheme == null || host == null) {
                return null;
            }
            scheme = scheme.toLowerCase(Locale.ROOT);
            int port = uri.getPort();
            boolean defaultPort = port == -1 || ("http".equals(scheme) && port == 80)
                    || ("https".equals(scheme) && port == 443);
            return scheme + "://" + host.toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port);
        } catch (java.net.URISyntaxException e) {
            return null;
        }
    }
}
