package ua.hromada.gis.ogc;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import ua.hromada.gis.api.AttributeDefinition;
import ua.hromada.gis.api.AttributeType;
import ua.hromada.gis.api.FeatureInput;
import ua.hromada.gis.api.GeometryType;
import ua.hromada.gis.api.GisFeature;
import ua.hromada.gis.api.Layer;
import ua.hromada.gis.api.LayerMetadata;
import ua.hromada.gis.api.Visibility;
import ua.hromada.gis.service.GisMessages;
import ua.hromada.gis.service.GisTestSetup;
import ua.hromada.portal.api.community.CommunityScope;
import ua.hromada.portal.testing.TestPortalSettings;
import ua.hromada.portal.testing.TestServer;

/**
 * The real GIS services on a throw-away PostgreSQL + PostGIS database and the OGC API on a real
 * Jetty 12, with the community bound from the host name as the portal binds it (127.0.0.1: the
 * default community, localhost: community b):
 * <ul>
 * <li>public point layer {@code places}: 25 objects at longitude 34.50 + i·0.01, latitude
 * 49.59 + i·0.001, kind cycling museum / monument / square, {@code opened} 2020-01-01 + i months,
 * {@code visitors} 100·i;</li>
 * <li>public polygon layer {@code parks} (no date attribute): two squares;</li>
 * <li>employees' layer {@code inspections}: three objects that must never show;</li>
 * <li>community b: its own public {@code places} with two objects.</li>
 * </ul>
 */
final class OgcFixture implements AutoCloseable {

    static final String PATH = OgcServlet.PATH;
    static final List<String> KINDS = List.of("музей", "пам’ятник", "сквер");

    final GisTestSetup gis = new GisTestSetup();
    final Layer places;
    final Layer parks;
    final Layer inspections;
    final List<GisFeature> placeObjects;
    final List<GisFeature> parkObjects;
    final List<GisFeature> hidden;
    final TestServer server;
    private final ObjectMapper json = new ObjectMapper();

    OgcFixture() throws Exception {
        gis.communities().add("b", "localhost");
        places = layer("places", "Пам’ятні місця", GeometryType.POINT, Visibility.PUBLIC, true);
        parks = layer("parks", "Парки", GeometryType.POLYGON, Visibility.PUBLIC, false);
        inspections = layer("inspections", "Перевірки", GeometryType.POINT, Visibility.EMPLOYEES, true);
        List<FeatureInput> rows = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            rows.add(place(i, 34.50 + i * 0.01, 49.59 + i * 0.001));
        }
        placeObjects = gis.features().createAll(gis.admin, places.id(), rows);
        parkObjects = gis.features().createAll(gis.admin, parks.id(), List.of(
                new FeatureInput("POLYGON((34.40 49.50, 34.45 49.50, 34.45 49.55, 34.40 49.55, 34.40 49.50))",
                        Map.of("name", "Корпусний сад", "kind", "сквер")),
                new FeatureInput("POLYGON((34.60 49.60, 34.70 49.60, 34.70 49.70, 34.60 49.70, 34.60 49.60))",
                        Map.of("name", "Парк Перемоги", "kind", "сквер"))));
        hidden = gis.features().createAll(gis.admin, inspections.id(), List.of(place(0, 34.5, 49.59),
                place(1, 34.51, 49.591), place(2, 34.52, 49.592)));
        try (CommunityScope b = gis.communities().enter("b")) {
            Layer own = layer("places", "Місця громади b", GeometryType.POINT, Visibility.PUBLIC, true);
            gis.features().createAll(gis.admin, own.id(), List.of(place(0, 30.0, 50.0), place(1, 30.1, 50.1)));
        }
        OgcServlet servlet = new OgcServlet(gis.layers(), gis.features(), new TestPortalSettings(), gis.communities());
        servlet.addMessageBundle(new GisMessages());
        // bound to the community of the request's host name, as the portal binds it
        server = new TestServer().serveInCommunity(OgcServlet.PATTERN, servlet, gis.communities()).start();
    }

    static FeatureInput place(int i, double lon, double lat) {
        return new FeatureInput(String.format(Locale.ROOT, "POINT(%s %s)", lon, lat), Map.of(
                "name", "Місце " + i, "kind", KINDS.get(i % 3), "opened", LocalDate.of(2020, 1, 1).plusMonths(i)
                        .toString(), "visitors", String.valueOf(100 * i)));
    }

    private Layer layer(String key, String title, GeometryType type, Visibility visibility, boolean dated) {
        List<AttributeDefinition> attributes = new ArrayList<>(List.of(
                AttributeDefinition.text("name", "Назва", true, false),
                AttributeDefinition.choice("kind", "Вид", false, KINDS.toArray(new String[0]))));
        if (dated) {
            attributes.add(new AttributeDefinition("opened", "Відкрито", AttributeType.DATE, false, false, null, null));
            attributes.add(new AttributeDefinition("visitors", "Відвідувачів", AttributeType.NUMBER, false, false, null,
                    null));
        }
        return gis.layers().saveLayer(gis.admin, new Layer(0, key, null, title, type, attributes, null, null,
                visibility, new LayerMetadata("Управління культури", LocalDate.of(2024, 5, 31), "CC BY 4.0", "щомісяця"),
                null, 0, null, null));
    }

    /** The API's address as the default community's clients reach it. */
    String base() {
        return server.address() + PATH;
    }

    record Answer(int status, String contentType, JsonNode body, HttpResponse<byte[]> response) {
        String header(String name) {
            return response.headers().firstValue(name).orElse(null);
        }
    }

    /** A GET of a path under the API (or an absolute URL), its JSON body read. */
    Answer get(String pathOrUrl, String... headers) throws Exception {
        String url = pathOrUrl.startsWith("http") ? pathOrUrl : base() + pathOrUrl;
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).GET();
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return answer(server.send(b.build()));
    }

    /** A GET sent as written over a plain socket (java.net.http refuses a broken %-escape): status and body. */
    Answer getRaw(String pathAndQuery) throws Exception {
        TestServer.RawAnswer raw = server.getRaw(PATH + pathAndQuery);
        return new Answer(raw.status(), raw.contentType(), json.readTree(raw.body()), null);
    }

    Answer send(HttpRequest request) throws Exception {
        return answer(server.send(request));
    }

    private Answer answer(HttpResponse<byte[]> r) throws IOException {
        String text = new String(r.body(), StandardCharsets.UTF_8);
        return new Answer(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""),
                text.isEmpty() ? null : json.readTree(text), r);
    }

    @Override
    public void close() throws Exception {
        try {
            server.close();
        } finally {
            gis.close();
        }
    }
}
