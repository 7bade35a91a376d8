package ua.hromada.oks.open311;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Locale;

import ua.hromada.portal.api.outbound.OutboundHttp;
import ua.hromada.portal.api.outbound.OutboundPolicy;
import ua.hromada.portal.api.outbound.OutboundRefusedException;

/**
 * Reads the file a resident's {@code media_url} names through the portal's outbound HTTP: http or
 * https only; every address of the host public or in {@code media.allowedNetworks}, and the
 * connection made to that checked address; redirects followed at most {@value #MAX_REDIRECTS}
 * times, each checked the same way; one deadline for the whole exchange; at most {@code maxBytes}
 * read. A failure is a {@link Refused} saying why, for the log.
 */
final class MediaFetcher {

    static final int MAX_REDIRECTS = 3;

    /** Why a URL gave no file, in words for the log. */
    static final class Refused extends Exception {
        private static final long serialVersionUID = 1L;

        Refused(String reason) {
            super(reason);
        }
    }

    /** A file read: the last path segment of the URL it came from, and its bytes. */
    record Fetched(String fileName, byte[] content) {
    }

    private final OutboundHttp http;
    private final OutboundPolicy policy;
    private final Duration timeout;

    /** @param policy the rules of {@code media.allowedNetworks} */
    MediaFetcher(OutboundHttp http, OutboundPolicy policy, Duration timeout) {
        this.http = http;
        this.policy = policy.withMaxRedirects(MAX_REDIRECTS).withTimeout(timeout).withConnectTimeout(timeout);
        this.timeout = timeout;
    }

    /** The file at {@code url}, at most {@code maxBytes} long. */
    Fetched fetch(String url, long maxBytes) throws Refused {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new Refused("not a URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new Refused("only http and https are fetched, not '" + scheme + "'");
        }
        String host = uri.getHost();
        try {
            HttpRequest request = HttpRequest.newBuilder(uri).timeout(timeout).header("Accept", "image/jpeg, image/png")
                    .header("User-Agent", "Hromada-OKS-Open311").GET().build();
            HttpResponse<InputStream> r = http.send(request, policy.withMaxBytes(maxBytes));
            try (InputStream body = r.body()) {
                if (r.statusCode() != 200) {
                    throw new Refused("HTTP status " + r.statusCode());
                }
                return new Fetched(fileName(r.uri()), body.readAllBytes());
            }
        } catch (IllegalArgumentException e) {
            throw new Refused("not a URL the portal can send: " + e.getMessage());
        } catch (OutboundRefusedException e) {
            throw new Refused(e.getMessage());
        } catch (HttpTimeoutException e) {
            throw new Refused("no answer within " + timeout.toSeconds() + " s");
        } catch (UnknownHostException e) {
            throw new Refused("unknown host " + host);
        } catch (IOException e) {
            throw new Refused("connection to " + host + " failed: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Refused("interrupted");
        }
    }

    private static String fileName(URI uri) {
        String path = uri.getPath() == null ? "" : uri.getPath();
        String last = path.substring(path.lastIndexOf('/') + 1).replaceAll("[^\\p{L}\\p{N}._-]", "_");
        return last.isEmpty() ? "media" : last.length() > 100 ? last.substring(last.length() - 100) : last;
    }
}
