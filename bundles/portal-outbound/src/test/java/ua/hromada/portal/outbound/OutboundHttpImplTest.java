package ua.hromada.portal.outbound;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import ua.hromada.portal.api.outbound.OutboundPolicy;
import ua.hromada.portal.api.outbound.OutboundRefusedException;
import ua.hromada.portal.api.outbound.OutboundRefusedException.Reason;

/**
 * The outbound rules against a local server: public addresses only unless listed, each redirect
 * checked again, the name resolved once per hop and the connection made to the checked address
 * (with the name in the Host header), bodies framed and bounded, time bounded.
 */
class OutboundHttpImplTest {
    private static final byte[] PAYLOAD = "hello, hromada".getBytes(StandardCharsets.UTF_8);
    private static final List<String> HOSTS = Collections.synchronizedList(new ArrayList<>());
    private static final CountDownLatch RELEASE = new CountDownLatch(1);
    private static HttpServer server;
    private static String base;
    private static ExecutorService pool;
    /** One client for the tests, as the portal has one (Jetty's own threads: no job service here). */
    private static OutboundHttpImpl http;

    @BeforeAll
    static void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", OutboundHttpImplTest::handle);
        // a stalled answer must not hold up the others (the server's own threads: test code)
        pool = Executors.newCachedThreadPool();
        server.setExecutor(pool);
        server.start();
        base = "http://127.0.0.1:" + server.getAddress().getPort();
        http = new OutboundHttpImpl();
    }

    @AfterAll
    static void stop() throws Exception {
        http.stop();
        RELEASE.countDown();
        server.stop(0);
        pool.shutdownNow();
    }

    private static void handle(HttpExchange x) throws IOException {
        HOSTS.add(x.getRequestHeaders().getFirst("Host"));
        String path = x.getRequestURI().getPath();
        switch (path) {
        case "/file" -> answer(x, 200, PAYLOAD, PAYLOAD.length);
        case "/chunked" -> answer(x, 200, PAYLOAD, 0);
        case "/echo" -> answer(x, 200, x.getRequestBody().readAllBytes(), -2);
        case "/moved" -> redirect(x, 302, "/file");
        case "/post-moved" -> redirect(x, 307, "/echo");
        case "/to-private" -> redirect(x, 302, "http://127.0.0.2:" + server.getAddress().getPort() + "/file");
        case "/to-ftp" -> redirect(x, 302, "ftp://example.org/file");
        case "/loop" -> redirect(x, 302, "/loop");
        case "/big" -> answer(x, 200, new byte[4096], 4096);
        case "/big-chunked" -> answer(x, 200, new byte[4096], 0);
        case "/stall" -> {
            await();
            answer(x, 200, PAYLOAD, PAYLOAD.length);
        }
        case "/stall-body" -> {
            x.sendResponseHeaders(200, 100);
            x.getResponseBody().write(PAYLOAD);
            x.getResponseBody().flush();
            await();
            x.close();
        }
        default -> answer(x, 404, new byte[0], -1);
        }
    }

    private static void await() {
        try {
            RELEASE.await(20, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** length as HttpServer takes it: 0 chunked, -1 none; -2 the body's length. */
    private static void answer(HttpExchange x, int status, byte[] body, long length) throws IOException {
        x.sendResponseHeaders(status, length == -2 ? body.length : length);
        try (OutputStream out = x.getResponseBody()) {
            if (length != -1) {
                out.write(body);
            }
        }
    }

    private static void redirect(HttpExchange x, int status, String location) throws IOException {
        x.getResponseHeaders().add("Location", location);
        answer(x, status, new byte[0], -1);
    }

    private static final OutboundPolicy LOCAL = OutboundPolicy.allowing("test.allowed", List.of("127.0.0.1/32"));

    private static HttpResponse<InputStream> get(OutboundPolicy policy, String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), policy);
    }

    private static byte[] body(HttpResponse<InputStream> r) throws IOException {
        try (InputStream in = r.body()) {
            return in.readAllBytes();
        }
    }

    private static OutboundRefusedException refused(OutboundPolicy policy, String url) {
        return assertThrows(OutboundRefusedException.class, () -> body(get(policy, url)));
    }

    @Test
    void publicAddressesOnlyUnlessAListedNetworkAdmitsThem() throws Exception {
        for (String ip : List.of("127.0.0.1", "10.1.2.3", "172.16.0.1", "172.16.5.4", "192.168.1.1", "169.254.169.254",
                "100.64.0.1", "0.0.0.0", "224.0.0.1", "255.255.255.255", "198.18.0.1", "203.0.113.5", "::1", "fe80::1",
                "fd00::1", "2001:db8::1", "64:ff9b::a00:1", "2002:a00:1::1")) {
            assertFalse(PublicAddresses.isPublic(InetAddress.getByName(ip)), ip);
        }
        for (String ip : List.of("8.8.8.8", "91.198.174.192", "193.0.6.139", "2001:4860:4860::8888", "64:ff9b::808:808")) {
            assertTrue(PublicAddresses.isPublic(InetAddress.getByName(ip)), ip);
        }
        OutboundPolicy council = OutboundPolicy.allowing("allowed.networks", List.of("10.0.0.0/24", "127.0.0.1", " "));
        assertTrue(PublicAddresses.allowed(council, InetAddress.getByName("10.0.0.5")));
        assertFalse(PublicAddresses.allowed(council, InetAddress.getByName("10.0.1.5")));
        assertTrue(PublicAddresses.allowed(council, InetAddress.getByName("127.0.0.1")));
        assertFalse(PublicAddresses.allowed(council, InetAddress.getByName("127.0.0.2")));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> OutboundPolicy.allowing("allowed.networks", List.of("intranet.local")));
        assertTrue(e.getMessage().startsWith("allowed.networks: 'intranet.local'"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> OutboundPolicy.allowing("x", List.of("10.0.0.0/40")));
        assertThrows(IllegalArgumentException.class, () -> OutboundPolicy.allowing("x", List.of("10.0.0.0/a")));
    }

    @Test
    void aLocalAddressIsRefusedBeforeAnyConnectionUnlessListed() throws Exception {
        int before = HOSTS.size();
        OutboundPolicy strict = OutboundPolicy.allowing("test.allowed", List.of());
        for (String url : List.of(base + "/file", "http://localhost:" + server.getAddress().getPort() + "/file",
                "http://10.1.2.3/a", "http://169.254.169.254/latest/meta-data", "http://[::1]/a", "https://[fd00::1]/a")) {
            OutboundRefusedException e = refused(strict, url);
            assertEquals(Reason.NOT_PUBLIC, e.reason(), url);
            assertTrue(e.getMessage().contains("test.allowed may allow it"), e.getMessage());
        }
        assertEquals(before, HOSTS.size(), "nothing reached the server");
        assertEquals(Reason.NOT_HTTP, refused(LOCAL, "http://user@127.0.0.1/file").reason());
        assertArrayEquals(PAYLOAD, body(get(LOCAL, base + "/file")));
    }

    @Test
    void redirectsAreFollowedAndEachTargetCheckedAgain() throws Exception {
        HttpResponse<InputStream> moved = get(LOCAL, base + "/moved");
        assertEquals(200, moved.statusCode());
        assertEquals(base + "/file", moved.uri().toString(), "the address it came from in the end");
        assertArrayEquals(PAYLOAD, body(moved));
        OutboundRefusedException e = refused(LOCAL, base + "/to-private");
        assertEquals(Reason.NOT_PUBLIC, e.reason());
        assertTrue(e.getMessage().contains("127.0.0.2"), e.getMessage());
        assertEquals(Reason.NOT_HTTP, refused(LOCAL, base + "/to-ftp").reason());
        assertEquals(Reason.REDIRECTS, refused(LOCAL, base + "/loop").reason());
        HttpResponse<InputStream> unfollowed = get(LOCAL.withMaxRedirects(0), base + "/moved");
        assertEquals(302, unfollowed.statusCode(), "no redirects allowed: the redirect itself is the answer");
        body(unfollowed);

        byte[] json = "{\"id\":\"osvita\"}".getBytes(StandardCharsets.UTF_8);
        HttpResponse<InputStream> posted = http.send(HttpRequest.newBuilder(URI.create(base + "/post-moved"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(json)).build(), LOCAL);
        assertEquals(200, posted.statusCode());
        assertArrayEquals(json, body(posted), "a 307 repeats the POST with its body");
    }

    @Test
    void theNameIsResolvedOncePerHopAndTheConnectionGoesToTheCheckedAddress() throws Exception {
        // a rebinding DNS server: 127.0.0.1 for the first question, an address of the council's network after;
        // Jetty's I/O on the executor it is given (in the portal the job service's)
        AtomicInteger asked = new AtomicInteger();
        AtomicInteger tasks = new AtomicInteger();
        OutboundHttpImpl rebound = new OutboundHttpImpl(task -> {
            tasks.incrementAndGet();
            pool.execute(task);
        }, host -> {
            assertEquals("media.example.test", host);
            return new InetAddress[] { InetAddress.getByName(asked.getAndIncrement() == 0 ? "127.0.0.1" : "10.9.9.9") };
        });
        OutboundHttpImpl mixed = new OutboundHttpImpl(pool, host -> new InetAddress[] { InetAddress.getByName("127.0.0.1"),
                InetAddress.getByName("192.168.0.7") });
        // nothing listens on 127.0.0.3: the connection is refused and the name's next address is tried
        OutboundHttpImpl fallback = new OutboundHttpImpl(pool, host -> new InetAddress[] { InetAddress.getByName("127.0.0.3"),
                InetAddress.getByName("127.0.0.1") });
        try {
            String url = "http://media.example.test:" + server.getAddress().getPort() + "/file";
            HttpResponse<InputStream> r = rebound.send(HttpRequest.newBuilder(URI.create(url)).build(), LOCAL);
            assertArrayEquals(PAYLOAD, body(r));
            assertEquals(1, asked.get(), "one lookup: the connection used the address that was checked");
            assertEquals("media.example.test:" + server.getAddress().getPort(), HOSTS.get(HOSTS.size() - 1),
                    "the Host header is still the name");
            assertTrue(tasks.get() > 0, "Jetty ran its I/O on the executor given");
            // the second question (the next send) gets the council's address: refused, not connected
            int before = HOSTS.size();
            OutboundRefusedException e = assertThrows(OutboundRefusedException.class,
                    () -> rebound.send(HttpRequest.newBuilder(URI.create(url)).build(), LOCAL));
            assertTrue(e.getMessage().contains("10.9.9.9"), e.getMessage());
            assertEquals(before, HOSTS.size());

            // one address of the answer not allowed: the name is refused, whichever address would come first
            assertThrows(OutboundRefusedException.class, () -> mixed.send(HttpRequest.newBuilder(URI.create(url)).build(), LOCAL));
            assertEquals(before, HOSTS.size());

            OutboundPolicy loopback = OutboundPolicy.allowing("test.allowed", List.of("127.0.0.0/8"));
            assertArrayEquals(PAYLOAD, body(fallback.send(HttpRequest.newBuilder(URI.create(url)).build(), loopback)));
        } finally {
            rebound.stop();
            mixed.stop();
            fallback.stop();
        }
    }

    @Test
    void bodiesAreFramedAndBounded() throws Exception {
        assertArrayEquals(PAYLOAD, body(get(LOCAL, base + "/chunked")), "chunked transfer decoded");
        OutboundPolicy small = LOCAL.withMaxBytes(1000);
        assertEquals(Reason.TOO_LARGE, refused(small, base + "/big").reason(), "a declared length over the limit");
        assertEquals(Reason.TOO_LARGE, refused(small, base + "/big-chunked").reason(), "counted as it arrives");
        assertEquals(4096, body(get(LOCAL.withMaxBytes(4096), base + "/big")).length);
        HttpResponse<InputStream> missing = get(LOCAL, base + "/nothing");
        assertEquals(404, missing.statusCode());
        assertEquals(0, body(missing).length);
    }

    @Test
    void aServerThatStallsRunsIntoTheTimeouts() throws Exception {
        long start = System.nanoTime();
        HttpRequest stalled = HttpRequest.newBuilder(URI.create(base + "/stall")).timeout(Duration.ofMillis(500)).build();
        assertThrows(HttpTimeoutException.class, () -> http.send(stalled, LOCAL));
        HttpResponse<InputStream> r = get(LOCAL.withTimeout(Duration.ofMillis(700)), base + "/stall-body");
        assertEquals(200, r.statusCode(), "the head came in time");
        assertThrows(HttpTimeoutException.class, () -> body(r), "the body did not: the whole exchange is bounded");
        assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(10), "both ended at their limits");
    }
}
