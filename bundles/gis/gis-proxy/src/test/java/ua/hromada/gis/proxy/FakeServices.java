package ua.hromada.gis.proxy;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import ua.hromada.portal.testing.TestImages;

/**
 * External map services played by the JDK's HTTP server on 127.0.0.1 (nothing outside is asked):
 * a WMS at {@code /wms}, a WMTS by key-value pairs at {@code /wmts} and by RESTful template under
 * {@code /rest/}, XYZ tiles under {@code /tiles/} — each answering a real 2×2 PNG and noting what it
 * was asked — and the misbehaving ones: {@code /html/} (a web page), {@code /svg/}, {@code /error/}
 * (HTTP 500), {@code /redirect/} (to {@link #elsewhere}), {@code /big/} (a declared length over the
 * limit), {@code /stream/} (an undeclared body over the limit), {@code /slow/} (answers only at close).
 */
final class FakeServices implements AutoCloseable {

    static final byte[] PNG = png();

    final List<String> asked = new CopyOnWriteArrayList<>();
    final AtomicInteger elsewhereHits = new AtomicInteger();
    private final HttpServer server;
    private final HttpServer elsewhere;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final CountDownLatch release = new CountDownLatch(1);

    FakeServices(int limit) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        elsewhere = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        for (String image : List.of("/wms", "/wmts", "/rest/", "/tiles/")) {
            server.createContext(image, x -> {
                asked.add(x.getRequestURI().getRawPath() + (x.getRequestURI().getRawQuery() == null ? ""
                        : "?" + x.getRequestURI().getRawQuery()));
                answer(x, 200, "image/png", PNG);
            });
        }
        server.createContext("/html/", x -> answer(x, 200, "text/html; charset=utf-8",
                "<!doctype html><title>Геопортал</title>".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        server.createContext("/svg/", x -> answer(x, 200, "image/svg+xml",
                "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>".getBytes()));
        server.createContext("/error/", x -> answer(x, 500, "image/png", PNG));
        server.createContext("/redirect/", x -> {
            x.getResponseHeaders().set("Location", "http://127.0.0.1:" + elsewhere.getAddress().getPort() + "/x.png");
            x.sendResponseHeaders(302, -1);
            x.close();
        });
        server.createContext("/big/", x -> answer(x, 200, "image/png", new byte[limit + 1]));
        server.createContext("/stream/", x -> {
            x.getResponseHeaders().set("Content-Type", "image/png");
            x.sendResponseHeaders(200, 0); // chunked: the size is known only as it arrives
            try {
                for (int i = 0; i < 4; i++) {
                    x.getResponseBody().write(new byte[limit / 2]);
                    x.getResponseBody().flush();
                }
            } catch (IOException e) {
                // the proxy hung up once past its limit
            }
            x.close();
        });
        server.createContext("/slow/", x -> {
            try {
                release.await(); // answers only when the test ends: the proxy must give up first
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            answer(x, 200, "image/png", PNG);
        });
        elsewhere.createContext("/", x -> {
            elsewhereHits.incrementAndGet();
            answer(x, 200, "image/png", PNG);
        });
        server.setExecutor(threads);
        elsewhere.setExecutor(threads);
        server.start();
        elsewhere.start();
    }

    /** {@code http://127.0.0.1:<port>}. */
    String address() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private static void answer(HttpExchange x, int status, String type, byte[] body) throws IOException {
        x.getResponseHeaders().set("Content-Type", type);
        x.sendResponseHeaders(status, body.length);
        try {
            x.getResponseBody().write(body);
        } catch (IOException e) {
            // the proxy refused the answer by its headers and hung up
        }
        x.close();
    }

    private static byte[] png() {
        BufferedImage image = new BufferedImage(2, 2, BufferedImage.TYPE_INT_ARGB);
        image.setRGB(0, 0, 0xff1f6feb);
        image.setRGB(1, 1, 0x80ff0000);
        return TestImages.png(image);
    }

    @Override
    public void close() {
        release.countDown();
        server.stop(0);
        elsewhere.stop(0);
        threads.shutdownNow();
    }
}
