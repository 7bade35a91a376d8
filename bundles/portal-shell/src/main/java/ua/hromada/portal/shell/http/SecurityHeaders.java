package ua.hromada.portal.shell.http;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The browser-protection headers every response of the portal carries. The default policy is the
 * smallest one the Vaadin 24 production bundle and the Leaflet maps run under: Vaadin's bootstrap
 * writes inline scripts and runs server-sent JavaScript through {@code new Function}, and its
 * components set inline styles, hence the two {@code unsafe-} sources; everything else is
 * same-origin, map tiles and logos may come from any https server.
 */
public final class SecurityHeaders {

    public static final String DEFAULT_CSP = "default-src 'self'; "
            + "script-src 'self' 'unsafe-inline' 'unsafe-eval'; "
            + "style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data: blob: https:; "
            + "font-src 'self' data:; "
            + "connect-src 'self'; "
            + "worker-src 'self' blob:; "
            + "object-src 'none'; "
            + "base-uri 'self'; "
            + "form-action 'self'; "
            + "frame-ancestors 'self'";

    private final Map<String, String> headers;

    /** @param csp the Content-Security-Policy; blank means {@link #DEFAULT_CSP} */
    public SecurityHeaders(String csp) {
        String policy = csp == null || csp.isBlank() ? DEFAULT_CSP : csp.strip();
        if (!policy.contains("frame-ancestors")) {
            // clickjacking protection stays even when an admin writes their own policy
            policy = policy + "; frame-ancestors 'self'";
        }
        Map<String, String> h = new LinkedHashMap<>();
        h.put("Content-Security-Policy", policy);
        h.put("X-Frame-Options", "SAMEORIGIN");
        h.put("X-Content-Type-Options", "nosniff");
        h.put("Referrer-Policy", "strict-origin-when-cross-origin");
        this.headers = Map.copyOf(h);
    }

    public Map<String, String> headers() {
        return headers;
    }
}
