package ua.hromada.portal.outbound;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.Flow;

import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.ProxyAuthenticationProtocolHandler;
import org.eclipse.jetty.client.RedirectProtocolHandler;
import org.eclipse.jetty.client.WWWAuthenticationProtocolHandler;
import org.eclipse.jetty.http.HttpCookieStore;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.eclipse.jetty.util.thread.ScheduledExecutorScheduler;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

import ua.hromada.portal.api.jobs.Jobs;
import ua.hromada.portal.api.outbound.OutboundHttp;
import ua.hromada.portal.api.outbound.OutboundPolicy;
import ua.hromada.portal.api.outbound.OutboundRefusedException;
import ua.hromada.portal.api.outbound.OutboundRefusedException.Reason;

/**
 * The portal's {@link OutboundHttp} on Jetty's HttpClient. Why not the JDK's HttpClient: it resolves
 * the host itself when it connects, after any check of ours, so a DNS server answering a public
 * address to the check and a private one to the connection (DNS rebinding) would win; Java 17 has
 * no resolver to plug in. So each hop resolves the name once here, checks every address, and
 * {@link Hop} has Jetty connect to exactly the checked addresses (a per-request transport, as Jetty's
 * SocketAddressResolver is one for the whole client and cannot see whose check an address passed).
 * Redirects are followed here, not by Jetty, so each target is checked the same way.
 *
 * <p>Threads: Jetty's I/O (its selector holds one thread for good, the rest handle reads) runs on
 * the job service's pool {@value #POOL}, which therefore needs at least two threads. Its timeouts
 * (connect, idle, total, the sweep of finished destinations) are kept by Jetty's
 * ScheduledExecutorScheduler: one daemon timer thread, {@code hromada-portal.outbound-timer},
 * started and stopped with the client. It is accepted because the job service offers delayed work
 * only as listed jobs (each timeout of each request would show among the admin's active jobs and
 * be bound to a community), and a timer of our own over the pool would be hand-written again.
 * The caller's thread waits for the answer's head and reads the body.
 */
@Component(service = OutboundHttp.class)
public class OutboundHttpImpl implements OutboundHttp {
    /** The answer's head when neither the request nor the policy gives a timeout. */
    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);
    /** The job service's pool that runs Jetty's I/O. */
    static final String POOL = "portal.outbound";
    private static final int THREADS = 4;
    /** Jetty's own bound for a connection; policies ask for less. */
    private static final Duration MAX_CONNECT = Duration.ofSeconds(60);
    /** A finished request's destination (one per request) is dropped after this. */
    private static final Duration DESTINATION_IDLE = Duration.ofSeconds(10);

    /** A host name's addresses (the system's resolver; tests give their own). */
    @FunctionalInterface
    interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    private final Resolver resolver;
    private final HttpClient client;

    @Activate
    public OutboundHttpImpl(@Reference Jobs jobs) {
        this(jobs.executor(POOL, THREADS), InetAddress::getAllByName);
    }

    /** For module tests (no job service): Jetty's own pool of daemon threads, the system's resolver. */
    public OutboundHttpImpl() {
        this(null, InetAddress::getAllByName);
    }

    /** @param executor Jetty's I/O threads; null: a Jetty pool of its own (tests) */
    OutboundHttpImpl(Executor executor, Resolver resolver) {
        this.resolver = resolver;
        this.client = new HttpClient();
        if (executor == null) {
            QueuedThreadPool own = new QueuedThreadPool(THREADS, 1);
            own.setName("hromada-outbound-test");
            own.setDaemon(true);
            client.setExecutor(own);
        } else {
            client.setExecutor(executor);
        }
        client.setScheduler(new ScheduledExecutorScheduler("hromada-" + POOL + "-timer", true));
        client.setFollowRedirects(false);
        client.setConnectTimeout(MAX_CONNECT.toMillis()); // each policy's shorter one: Hop
        client.setDestinationIdleTimeout(DESTINATION_IDLE.toMillis());
        client.setHttpCookieStore(new HttpCookieStore.Empty()); // callers never share cookies
        client.getContentDecoderFactories().clear(); // the body as the server sent it, counted as such
        // redirects are followed here, each target checked; no credentials are sent for a server's challenge
        client.getProtocolHandlers().remove(RedirectProtocolHandler.NAME);
        client.getProtocolHandlers().remove(WWWAuthenticationProtocolHandler.NAME);
        client.getProtocolHandlers().remove(ProxyAuthenticationProtocolHandler.NAME);
        client.setUserAgentField(new HttpField(HttpHeader.USER_AGENT, "Hromada portal"));
        try {
            client.start();
        } catch (Exception e) {
            throw new IllegalStateException("Jetty's HttpClient did not start", e);
        }
    }

    @Deactivate
    void stop() throws Exception {
        client.stop();
    }

    @Override
    public HttpResponse<InputStream> send(HttpRequest request, OutboundPolicy policy)
            throws IOException, InterruptedException {
        Deadline deadline = policy.timeout() == null ? null : Deadline.in(policy.timeout());
        Duration wait = request.timeout().orElse(policy.timeout() == null ? DEFAULT_TIMEOUT : policy.timeout());
        byte[] body = body(request);
        URI uri = request.uri();
        String method = request.method();
        for (int hop = 0;; hop++) {
            String name = check(uri);
            InetAddress[] addresses = addresses(name, policy);
            Deadline head = Deadline.in(wait).min(deadline);
            HttpRequest current = hop == 0 ? request : copy(request, uri, method, body);
            Answer answer = Hop.send(client, current, uri, name, addresses, body, policy.connectTimeout(), head, wait,
                    deadline, policy.maxBytes());
            int status = answer.statusCode();
            String location = answer.headers().firstValue("Location").orElse(null);
            boolean get = method.equals("GET") || method.equals("HEAD");
            boolean follows = location != null && policy.maxRedirects() > 0 && (status == 307 || status == 308
                    || get && (status == 301 || status == 302 || status == 303));
            if (!follows) {
                return answer;
            }
            answer.body().close();
            if (hop == policy.maxRedirects()) {
                throw new OutboundRefusedException(name, Reason.REDIRECTS, "more than " + policy.maxRedirects() + " redirects");
            }
            try {
                uri = uri.resolve(location.strip());
            } catch (IllegalArgumentException e) {
                throw new OutboundRefusedException(name, Reason.REDIRECTS, "a redirect to an invalid address: " + location);
            }
        }
    }

    /** The host of an http(s) address without a user name, without brackets. */
    private static String check(URI uri) throws OutboundRefusedException {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        String host = uri.getHost();
        if (!scheme.equals("http") && !scheme.equals("https") || host == null || uri.getRawUserInfo() != null) {
            throw new OutboundRefusedException(String.valueOf(host), Reason.NOT_HTTP,
                    "only http and https addresses with a host and no user name are fetched, not '" + uri + "'");
        }
        return host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
    }

    /** The host's addresses, resolved once; every one must be allowed (a name with one bad address is refused). */
    private InetAddress[] addresses(String name, OutboundPolicy policy) throws IOException {
        InetAddress[] all;
        try {
            // an IPv6 literal in brackets: never taken for a name to look up
            all = resolver.resolve(name.contains(":") ? "[" + name + "]" : name);
        } catch (UnknownHostException e) {
            throw new UnknownHostException(name);
        }
        if (all == null || all.length == 0) {
            throw new UnknownHostException(name);
        }
        for (InetAddress a : all) {
            if (!PublicAddresses.allowed(policy, a)) {
                throw new OutboundRefusedException(name, Reason.NOT_PUBLIC, name + " resolves to " + a.getHostAddress()
                        + ", not a public address (" + policy.setting() + " may allow it)");
            }
        }
        return all;
    }

    /** The request for a redirect's target: the same method, headers, timeout and body. */
    private static HttpRequest copy(HttpRequest request, URI uri, String method, byte[] body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri);
        request.headers().map().forEach((k, vs) -> vs.forEach(v -> b.header(k, v)));
        request.timeout().ifPresent(b::timeout);
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        return b.build();
    }

    /** The request's body as bytes (sent with its length), or null when it has none. */
    private static byte[] body(HttpRequest request) throws IOException, InterruptedException {
        if (request.bodyPublisher().isEmpty() || request.bodyPublisher().get().contentLength() == 0
                && !request.method().equals("POST") && !request.method().equals("PUT")) {
            return null;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CompletableFuture<Void> done = new CompletableFuture<>();
        request.bodyPublisher().get().subscribe(new Flow.Subscriber<ByteBuffer>() {
            @Override
            public void onSubscribe(Flow.Subscription s) {
                s.request(Long.MAX_VALUE);
            }

            @Override
            public void onNext(ByteBuffer item) {
                byte[] b = new byte[item.remaining()];
                item.get(b);
                out.write(b, 0, b.length);
            }

            @Override
            public void onError(Throwable t) {
                done.completeExceptionally(t);
            }

            @Override
            public void onComplete() {
                done.complete(null);
            }
        });
        try {
            done.get();
        } catch (ExecutionException e) {
            throw new IOException("the request's body could not be read", e.getCause());
        }
        return out.toByteArray();
    }
}
