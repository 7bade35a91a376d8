package ua.hromada.gis.ogc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The OGC API – Features over real HTTP on the real GIS services: the landing page, conformance,
 * OpenAPI definition, collections with extents, items with paging links, bbox, datetime and
 * attribute filters, single objects, and the refusals (400 for what a parameter cannot be, 404 for
 * what is not there — an employees' layer included), each in the portal's error format.
 */
class OgcApiTest extends OgcFixtureTest {

    @Test
    void landingPageLinksTheApiConformanceAndData() throws Exception {
        OgcFixture.Answer landing = f.get("");
        assertEquals(200, landing.status());
        assertTrue(landing.contentType().startsWith("application/json"), landing.contentType());
        assertEquals("Публічні геодані громади (OGC API – Features)", landing.body().path("title").asText());
        assertEquals(f.base() + "/api", link(landing.body(), "service-desc").path("href").asText());
        assertEquals("application/vnd.oai.openapi+json;version=3.0", link(landing.body(), "service-desc").path("type")
                .asText());
        assertEquals(f.base() + "/conformance", link(landing.body(), "conformance").path("href").asText());
        assertEquals(f.base() + "/collections", link(landing.body(), "data").path("href").asText());
        assertEquals(f.base() + "/", link(landing.body(), "self").path("href").asText());
        assertEquals(landing.body(), f.get("/").body());

        OgcFixture.Answer english = f.get("/", "Accept-Language", "en-GB,en;q=0.9");
        assertEquals("Public geodata of the community (OGC API – Features)", english.body().path("title").asText());
        assertEquals("en", english.header("Content-Language"));

        JsonNode conformance = f.get("/conformance").body();
        Set<String> classes = new TreeSet<>();
        conformance.path("conformsTo").forEach(c -> classes.add(c.asText()));
        assertEquals(new TreeSet<>(Metadata.CONFORMANCE), classes);
    }

    @Test
    void openApiDescribesEveryPublicCollectionWithItsFilters() throws Exception {
        OgcFixture.Answer api = f.get("/api");
        assertEquals(200, api.status());
        assertTrue(api.contentType().startsWith("application/vnd.oai.openapi+json"), api.contentType());
        assertEquals("3.0.3", api.body().path("openapi").asText());
        assertEquals(f.base(), api.body().path("servers").path(0).path("url").asText());
        JsonNode paths = api.body().path("paths");
        for (String p : List.of("/", "/conformance", "/api", "/collections", "/collections/{collectionId}",
                "/collections/{collectionId}/items", "/collections/{collectionId}/items/{featureId}")) {
            assertTrue(paths.has(p), p);
        }
        List<String> names = new ArrayList<>();
        paths.path("/collections/places/items").path("get").path("parameters").forEach(p -> names.add(
                p.has("name") ? p.path("name").asText() : p.path("$ref").asText()));
        assertTrue(names.containsAll(List.of("name", "kind", "opened", "visitors", "#/components/parameters/datetime")),
                names.toString());
        List<String> parkNames = new ArrayList<>();
        paths.path("/collections/parks/items").path("get").path("parameters").forEach(p -> parkNames.add(
                p.has("name") ? p.path("name").asText() : p.path("$ref").asText()));
        assertFalse(parkNames.contains("#/components/parameters/datetime"), parkNames.toString());
        assertFalse(paths.has("/collections/inspections/items"));
        assertEquals(10000, api.body().at("/components/parameters/limit/schema/maximum").asInt());
    }

    @Test
    void collectionsArePublicLayersWithExtents() throws Exception {
        OgcFixture.Answer answer = f.get("/collections");
        assertEquals(200, answer.status());
        Set<String> ids = new TreeSet<>();
        answer.body().path("collections").forEach(c -> ids.add(c.path("id").asText()));
        assertEquals(Set.of("parks", "places"), ids);

        JsonNode places = f.get("/collections/places").body();
        assertEquals("Пам’ятні місця", places.path("title").asText());
        assertEquals("feature", places.path("itemType").asText());
        assertEquals(Metadata.CRS84, places.path("crs").path(0).asText());
        assertTrue(places.path("description").asText().contains("Ліцензія: CC BY 4.0."), places.toString());
        JsonNode box = places.at("/extent/spatial/bbox/0");
        assertEquals(34.50, box.get(0).asDouble(), 1e-7);
        assertEquals(49.59, box.get(1).asDouble(), 1e-7);
        assertEquals(34.74, box.get(2).asDouble(), 1e-7);
        assertEquals(49.614, box.get(3).asDouble(), 1e-7);
        assertEquals("2020-01-01T00:00:00Z", places.at("/extent/temporal/interval/0/0").asText());
        assertEquals("2022-01-01T23:59:59Z", places.at("/extent/temporal/interval/0/1").asText());
        assertEquals(f.base() + "/collections/places/items", link(places, "items").path("href").asText());
        assertEquals("application/geo+json", link(places, "items").path("type").asText());

        JsonNode parks = f.get("/collections/parks").body();
        assertEquals("[34.4,49.5,34.7,49.7]", parks.at("/extent/spatial/bbox/0").toString());
        assertTrue(parks.at("/extent/temporal").isMissingNode());

        // a new object far away: the extent grows at once (the kept extent is for the old count)
        var added = f.gis.features().create(f.gis.admin, f.parks.id(), new ua.hromada.gis.api.FeatureInput(
                "POLYGON((35.0 50.0, 35.1 50.0, 35.1 50.1, 35.0 50.0))", java.util.Map.of("name", "Новий сквер")));
        try {
            assertEquals("[34.4,49.5,35.1,50.1]", f.get("/collections/parks").body().at("/extent/spatial/bbox/0")
                    .toString());
        } finally {
            f.gis.features().delete(f.gis.admin, added.id(), added.version());
        }
    }

    @Test
    void employeesLayersAreNotThere() throws Exception {
        assertNotFound(f.get("/collections/inspections"));
        assertNotFound(f.get("/collections/inspections/items"));
        long hiddenId = f.hidden.get(0).id();
        assertNotFound(f.get("/collections/inspections/items/" + hiddenId));
        assertNotFound(f.get("/collections/places/items/" + hiddenId));
        OgcFixture.Answer answer = f.get("/collections/inspections");
        assertEquals("Шару «inspections» немає серед публічних шарів громади.", answer.body().at("/error/message")
                .asText());
        assertEquals("NotFound", answer.body().path("code").asText());
    }

    @Test
    void itemsArePagedWithNextAndPrevLinks() throws Exception {
        OgcFixture.Answer first = f.get("/collections/places/items");
        assertEquals(200, first.status());
        assertTrue(first.contentType().startsWith("application/geo+json"), first.contentType());
        JsonNode page = first.body();
        assertEquals("FeatureCollection", page.path("type").asText());
        assertEquals(25, page.path("numberMatched").asInt());
        assertEquals(10, page.path("numberReturned").asInt());
        assertEquals(ids(0, 10), ids(page));
        assertFalse(Instant.parse(page.path("timeStamp").asText()).isAfter(Instant.now()));
        assertNull(link(page, "prev"));
        assertEquals(f.base() + "/collections/places", link(page, "collection").path("href").asText());

        JsonNode second = f.get(link(page, "next").path("href").asText()).body();
        assertEquals(ids(10, 20), ids(second));
        assertEquals(f.base() + "/collections/places/items?offset=0", link(second, "prev").path("href").asText());
        JsonNode third = f.get(link(second, "next").path("href").asText()).body();
        assertEquals(ids(20, 25), ids(third));
        assertEquals(5, third.path("numberReturned").asInt());
        assertNull(link(third, "next"));
        assertEquals(ids(10, 20), ids(f.get(link(third, "prev").path("href").asText()).body()));

        // the links keep the other parameters
        JsonNode filtered = f.get("/collections/places/items?kind=%D0%BC%D1%83%D0%B7%D0%B5%D0%B9&limit=3").body();
        assertEquals(9, filtered.path("numberMatched").asInt());
        String next = link(filtered, "next").path("href").asText();
        assertTrue(next.contains("kind=%D0%BC%D1%83%D0%B7%D0%B5%D0%B9") && next.contains("limit=3")
                && next.contains("offset=3"), next);
        JsonNode feature = filtered.path("features").path(0);
        assertEquals(f.placeObjects.get(0).id(), feature.path("id").asLong());
        assertEquals("Point", feature.at("/geometry/type").asText());
        assertEquals("Місце 0", feature.at("/properties/name").asText());
        assertEquals("2020-01-01", feature.at("/properties/opened").asText());
        assertTrue(feature.at("/properties/visitors").isNumber());
    }

    @Test
    void limitAndOffset() throws Exception {
        JsonNode all = f.get("/collections/places/items?limit=100000").body();
        assertEquals(25, all.path("numberReturned").asInt(), "a limit above the maximum is served as the maximum");
        assertEquals(ids(0, 25), ids(all));
        assertEquals(ids(23, 25), ids(f.get("/collections/places/items?offset=23&f=json").body()));
        assertEquals(0, f.get("/collections/places/items?offset=40").body().path("numberReturned").asInt());
        for (String bad : List.of("limit=0", "limit=-5", "limit=abc", "limit=1.5", "offset=-1", "offset=x",
                "limit=1&limit=2", "f=html", "colour=red", "resultType=hits")) {
            assertBadRequest(f.get("/collections/places/items?" + bad), bad);
        }
        assertTrue(f.get("/collections/places/items?colour=red").body().at("/error/message").asText()
                .contains("«colour»"));
        assertBadRequest(f.get("/collections?limit=5"), "the collections take no limit");
        assertBadRequest(f.getRaw("/collections/places/items?bbox=%zz"), "a broken escape");
    }

    @Test
    void bboxSelectsByPosition() throws Exception {
        // 34.515 .. 34.545: objects 2, 3, 4
        assertEquals(ids(2, 5), ids(f.get("/collections/places/items?bbox=34.515,49.5,34.545,49.7").body()));
        assertEquals(3, f.get("/collections/places/items?bbox=34.515,49.5,34.545,49.7").body().path("numberMatched")
                .asInt());
        JsonNode parks = f.get("/collections/parks/items?bbox=34.44,49.54,34.46,49.56").body();
        assertEquals(List.of(f.parkObjects.get(0).id()), ids(parks));
        for (String bad : List.of("34.5,49.5,34.6", "34.5,49.5,0,34.6,49.6,100", "a,b,c,d", "34.5,95,34.6,96",
                "34.6,49.5,34.5,49.6", "34.5,49.6,34.6,49.5", "NaN,49.5,34.6,49.6")) {
            assertBadRequest(f.get("/collections/places/items?bbox=" + bad), bad);
        }
    }

    @Test
    void datetimeOnTheFirstDateAttribute() throws Exception {
        assertEquals(ids(2, 3), ids(f.get("/collections/places/items?datetime=2020-03-01").body()));
        assertEquals(ids(2, 3), ids(f.get("/collections/places/items?datetime=2020-03-01T10:00:00Z").body()));
        // 23:30 UTC is the next day in Kyiv
        assertEquals(ids(3, 4), ids(f.get("/collections/places/items?datetime=2020-03-31T23:30:00Z").body()));
        assertEquals(ids(1, 4), ids(f.get("/collections/places/items?datetime=2020-02-01/2020-04-01").body()));
        assertEquals(ids(0, 2), ids(f.get("/collections/places/items?datetime=../2020-02-15").body()));
        assertEquals(ids(23, 25), ids(f.get("/collections/places/items?datetime=2021-12-01/..").body()));
        assertEquals(ids(23, 25), ids(f.get("/collections/places/items?datetime=2021-12-01/").body()));
        for (String bad : List.of("yesterday", "2020-05-01/2020-01-01", "2020-13-01", "2020-01-01T10:00:00")) {
            assertBadRequest(f.get("/collections/places/items?datetime=" + bad), bad);
        }
        assertBadRequest(f.get("/collections/parks/items?datetime=2020-01-01"), "parks have no date");
    }

    @Test
    void attributeFilters() throws Exception {
        assertEquals(List.of(f.placeObjects.get(7).id()), ids(f.get("/collections/places/items?name="
                + encode("Місце 7")).body()));
        assertEquals(List.of(f.placeObjects.get(4).id()), ids(f.get("/collections/places/items?visitors=400").body()));
        assertEquals(List.of(f.placeObjects.get(3).id()), ids(f.get("/collections/places/items?opened=2020-04-01&kind="
                + "%D0%BC%D1%83%D0%B7%D0%B5%D0%B9").body()));
        OgcFixture.Answer notNumber = f.get("/collections/places/items?visitors=many");
        assertBadRequest(notNumber, "visitors=many");
        assertTrue(notNumber.body().at("/error/message").asText().contains("потрібне число"),
                notNumber.body().toString());
    }

    @Test
    void singleObjects() throws Exception {
        long id = f.placeObjects.get(5).id();
        OgcFixture.Answer answer = f.get("/collections/places/items/" + id);
        assertEquals(200, answer.status());
        assertTrue(answer.contentType().startsWith("application/geo+json"));
        assertEquals(id, answer.body().path("id").asLong());
        assertEquals("Місце 5", answer.body().at("/properties/name").asText());
        assertEquals(500, answer.body().at("/properties/visitors").asInt());
        assertEquals(f.base() + "/collections/places/items/" + id, link(answer.body(), "self").path("href").asText());
        assertNotFound(f.get("/collections/parks/items/" + id));
        assertNotFound(f.get("/collections/places/items/abc"));
        assertNotFound(f.get("/collections/places/items/99999999"));
        assertBadRequest(f.get("/collections/places/items/" + id + "?limit=1"), "one object takes no limit");
    }

    @Test
    void unknownAddressesAndMethods() throws Exception {
        assertNotFound(f.get("/nothing"));
        assertNotFound(f.get("/collections/places/things"));
        assertNotFound(f.get("/collections/places/items/1/more"));
        OgcFixture.Answer post = f.send(HttpRequest.newBuilder(URI.create(f.base() + "/collections/places/items"))
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build());
        assertEquals(405, post.status());
        assertEquals(405, post.body().at("/error/status").asInt());
        OgcFixture.Answer head = f.send(HttpRequest.newBuilder(URI.create(f.base() + "/collections/places/items"))
                .method("HEAD", HttpRequest.BodyPublishers.noBody()).build());
        assertEquals(200, head.status());
        assertTrue(head.contentType().startsWith("application/geo+json"), head.contentType());
        assertNull(head.body());
        OgcFixture.Answer options = f.send(HttpRequest.newBuilder(URI.create(f.base() + "/collections"))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()).build());
        assertEquals(204, options.status());
        assertEquals("*", options.header("Access-Control-Allow-Origin"));
    }

    @Test
    void eachCommunitySeesItsOwnLayers() throws Exception {
        String b = "http://localhost:" + f.server.port() + OgcFixture.PATH;
        JsonNode items = f.get(b + "/collections/places/items").body();
        assertEquals(2, items.path("numberMatched").asInt());
        assertTrue(link(items, "self").path("href").asText().startsWith(b), "links name the host asked");
        Set<String> ids = new TreeSet<>();
        f.get(b + "/collections").body().path("collections").forEach(c -> ids.add(c.path("id").asText()));
        assertEquals(Set.of("places"), ids);
        assertNotFound(f.get(b + "/collections/places/items/" + f.placeObjects.get(0).id()));
    }

    private static String encode(String value) {
        return java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8);
    }

    private static List<Long> ids(int from, int to) {
        return f.placeObjects.subList(from, to).stream().map(o -> o.id()).toList();
    }

    private static List<Long> ids(JsonNode collection) {
        List<Long> ids = new ArrayList<>();
        collection.path("features").forEach(feature -> ids.add(feature.path("id").asLong()));
        return ids;
    }

    private static JsonNode link(JsonNode doc, String rel) {
        for (JsonNode l : doc.path("links")) {
            if (l.path("rel").asText().equals(rel)) {
                return l;
            }
        }
        return null;
    }

    private static void assertNotFound(OgcFixture.Answer answer) {
        assertEquals(404, answer.status(), String.valueOf(answer.body()));
        assertError(answer, 404, "not_found");
    }

    private static void assertBadRequest(OgcFixture.Answer answer, String what) {
        assertEquals(400, answer.status(), what + ": " + answer.body());
        assertError(answer, 400, "bad_request");
    }

    private static void assertError(OgcFixture.Answer answer, int status, String code) {
        assertTrue(answer.contentType().startsWith("application/json"), answer.contentType());
        assertEquals(status, answer.body().at("/error/status").asInt());
        assertEquals(code, answer.body().at("/error/code").asText());
        assertFalse(answer.body().at("/error/message").asText().isBlank());
        assertEquals(answer.body().at("/error/message").asText(), answer.body().path("description").asText());
    }
}
