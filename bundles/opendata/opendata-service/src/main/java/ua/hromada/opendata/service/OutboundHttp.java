package ua.hromada.opendata.service;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Locale;

import ua.hromada.opendata.api.OutboundRefusedException;
import ua.hromada.opendata.api.OutboundRefusedException.Reason;

/**
 * The one way open data sends a request to an address a steward typed: http(s) only, no user name
 * in the address, every address the host resolves to allowed by {@link OutboundAddresses}, and
 * redirects followed here (the client itself follows none) at most {@value #MAX_REDIRECTS} times,
 * each target checked again. A POST follows only 307/308 (same method and body).
 */
final class OutboundHttp {
    static final int MAX_REDIRECTS = 5;

    /** The address, or a redirect's, is not one open data may connect to. */
    static final class Refused extends OutboundRefusedException {
        private static final long serialVersionUID = 1L;

        Refused(String host, Reason reason, String why) {
            super(host, reason, why);
        }
    }

    private final HttpClient http;
    private final OutboundAddresses addresses;

    /** @param http a client that follows no redirects */
    OutboundHttp(HttpClient http, OutboundAddresses addresses) {
        this.http = http;
        this.addresses = addresses;
    }

    HttpResponse<InputStream> send(HttpRequest request) throws IOException, InterruptedException {
        HttpRequest current = request;
        for (int hop = 0;; hop++) {
            check(current.uri());
            HttpResponse<InputStream> r = http.send(current, HttpResponse.BodyHandlers.ofInputStream());
            int status = r.statusCode();
            String location = r.headers().firstValue("Location").orElse(null);
            boolean get = current.method().equals("GET");
            boolean follows = location != null && (status == 307 || status == 308
                    || get && (status == 301 || status == 302 || status == 303));
            if (!follows) {
                return r;
            }
            r.body().close();
            if (hop == MAX_REDIRECTS) {
                throw new Refused(current.uri().getHost(), Reason.REDIRECTS, "more than " + MAX_REDIRECTS + " redirects");
            }
            URI next;
            try {
                next = current.uri().resolve(location);
            } catch (IllegalArgumentException e) {
                throw new Refused(current.uri().getHost(), Reason.REDIRECTS, "a redirect to an invalid address");
            }
            HttpRequest.Builder b = HttpRequest.newBuilder(next);
            current.headers().map().forEach((k, vs) -> vs.forEach(v -> b.header(k, v)));
            current.timeout().ifPresent(b::timeout);
            b.method(current.method(), current.bodyPublisher().orElse(HttpRequest.BodyPublishers.noBody()));
            current = b.build();
        }
    }

    /** Refuses a URL whose scheme, user name or host's addresses are not allowed. */
    void check(URI uri) throws IOException {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        String host = uri.getHost();
        if (!scheme.equals("http") && !scheme.equals("https") || host == null || uri.getRawUserInfo() != null) {
            throw new Refused(String.valueOf(host), Reason.NOT_HTTP, "not an http(s) address with a host");
        }
        String name = host.startsWith("[") ? host : host.contains(":") ? "[" + host + "]" : host;
        InetAddress[] all;
        try {
            all = InetAddress.getAllByName(name);
        } catch (UnknownHostException e) {
            throw new UnknownHostException(host);
        }
        for (InetAddress a : all) {
            if (!addresses.allows(a)) {
                throw new Refused(host, Reason.NOT_PUBLIC, host + " resolves to " + a.getHostAddress() + ", not a public address");
            }
        }
    }
}
