package ua.hromada.gis.proxy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Executor;
import java.util.regex.Pattern;

import ua.hromada.gis.api.http.BoundedGet;

/**
 * Fetches one image from an external service for the request's thread: within one deadline for the
 * headers and the body (a server that trickles is cut off: 504), at most {@code maxBytes} counted as
 * they arrive (502), redirects never followed (the registered host is the only one reached), and only
 * a 200 answer of a raster {@code image/*} type passes (502 otherwise). The request thread waits on
 * the exchange; the JDK client's hand-offs run on the job pool it is given.
 */
final class Upstream {

    static final int MAX_BYTES = 10 * 1024 * 1024;
    static final Duration TIMEOUT = Duration.ofSeconds(15);
    /** A raster image type; SVG may carry script and would run in the portal's origin. */
    private static final Pattern IMAGE = Pattern.compile("image/(?!svg)[a-z0-9.+-]{1,60}", Pattern.CASE_INSENSITIVE);

    /** The image and its media type (without parameters). */
    record Image(String contentType, byte[] bytes) {
    }

    private final BoundedGet http;

    /** @param executor the JDK client's pool; request threads wait on the exchange, never run on it */
    Upstream(Duration timeout, int maxBytes, Executor executor) {
        this.http = new BoundedGet(timeout, maxBytes, HttpClient.Redirect.NEVER, executor);
    }

    Image fetch(URI uri) {
        HttpResponse<byte[]> response;
        try {
            // a refused answer's body is not read
            response = http.get(uri, Upstream::image, "Accept", "image/png, image/jpeg;q=0.9, image/*;q=0.8",
                    // tile services ask their users to say who they are
                    "User-Agent", "Hromada portal GIS proxy");
        } catch (BoundedGet.Failed e) {
            int maxBytes = http.maxBytes();
            throw switch (e.failure()) {
                // the limit in whole megabytes, or kilobytes when smaller (a test's limit)
                case TOO_LARGE -> maxBytes % (1024 * 1024) == 0
                        ? ProxyError.badGateway("proxy.error.tooLarge", maxBytes / 1024 / 1024)
                        : ProxyError.badGateway("proxy.error.tooLargeKb", Math.max(1, maxBytes / 1024));
                case TIMED_OUT -> new ProxyError(504, "proxy.error.timeout", Math.max(1, http.timeout().toSeconds()));
                case UNREACHABLE -> ProxyError.badGateway("proxy.error.unreachable", uri.getHost());
            };
        }
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
        return new Image(type, response.body());
    }

    private static boolean image(HttpResponse.ResponseInfo info) {
        return info.statusCode() == 200
                && IMAGE.matcher(mediaType(info.headers().firstValue("Content-Type").orElse(""))).matches();
    }

    static String mediaType(String contentType) {
        int semicolon = contentType.indexOf(';');
        return (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).strip().toLowerCase(Locale.ROOT);
    }
}
