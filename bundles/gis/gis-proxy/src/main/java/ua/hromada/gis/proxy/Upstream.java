package ua.hromada.gis.proxy;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Locale;
import java.util.regex.Pattern;

import ua.hromada.portal.api.outbound.OutboundHttp;
import ua.hromada.portal.api.outbound.OutboundPolicy;
import ua.hromada.portal.api.outbound.OutboundRefusedException;

/**
 * Fetches one image from an external service for the request's thread, through the portal's outbound
 * HTTP under the GIS's allowed networks (a public address, else one {@code allowed.networks} lists:
 * 502 otherwise, nothing sent): within one deadline for the headers and the body (a server that
 * trickles is cut off: 504), at most {@code maxBytes} counted as they arrive (502), redirects never
 * followed (the registered host is the only one reached), and only a 200 answer of a raster
 * {@code image/*} type passes (502 otherwise; its body is not read). The request thread waits on the
 * exchange; the network I/O runs on the core's outbound pool.
 */
final class Upstream {

    static final int MAX_BYTES = 10 * 1024 * 1024;
    static final Duration TIMEOUT = Duration.ofSeconds(15);
    /** A raster image type; SVG may carry script and would run in the portal's origin. */
    private static final Pattern IMAGE = Pattern.compile("image/(?!svg)[a-z0-9.+-]{1,60}", Pattern.CASE_INSENSITIVE);

    /** The image and its media type (without parameters). */
    record Image(String contentType, byte[] bytes) {
    }

    private final OutboundHttp http;
    private final OutboundPolicy policy;
    private final Duration timeout;
    private final int maxBytes;

    /** @param policy the GIS's allowed networks; the proxy sets its own bounds and follows no redirect */
    Upstream(OutboundHttp http, OutboundPolicy policy, Duration timeout, int maxBytes) {
        this.http = http;
        this.policy = policy.withConnectTimeout(timeout).withTimeout(timeout).withMaxRedirects(0).withMaxBytes(maxBytes);
        this.timeout = timeout;
        this.maxBytes = maxBytes;
    }

    Image fetch(URI uri) {
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(timeout).GET()
                .header("Accept", "image/png, image/jpeg;q=0.9, image/*;q=0.8")
                // tile services ask their users to say who they are
                .header("User-Agent", "Hromada portal GIS proxy").build();
        try {
            HttpResponse<InputStream> response = http.send(request, policy);
            // closing the body unread drops a refused answer
            try (InputStream body = response.body()) {
                String type = accepted(uri, response);
                return new Image(type, body.readAllBytes());
            }
        } catch (OutboundRefusedException e) {
            throw switch (e.reason()) {
                // the limit in whole megabytes, or kilobytes when smaller (a test's limit)
                case TOO_LARGE -> maxBytes % (1024 * 1024) == 0
                        ? ProxyError.badGateway("proxy.error.tooLarge", maxBytes / 1024 / 1024)
                        : ProxyError.badGateway("proxy.error.tooLargeKb", Math.max(1, maxBytes / 1024));
                case NOT_PUBLIC -> ProxyError.badGateway("proxy.error.notPublic", e.host());
                // UpstreamAddress lets only http(s) addresses with a host pass; a user name in one ends here
                case NOT_HTTP, REDIRECTS -> ProxyError.badGateway("proxy.error.unreachable", uri.getHost());
            };
        } catch (HttpConnectTimeoutException e) {
            throw ProxyError.badGateway("proxy.error.unreachable", uri.getHost());
        } catch (HttpTimeoutException e) {
            throw new ProxyError(504, "proxy.error.timeout", Math.max(1, timeout.toSeconds()));
        } catch (IOException e) {
            throw ProxyError.badGateway("proxy.error.unreachable", uri.getHost());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ProxyError.badGateway("proxy.error.unreachable", uri.getHost());
        }
    }

    /** The answer's media type when it is a 200 raster image; a {@link ProxyError} 502 otherwise. */
    private static String accepted(URI uri, HttpResponse<?> response) {
        int status = response.statusCode();
        if (status >= 300 && status < 400) {
            throw ProxyError.badGateway("proxy.error.redirect", uri.getHost());
        }
        if (status != 200) {
            throw ProxyError.badGateway("proxy.error.status", uri.getHost(), status);
        }
        String type = mediaType(response.headers().firstValue("Content-Type").orElse(""));
        if (!IMAGE.matcher(type).matches()) {
            throw ProxyError.badGateway("proxy.error.notImage", uri.getHost(), type.isEmpty() ? "—" : type);
        }
        return type;
    }

    static String mediaType(String contentType) {
        int semicolon = contentType.indexOf(';');
        return (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).strip().toLowerCase(Locale.ROOT);
    }
}
