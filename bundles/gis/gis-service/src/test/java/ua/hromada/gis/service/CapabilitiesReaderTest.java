package ua.hromada.gis.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import ua.hromada.gis.api.ExternalLayerKind;
import ua.hromada.gis.api.GisException;
import ua.hromada.gis.api.ServiceCapabilities;
import ua.hromada.gis.api.ServiceCapabilities.Entry;
import ua.hromada.portal.api.map.BoundingBox;

/**
 * The capabilities reader against a local HTTP server serving real-shaped WMS 1.3.0, WMS 1.1.1 and
 * WMTS 1.0.0 documents, and broken, hostile, oversized, slow and absent ones. No outside network.
 */
class CapabilitiesReaderTest {
    private static final int MAX = 64 * 1024;

    private final HttpServer server;
    private final Map<String, String> queries = new ConcurrentHashMap<>();
    private final CountDownLatch release = new CountDownLatch(1);
    /** The test server's loopback network allowed, as the council's would be by allowed.networks. */
    private final CapabilitiesReader reader = reader(GisTestSetup.LOOPBACK);

    CapabilitiesReaderTest() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        serve("/wms", "wms-1.3.0.xml");
        serve("/old/wms", "wms-1.1.1.xml");
        serve("/wmts", "wmts-1.0.0.xml");
        serve("/xxe", "xxe.xml");
        serve("/error", "exception.xml");
        server.createContext("/page", x -> answer(x, 200, "<!doctype html><html><body>Геопортал</body></html>".getBytes()));
        server.createContext("/huge", x -> answer(x, 200, ("<WMS_Capabilities version=\"1.3.0\">"
                + "<!-- padding -->".repeat(MAX / 10) + "</WMS_Capabilities>").getBytes()));
        server.createContext("/slow", x -> {
            try {
                release.await(); // answers only when the test ends: the reader must give up first
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            answer(x, 200, new byte[0]);
        });
        server.createContext("/trickle", x -> {
            x.getResponseHeaders().set("Content-Type", "text/xml");
            x.sendResponseHeaders(200, 0); // headers at once, then the body stops half-way
            x.getResponseBody().write("<WMS_Capabilities version=\"1.3.0\">".getBytes());
            x.getResponseBody().flush();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            x.close();
        });
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        server.start();
    }

    @AfterEach
    void stop() {
        release.countDown();
        server.stop(0);
    }

    @Test
    void readsWms130WithInheritedCrsExtentAndStyles() {
        ServiceCapabilities caps = reader.read(ExternalLayerKind.WMS, url("/wms"));
        assertEquals("SERVICE=WMS&REQUEST=GetCapabilities&VERSION=1.3.0", queries.get("/wms"));
        assertEquals("1.3.0", caps.version());
        assertEquals("Публічна кадастрова карта (тест)", caps.title());
        assertEquals(List.of("kadastr:parcels", "kadastr:ownership"), caps.layers().stream().map(Entry::name).toList());
        Entry parcels = caps.layers().get(0);
        assertEquals("Земельні ділянки", parcels.title());
        assertEquals("Межі земельних ділянок з кадастровими номерами", parcels.abstractText());
        assertEquals(List.of("EPSG:4326", "EPSG:3857", "EPSG:5561"), parcels.crs());
        assertEquals(new BoundingBox(44.3, 22.1, 52.4, 40.2), parcels.bbox());
        assertEquals(List.of("default", "by-purpose"), parcels.styles());
        Entry ownership = caps.layers().get(1);
        assertEquals(new BoundingBox(49.5, 34.4, 49.7, 34.7), ownership.bbox());
        assertNull(ownership.abstractText());
        assertEquals(List.of(), caps.tileMatrixSets());
    }

    @Test
    void readsWms111AndKeepsAnAddressThatAlreadyAsks() {
        ServiceCapabilities caps = reader.read(ExternalLayerKind.WMS,
                url("/old/wms?map=region&request=GetCapabilities&service=WMS&version=1.1.1"));
        assertEquals("map=region&request=GetCapabilities&service=WMS&version=1.1.1", queries.get("/old/wms"));
        assertEquals("1.1.1", caps.version());
        Entry roads = caps.layers().get(0);
        assertEquals("roads", roads.name());
        assertEquals(List.of("EPSG:4326", "EPSG:3857"), roads.crs());
        assertEquals(new BoundingBox(48.7, 33.0, 50.5, 35.6), roads.bbox());
        assertEquals(List.of("line"), roads.styles());
    }

    @Test
    void readsWmtsLayersAndTileMatrixSets() {
        ServiceCapabilities caps = reader.read(ExternalLayerKind.WMTS, url("/wmts?token=1"));
        assertEquals("token=1&SERVICE=WMTS&REQUEST=GetCapabilities&VERSION=1.0.0", queries.get("/wmts"));
        assertEquals("Ортофотоплани (тест)", caps.title());
        assertEquals(List.of(new ServiceCapabilities.TileMatrixSet("GoogleMapsCompatible", "urn:ogc:def:crs:EPSG::3857")),
                caps.tileMatrixSets());
        Entry ortho = caps.layers().get(0);
        assertEquals("ortho2023", ortho.name());
        assertEquals("Ортофото 2023", ortho.title());
        assertEquals(new BoundingBox(49.5, 34.4, 49.7, 34.7), ortho.bbox());
        assertEquals(List.of("default"), ortho.styles());
        assertEquals(List.of("image/jpeg", "image/png"), ortho.formats());
        assertEquals(List.of("GoogleMapsCompatible"), ortho.tileMatrixSets());
        assertEquals(List.of("urn:ogc:def:crs:EPSG::3857"), ortho.crs());
    }

    @Test
    void refusesWhatIsNotACapabilitiesDocumentOfTheKind() {
        assertRefused("gis.error.capabilities.notCapabilities", () -> reader.read(ExternalLayerKind.WMS, url("/page")));
        assertRefused("gis.error.capabilities.notCapabilities", () -> reader.read(ExternalLayerKind.WMS, url("/wmts")));
        assertRefused("gis.error.capabilities.notCapabilities", () -> reader.read(ExternalLayerKind.WMTS, url("/wms")));
        assertRefused("gis.error.capabilities.status", () -> reader.read(ExternalLayerKind.WMS, url("/missing")));
        GisException e = assertRefused("gis.error.capabilities.serviceError",
                () -> reader.read(ExternalLayerKind.WMS, url("/error")));
        assertEquals("Unknown service", e.args()[0]);
    }

    @Test
    void refusesEntitiesOversizedSlowAndAbsentServices() throws IOException {
        // a DOCTYPE with an external entity is refused, the file never read
        assertRefused("gis.error.capabilities.notCapabilities", () -> reader.read(ExternalLayerKind.WMS, url("/xxe")));
        assertRefused("gis.error.capabilities.tooLarge", () -> reader.read(ExternalLayerKind.WMS, url("/huge")));
        assertRefused("gis.error.capabilities.timeout", () -> reader.read(ExternalLayerKind.WMS, url("/slow")));
        assertRefused("gis.error.capabilities.timeout", () -> reader.read(ExternalLayerKind.WMS, url("/trickle")));
        int closed;
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closed = s.getLocalPort();
        }
        assertRefused("gis.error.capabilities.unreachable",
                () -> reader.read(ExternalLayerKind.WMS, "http://127.0.0.1:" + closed + "/wms"));
        assertRefused("gis.error.external.urlScheme", () -> reader.read(ExternalLayerKind.WMS, "file:///etc/passwd"));
        assertRefused("gis.error.capabilities.kind", () -> reader.read(ExternalLayerKind.XYZ, url("/wms")));
    }

    @Test
    void aServerOnANetworkNotListedIsNeverAsked() {
        CapabilitiesReader publicOnly = reader();
        GisException e = assertRefused("gis.error.capabilities.notPublic",
                () -> publicOnly.read(ExternalLayerKind.WMS, url("/wms")));
        assertEquals("127.0.0.1", e.args()[0]);
        assertNull(queries.get("/wms"), "nothing was sent");
        CapabilitiesReader otherNetwork = reader("10.0.0.0/8");
        assertRefused("gis.error.capabilities.notPublic", () -> otherNetwork.read(ExternalLayerKind.WMS, url("/wms")));
        assertNull(queries.get("/wms"));
    }

    private static CapabilitiesReader reader(String... allowedNetworks) {
        return new CapabilitiesReader(GisTestSetup.outbound(), GisTestSetup.mapServers(allowedNetworks).policy(),
                Duration.ofMillis(500), MAX);
    }

    private static GisException assertRefused(String key, Executable call) {
        GisException e = assertThrows(GisException.class, call);
        assertEquals(key, e.messageKey());
        return e;
    }

    private String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    private void serve(String path, String resource) {
        server.createContext(path, x -> {
            if (!x.getRequestURI().getPath().equals(path)) {
                answer(x, 404, "not found".getBytes());
                return;
            }
            queries.put(path, String.valueOf(x.getRequestURI().getRawQuery()));
            try (InputStream in = CapabilitiesReaderTest.class.getResourceAsStream("/capabilities/" + resource)) {
                answer(x, 200, in.readAllBytes());
            }
        });
    }

    private static void answer(HttpExchange x, int status, byte[] body) throws IOException {
        x.getResponseHeaders().set("Content-Type", "text/xml; charset=UTF-8");
        x.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = x.getResponseBody()) {
            out.write(body);
        }
    }
}
