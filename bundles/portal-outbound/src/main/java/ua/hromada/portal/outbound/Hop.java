package ua.hromada.portal.outbound;

import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NoRouteToHostException;
import java.net.SocketAddress;
import java.net.URI;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.eclipse.jetty.client.BytesRequestContent;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.InputStreamResponseListener;
import org.eclipse.jetty.client.Request;
import org.eclipse.jetty.client.Response;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Transport;

import ua.hromada.portal.api.outbound.OutboundRefusedException;
import ua.hromada.portal.api.outbound.OutboundRefusedException.Reason;

/**
 * One request of an exchange, sent by Jetty's HttpClient to an address already checked. The request
 * carries a {@link Pinned} transport: Jetty connects to that address and resolves nothing, while
 * the Host header, TLS SNI and the certificate's host check use the URL's name (Jetty takes them
 * from the request's host). A transport object per request is also a Jetty destination of its own,
 * so a connection checked under another policy is never reused; {@code Connection: close}. The
 * caller's thread waits for the answer's head and then reads the body as Jetty streams it.
 */
final class Hop {
    /** Headers Jetty writes, never copied from the request. */
    private static final Set<String> OWN = Set.of("host", "connection", "content-length", "transfer-encoding",
            "upgrade", "expect", "keep-alive", "te", "trailer");

    private Hop() {
    }

    /**
     * @param name      the URL's host without brackets
     * @param addresses the checked addresses of {@code name}, tried in order while a connection fails
     * @param head      the deadline for the answer's head
     * @param idle      the longest wait for body bytes
     * @param deadline  the whole exchange's, or null
     */
    static Answer send(HttpClient client, HttpRequest request, URI uri, String name, InetAddress[] addresses,
            byte[] body, Duration connectTimeout, Deadline head, Duration idle, Deadline deadline, long maxBytes)
            throws IOException, InterruptedException {
        int port = uri.getPort() > 0 ? uri.getPort() : uri.getScheme().equalsIgnoreCase("https") ? 443 : 80;
        IOException last = null;
        for (InetAddress address : addresses) {
            try {
                return once(client, request, uri, name, new InetSocketAddress(address, port), body, connectTimeout,
                        head, idle, deadline, maxBytes);
            } catch (ConnectException | NoRouteToHostException | HttpConnectTimeoutException e) {
                last = e; // nothing was sent: the name's next address
            }
        }
        throw last;
    }

    private static Answer once(HttpClient client, HttpRequest request, URI uri, String name, InetSocketAddress to,
            byte[] body, Duration connectTimeout, Deadline head, Duration idle, Deadline deadline, long maxBytes)
            throws IOException, InterruptedException {
        CompletableFuture<Void> connected = new CompletableFuture<>();
        Request r = client.newRequest(uri).method(request.method()).transport(new Pinned(to)).followRedirects(false)
                .idleTimeout(idle.toMillis(), TimeUnit.MILLISECONDS).headers(h -> copy(request, h))
                .onRequestBegin(x -> connected.complete(null))
                .onRequestFailure((x, f) -> connected.complete(null))
                .onResponseFailure((x, f) -> connected.complete(null));
        if (deadline != null) {
            r.timeout(deadline.remainingMillis(), TimeUnit.MILLISECONDS);
        }
        if (body != null) {
            r.body(new BytesRequestContent(body));
        }
        InputStreamResponseListener listener = new InputStreamResponseListener();
        r.send(listener);
        Response response;
        try {
            try {
                connected.get(Deadline.in(connectTimeout).min(head).remainingMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                throw abort(r, new HttpConnectTimeoutException("connecting to " + name + " timed out"));
            }
            response = listener.get(head.remainingMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw abort(r, new HttpTimeoutException("no answer from " + name + " in time"));
        } catch (HttpTimeoutException e) { // the head's deadline passed while connecting
            throw abort(r, e);
        } catch (ExecutionException e) {
            throw failure(e.getCause(), name);
        } catch (InterruptedException e) {
            r.abort(e);
            throw e;
        }
        InputStream in = listener.getInputStream();
        long length = response.getHeaders().getLongField(HttpHeader.CONTENT_LENGTH);
        if (length > maxBytes && !request.method().equals("HEAD")) {
            in.close();
            throw new OutboundRefusedException(name, Reason.TOO_LARGE,
                    "the answer of " + name + " has " + length + " bytes, more than " + maxBytes);
        }
        return new Answer(response.getStatus(), request, headers(response.getHeaders()), new Body(in, maxBytes, name),
                uri, Optional.empty());
    }

    private static <E extends IOException> E abort(Request r, E e) {
        r.abort(e);
        return e;
    }

    /** Why Jetty failed the exchange, as the API's exceptions. */
    private static IOException failure(Throwable cause, String name) {
        if (cause instanceof IOException e) {
            return Body.timedOut(e, name);
        }
        if (cause instanceof TimeoutException) {
            return Body.timedOut(new IOException(cause), name);
        }
        return new IOException("the request to " + name + " failed", cause);
    }

    private static void copy(HttpRequest request, HttpFields.Mutable h) {
        request.headers().map().forEach((key, values) -> {
            if (!OWN.contains(key.toLowerCase(Locale.ROOT))) {
                h.remove(key);
                values.forEach(v -> h.add(key, v.replaceAll("[\r\n]", " ")));
            }
        });
        h.put(HttpHeader.CONNECTION, "close");
    }

    private static HttpHeaders headers(HttpFields fields) {
        Map<String, List<String>> map = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (HttpField f : fields) {
            map.computeIfAbsent(f.getName(), k -> new ArrayList<>()).add(f.getValue());
        }
        return HttpHeaders.of(map, (k, v) -> true);
    }

    /**
     * TCP to one checked address: Jetty connects to {@link #getSocketAddress()} and asks no resolver
     * ({@code requiresDomainNameResolution} false). Equal only to itself: a destination per request.
     */
    private static final class Pinned extends Transport.Wrapper {
        private final InetSocketAddress address;

        Pinned(InetSocketAddress address) {
            super(Transport.TCP_IP);
            this.address = address;
        }

        @Override
        public boolean requiresDomainNameResolution() {
            return false;
        }

        @Override
        public SocketAddress getSocketAddress() {
            return address;
        }
    }
}
