package ua.hromada.eservices.service.catalogue;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;

import ua.hromada.portal.api.outbound.OutboundHttp;
import ua.hromada.portal.api.outbound.OutboundPolicy;
import ua.hromada.portal.api.outbound.OutboundRefusedException;

/**
 * One check of an address over HTTP: HEAD first (no body sent back), GET when the server refuses or
 * fails HEAD (405, 501, any error status, a dropped connection); redirects followed by hand up to a
 * limit, a loop stopped at its second visit; every request with a timeout. The GET's body is not
 * read. Every request goes through the portal's outbound HTTP: an address that is not public (and
 * not in {@code allowed.networks}) is {@value #REFUSED}, never connected to, after a redirect too. A
 * failure is named by a short code the pages translate ({@code eservices.catalogue.link.error.<code>}).
 */
final class LinkProbe {
    static final String STATUS = "status";
    static final String TIMEOUT = "timeout";
    static final String REDIRECTS = "redirects";
    static final String LOOP = "loop";
    static final String CONNECTION = "connection";
    static final String ADDRESS = "address";
    static final String REFUSED = "refused";

    /** One answer: its status and where it redirects to (null when it does not). */
    private record Answer(int status, String location) {
    }

    /** What one check found. */
    record Result(Integer status, boolean ok, String error, long durationMs, String finalUrl) {
    }

    private final OutboundHttp http;
    private final OutboundPolicy policy;
    private final Duration timeout;
    private final int maxRedirects;
    private final String userAgent;

    /** @param policy the rules of {@code allowed.networks}; redirects are counted here, not followed by it */
    LinkProbe(OutboundHttp http, OutboundPolicy policy, Duration timeout, int maxRedirects, String userAgent) {
        this.http = http;
        this.policy = policy.withMaxRedirects(0).withConnectTimeout(timeout);
        this.timeout = timeout;
        this.maxRedirects = maxRedirects;
        this.userAgent = userAgent;
    }

    Result check(String url) {
        // a duration, not a time of day: the monotonic clock
        long start = System.nanoTime();
        URI at;
        try {
            at = URI.create(url);
        } catch (IllegalArgumentException e) {
            return new Result(null, false, ADDRESS, millis(start), url);
        }
        Set<URI> visited = new HashSet<>();
        try {
            for (int redirects = 0;; redirects++) {
                if (!visited.add(at)) {
                    return new Result(null, false, LOOP, millis(start), at.toString());
                }
                Answer answer = ask(at);
                int status = answer.status();
                if (status < 300 || status >= 400 || status == 304) {
                    boolean ok = status >= 200 && status < 400;
                    return new Result(status, ok, ok ? null : STATUS, millis(start), at.toString());
                }
                if (redirects >= maxRedirects) {
                    return new Result(status, false, REDIRECTS, millis(start), at.toString());
                }
                URI next = location(at, answer.location());
                if (next == null) {
                    return new Result(status, false, ADDRESS, millis(start), at.toString());
                }
                at = next;
            }
        } catch (HttpTimeoutException e) {
            return new Result(null, false, TIMEOUT, millis(start), at.toString());
        } catch (OutboundRefusedException e) {
            return new Result(null, false, REFUSED, millis(start), at.toString());
        } catch (IOException | IllegalArgumentException e) {
            return new Result(null, false, CONNECTION, millis(start), at.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(null, false, CONNECTION, millis(start), at.toString());
        }
    }

    /** A redirect's Location resolved against the address asked; null unless it is an http(s) address. */
    private static URI location(URI from, String location) {
        if (location == null || location.isBlank()) {
            return null;
        }
        try {
            URI next = from.resolve(location.strip());
            String scheme = next.getScheme();
            return "http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme) ? next : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** The status of HEAD, or of GET where HEAD did not do. */
    private Answer ask(URI uri) throws IOException, InterruptedException {
        try {
            HttpResponse<InputStream> head = http.send(request(uri, "HEAD"), policy);
            head.body().close();
            if (head.statusCode() < 400) {
                return new Answer(head.statusCode(), head.headers().firstValue("Location").orElse(null));
            }
        } catch (HttpTimeoutException | OutboundRefusedException e) {
            throw e;
        } catch (IOException e) {
            // some servers drop HEAD requests; GET decides
        }
        HttpResponse<InputStream> get = http.send(request(uri, "GET"), policy);
        // the body is not needed: closing the stream drops the rest of it
        try (InputStream body = get.body()) {
            return new Answer(get.statusCode(), get.headers().firstValue("Location").orElse(null));
        }
    }

    private static long millis(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }

    private HttpRequest request(URI uri, String method) {
        return HttpRequest.newBuilder(uri).timeout(timeout).header("User-Agent", userAgent)
                .method(method, HttpRequest.BodyPublishers.noBody()).build();
    }
}
