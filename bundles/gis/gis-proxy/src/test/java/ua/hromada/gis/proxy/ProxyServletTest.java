package ua.hromada.gis.proxy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import ua.hromada.gis.api.ExternalLayer;
import ua.hromada.gis.api.ExternalLayerKind;
import ua.hromada.gis.api.Visibility;
import ua.hromada.gis.service.GisTestSetup;
import ua.hromada.portal.api.CurrentUser;
import ua.hromada.portal.api.PortalUser;
import ua.hromada.portal.api.community.CommunityScope;
import ua.hromada.portal.testing.TestServer;

/**
 * The image proxy over real HTTP (Jetty 12) on the real external-layer registry (PostgreSQL, rows
 * isolated per community as in the portal: 127.0.0.1 is the default community, localhost community
 * b), in front of local fake services: images pass through from the registered address only, with
 * the client's parameters checked and rewritten; everything else is the portal's JSON error.
 */
class ProxyServletTest {

    private static final int LIMIT = 64 * 1024;
    private static final String PATH = "/api/gis/proxy";
    private static final ObjectMapper JSON = new ObjectMapper();

    private static GisTestSetup gis;
    private static FakeServices services;
    private static TestServer server;

    @BeforeAll
    static void start() throws Exception {
        gis = new GisTestSetup();
        services = new FakeServices(LIMIT);
        String s = services.address();
        gis.communities().add("b", "localhost");
        save(layer("cadastre", ExternalLayerKind.WMS, s + "/wms?map=cadastre", List.of("parcels", "roads"), null,
                Visibility.PUBLIC, true));
        save(new ExternalLayer(0, "ortho", ExternalLayerKind.WMTS, "Ортофото", s + "/wmts", List.of("ortho2023"),
                "image/png", null, "EPSG:3857", null, 1, null, Visibility.PUBLIC, true, 0));
        save(new ExternalLayer(0, "ortho-rest", ExternalLayerKind.WMTS, "Ортофото (REST)",
                s + "/rest/{Style}/{TileMatrixSet}/{TileMatrix}/{TileRow}/{TileCol}.png", List.of("ortho2023"),
                "image/png", "світлий", "GoogleMapsCompatible", null, 1, null, Visibility.PUBLIC, true, 0));
        save(xyz("osm", s + "/tiles/{z}/{x}/{y}.png", Visibility.PUBLIC, true));
        save(xyz("tms", s + "/tiles/{z}/{x}/{-y}.png", Visibility.PUBLIC, true));
        save(xyz("linked", s + "/tiles/{z}/{x}/{y}.png", Visibility.PUBLIC, false));
        save(xyz("inner", s + "/tiles/{z}/{x}/{y}.png", Visibility.EMPLOYEES, true));
        for (String bad : List.of("html", "svg", "error", "redirect", "big", "stream", "slow")) {
            save(xyz(bad, s + "/" + bad + "/{z}/{x}/{y}.png", Visibility.PUBLIC, true));
        }
        try (CommunityScope b = gis.communities().enter("b")) {
            save(xyz("cityb", s + "/tiles/{z}/{x}/{y}.png", Visibility.PUBLIC, true));
        }
        Map<String, PortalUser> users = Map.of("viewer", gis.viewer, "stranger", gis.stranger);
        // the fake services' loopback network allowed, as the council's would be by allowed.networks
        ProxyServlet proxy = new ProxyServlet(gis.externalLayers(), new CookieUser(users), upstream(GisTestSetup.LOOPBACK));
        // the portal binds each request's community from its host name before a servlet runs
        server = new TestServer().serveInCommunity(ProxyServlet.PATTERN, proxy, gis.communities()).start();
    }

    @AfterAll
    static void stop() throws Exception {
        try {
            if (server != null) {
                server.close();
            }
            if (services != null) {
                services.close();
            }
        } finally {
            if (gis != null) {
                gis.close();
            }
        }
    }

    @BeforeEach
    void forget() {
        services.asked.clear();
    }

    @Test
    void xyzTilesPassThroughFromTheRegisteredAddress() throws Exception {
        HttpResponse<byte[]> tile = get("/osm/3/2/5");
        assertEquals(200, tile.statusCode());
        assertEquals("image/png", tile.headers().firstValue("Content-Type").orElseThrow());
        assertArrayEquals(FakeServices.PNG, tile.body());
        assertEquals("public, max-age=3600", tile.headers().firstValue("Cache-Control").orElseThrow());
        assertEquals("nosniff", tile.headers().firstValue("X-Content-Type-Options").orElseThrow());
        assertEquals(List.of("/tiles/3/2/5.png"), services.asked);
        HttpResponse<byte[]> head = send(HttpRequest.newBuilder(uri("/osm/3/2/5")).method("HEAD",
                HttpRequest.BodyPublishers.noBody()));
        assertEquals(200, head.statusCode());
        assertEquals(String.valueOf(FakeServices.PNG.length), head.headers().firstValue("Content-Length").orElseThrow());
        assertEquals(0, head.body().length);

        services.asked.clear();
        assertEquals(200, get("/tms/3/2/5").statusCode()); // {-y}: the TMS row counted from the south
        assertEquals(List.of("/tiles/3/2/2.png"), services.asked);
        assertEquals(200, get("/osm/0/0/0").statusCode());
    }

    @Test
    void wmsGetsOnlyTheCheckedViewOfItsRegisteredLayers() throws Exception {
        // as Leaflet asks (lower-case names), with what a map does not need added
        HttpResponse<byte[]> map = get("/cadastre/wms?service=WMS&request=GetMap&layers=roads&styles=&format=image%2Fpng"
                + "&transparent=true&version=1.3.0&width=256&height=256&crs=EPSG%3A3857"
                + "&bbox=3757032.81,6261721.36,3913575.85,6418264.39&url=http%3A%2F%2Fevil.example%2F&map=other&SLD=x");
        assertEquals(200, map.statusCode(), body(map));
        assertArrayEquals(FakeServices.PNG, map.body());
        assertEquals(List.of("/wms?map=cadastre&SERVICE=WMS&VERSION=1.3.0&REQUEST=GetMap&LAYERS=roads&STYLES="
                + "&CRS=EPSG:3857&BBOX=3757032.81,6261721.36,3913575.85,6418264.39&WIDTH=256&HEIGHT=256"
                + "&FORMAT=image/png&TRANSPARENT=TRUE"), services.asked);

        services.asked.clear();
        assertEquals(200, get("/cadastre/wms?SERVICE=WMS&REQUEST=GetMap&VERSION=1.1.1&SRS=EPSG:4326"
                + "&BBOX=34.5,49.5,34.6,49.6&WIDTH=512&HEIGHT=512").statusCode());
        assertEquals(List.of("/wms?map=cadastre&SERVICE=WMS&VERSION=1.1.1&REQUEST=GetMap&LAYERS=parcels,roads&STYLES=,"
                + "&SRS=EPSG:4326&BBOX=34.5,49.5,34.6,49.6&WIDTH=512&HEIGHT=512&FORMAT=image/png"), services.asked);

        services.asked.clear();
        assertEquals(200, get("/cadastre/wms?request=GetLegendGraphic&layer=roads&format=image/png").statusCode());
        assertEquals(List.of("/wms?map=cadastre&SERVICE=WMS&VERSION=1.3.0&REQUEST=GetLegendGraphic&LAYER=roads"
                + "&FORMAT=image/png&SLD_VERSION=1.1.0"), services.asked);
    }

    @Test
    void wmsRefusesWhatAMapDoesNotAsk() throws Exception {
        String view = "&crs=EPSG:3857&bbox=0,0,10,10&width=256&height=256";
        for (String query : List.of("layers=secret" + view, "layers=roads,roads" + view,
                "request=GetFeatureInfo" + view, "request=GetCapabilities", "format=image/svg%2Bxml" + view,
                "format=text/html" + view, "version=1.0.0" + view, "crs=EPSG:3857&width=256&height=256",
                "crs=EPSG:3857&bbox=10,0,0,10&width=256&height=256", "crs=EPSG:3857&bbox=0,0,1e999,10&width=256&height=256",
                "crs=EPSG:3857&bbox=0,0,a,10&width=256&height=256", "crs=http://x&bbox=0,0,10,10&width=256&height=256",
                "crs=EPSG:3857&bbox=0,0,10,10&width=0&height=256", "crs=EPSG:3857&bbox=0,0,10,10&width=5000&height=256",
                "transparent=maybe" + view, "request=GetLegendGraphic&layer=secret")) {
            HttpResponse<byte[]> refused = get("/cadastre/wms?" + query);
            assertEquals(400, refused.statusCode(), query);
            assertEquals("bad_request", error(refused).path("code").asText(), query);
        }
        // a query the container cannot read (java.net.http refuses to send one: written on a socket)
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", server.port())) {
            socket.getOutputStream().write(("GET " + PATH + "/cadastre/wms?bbox=%zz HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                    + "Connection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(answer.startsWith("HTTP/1.1 400"), answer);
            assertTrue(answer.contains("\"code\":\"bad_request\""), answer);
        }
        assertTrue(services.asked.isEmpty(), services.asked.toString());

        JsonNode error = error(get("/cadastre/wms?layers=secret" + view));
        assertEquals(400, error.path("status").asInt());
        assertEquals("Шару «secret» немає серед шарів сервісу, зареєстрованих для цього зовнішнього шару.",
                error.path("message").asText());
        HttpResponse<byte[]> english = send(HttpRequest.newBuilder(uri("/cadastre/wms?layers=secret" + view))
                .header("Accept-Language", "en-GB,en;q=0.9"));
        assertEquals("Layer \"secret\" is not among the service layers registered for this external layer.",
                error(english).path("message").asText());
    }

    @Test
    void wmtsTilesByKeyValuePairsAndByTemplate() throws Exception {
        assertEquals(200, get("/ortho/5/18/10").statusCode());
        assertEquals(List.of("/wmts?SERVICE=WMTS&REQUEST=GetTile&VERSION=1.0.0&LAYER=ortho2023&STYLE=default"
                + "&TILEMATRIXSET=EPSG:3857&TILEMATRIX=EPSG:3857:5&TILEROW=10&TILECOL=18&FORMAT=image/png"), services.asked);

        services.asked.clear();
        assertEquals(200, get("/ortho-rest/5/18/10").statusCode());
        assertEquals(List.of("/rest/%D1%81%D0%B2%D1%96%D1%82%D0%BB%D0%B8%D0%B9/GoogleMapsCompatible/5/10/18.png"),
                services.asked);
    }

    @Test
    void onlyRegisteredProxiedLayersAtKnownAddresses() throws Exception {
        assertNotFound("/linked/1/0/0"); // the browser fetches a linked layer itself
        assertNotFound("/nosuch/1/0/0");
        assertNotFound("/nosuch/wms");
        assertNotFound("/osm/wms"); // a tiled layer has no WMS address, a WMS no tiles
        assertNotFound("/cadastre/1/0/0");
        for (String path : List.of("", "/", "/osm", "/osm/1/0", "/osm/1/0/0/0", "/osm/a/b/c", "/OSM/1/0/0",
                "/osm/1/0/0.png", "/osm/-1/0/0")) {
            HttpResponse<byte[]> none = get(path);
            assertEquals(404, none.statusCode(), path);
            assertEquals("not_found", error(none).path("code").asText(), path);
        }
        assertEquals(405, send(HttpRequest.newBuilder(uri("/osm/1/0/0")).POST(HttpRequest.BodyPublishers.noBody()))
                .statusCode());
        assertTrue(services.asked.isEmpty(), services.asked.toString());
    }

    @Test
    void tilesOutsideTheGridAreBadRequests() throws Exception {
        for (String path : List.of("/osm/3/8/0", "/osm/3/0/8", "/osm/0/1/0", "/osm/25/0/0", "/osm/999999999/0/0")) {
            HttpResponse<byte[]> refused = get(path);
            assertEquals(400, refused.statusCode(), path);
            assertEquals("bad_request", error(refused).path("code").asText());
        }
        assertEquals("На рівні масштабу 3 номери плитки x і y мають бути від 0 до 7.",
                error(get("/osm/3/8/0")).path("message").asText());
        assertTrue(services.asked.isEmpty());
    }

    @Test
    void whatIsNoMapImageIsABadGateway() throws Exception {
        for (String bad : List.of("html", "svg", "error", "redirect", "big", "stream")) {
            HttpResponse<byte[]> refused = get("/" + bad + "/1/0/0");
            assertEquals(502, refused.statusCode(), bad);
            assertEquals("bad_gateway", error(refused).path("code").asText(), bad);
            assertTrue(refused.headers().firstValue("Content-Type").orElseThrow().startsWith("application/json"));
        }
        assertEquals(0, services.elsewhereHits.get(), "a redirect is never followed");
        assertEquals("Зовнішній сервіс 127.0.0.1 надіслав не зображення (тип «text/html»).",
                error(get("/html/1/0/0")).path("message").asText());
        assertEquals("Зовнішній сервіс надіслав зображення, більше за 64 КБ.",
                error(get("/big/1/0/0")).path("message").asText());
    }

    @Test
    void aServiceOnANetworkNotListedIsNeverAsked() {
        for (Upstream strict : List.of(upstream(), upstream("10.0.0.0/8"))) {
            ProxyError refused = assertThrows(ProxyError.class,
                    () -> strict.fetch(URI.create(services.address() + "/tiles/1/0/0.png")));
            assertEquals(502, refused.status());
            assertEquals("proxy.error.notPublic", refused.messageKey());
            assertEquals("127.0.0.1", refused.args()[0]);
        }
        assertTrue(services.asked.isEmpty(), services.asked.toString());
    }

    @Test
    void aSilentServiceIsAGatewayTimeout() throws Exception {
        HttpResponse<byte[]> late = get("/slow/1/0/0");
        assertEquals(504, late.statusCode());
        assertEquals("gateway_timeout", error(late).path("code").asText());
    }

    @Test
    void employeesLayersNeedASignedInEmployee() throws Exception {
        HttpResponse<byte[]> anonymous = get("/inner/1/0/0");
        assertEquals(401, anonymous.statusCode());
        assertEquals("unauthorized", error(anonymous).path("code").asText());
        HttpResponse<byte[]> stranger = send(HttpRequest.newBuilder(uri("/inner/1/0/0")).header("Cookie", "test-user=stranger"));
        assertEquals(403, stranger.statusCode());
        assertEquals("forbidden", error(stranger).path("code").asText());
        assertTrue(services.asked.isEmpty());

        HttpResponse<byte[]> viewer = send(HttpRequest.newBuilder(uri("/inner/1/0/0")).header("Cookie", "test-user=viewer"));
        assertEquals(200, viewer.statusCode());
        assertArrayEquals(FakeServices.PNG, viewer.body());
        assertEquals("private, max-age=3600", viewer.headers().firstValue("Cache-Control").orElseThrow());
        // a signed-in viewer does not see what is not there either
        assertEquals(404, send(HttpRequest.newBuilder(uri("/nosuch/1/0/0")).header("Cookie", "test-user=viewer")).statusCode());
    }

    @Test
    void anotherCommunitysLayerIsNotThere() throws Exception {
        assertNotFound("/cityb/1/0/0");
        assertTrue(services.asked.isEmpty());
        HttpResponse<byte[]> own = server.get("http://localhost:" + server.port() + PATH + "/cityb/1/0/0");
        assertEquals(200, own.statusCode());
        assertEquals(404, server.get("http://localhost:" + server.port() + PATH + "/osm/1/0/0").statusCode());
    }

    private static ExternalLayer layer(String key, ExternalLayerKind kind, String url, List<String> names, String style,
            Visibility visibility, boolean proxied) {
        return new ExternalLayer(0, key, kind, "Шар " + key, url, names, "image/png", style, null, null, 1, null,
                visibility, proxied, 0);
    }

    private static ExternalLayer xyz(String key, String url, Visibility visibility, boolean proxied) {
        return new ExternalLayer(0, key, ExternalLayerKind.XYZ, "Плитки " + key, url, List.of(), null, null, null, null, 1,
                null, visibility, proxied, 0);
    }

    /** The proxy's fetch with a short deadline, the test's size limit and these allowed networks. */
    private static Upstream upstream(String... allowedNetworks) {
        return new Upstream(GisTestSetup.outbound(), GisTestSetup.mapServers(allowedNetworks).policy(),
                Duration.ofSeconds(3), LIMIT);
    }

    private static void save(ExternalLayer layer) {
        gis.externalLayers().save(gis.admin, layer);
    }

    private static void assertNotFound(String path) throws Exception {
        HttpResponse<byte[]> none = get(path);
        assertEquals(404, none.statusCode(), path);
        assertEquals("not_found", error(none).path("code").asText(), path);
    }

    private static URI uri(String path) {
        return URI.create(server.address() + PATH + path);
    }

    private static HttpResponse<byte[]> get(String path) throws Exception {
        return server.get(server.address() + PATH + path);
    }

    private static HttpResponse<byte[]> send(HttpRequest.Builder request) throws Exception {
        return server.send(request.build());
    }

    private static String body(HttpResponse<byte[]> r) {
        return new String(r.body(), StandardCharsets.UTF_8);
    }

    /** The portal's JSON error: {"error":{"status","code","message"}}. */
    private static JsonNode error(HttpResponse<byte[]> r) throws IOException {
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/json"), body(r));
        JsonNode error = JSON.readTree(r.body()).path("error");
        assertEquals(r.statusCode(), error.path("status").asInt());
        return error;
    }

    /**
     * Who is signed in, for the servlet: the portal's CurrentUser finds the session's user in the
     * database (portal-shell, not part of this bundle's tests); here a cookie names one of the test
     * users, and no cookie is nobody.
     */
    private record CookieUser(Map<String, PortalUser> users) implements CurrentUser {
        @Override
        public Optional<PortalUser> get() {
            return Optional.empty();
        }

        @Override
        public Optional<PortalUser> fromRequest(HttpServletRequest request) {
            Cookie[] cookies = request.getCookies();
            if (cookies == null) {
                return Optional.empty();
            }
            for (Cookie c : cookies) {
                if (c.getName().equals("test-user")) {
                    return Optional.ofNullable(users.get(c.getValue()));
                }
            }
            return Optional.empty();
        }
    }
}
