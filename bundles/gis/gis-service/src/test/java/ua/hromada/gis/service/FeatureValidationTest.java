package ua.hromada.gis.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

import ua.hromada.gis.api.AttributeDefinition;
import ua.hromada.gis.api.AttributeType;
import ua.hromada.gis.api.FeatureInput;
import ua.hromada.gis.api.GeometryType;
import ua.hromada.gis.api.GisException;
import ua.hromada.gis.api.GisFeature;
import ua.hromada.gis.api.Layer;
import ua.hromada.gis.api.ValidationError;
import ua.hromada.portal.api.PortalException.Reason;

/**
 * Objects checked against their layer's schema and geometry type on real PostGIS: each attribute
 * type, required, unique (saved objects and within a batch), choices, unknown names; geometry
 * unreadable, of the wrong type, invalid, outside the globe, in an unsupported or a UCS-2000
 * coordinate system (transformed: compared with PROJ's cs2cs answer).
 */
class FeatureValidationTest {
    private static final String POLTAVA = "{\"type\":\"Point\",\"coordinates\":[34.5514,49.5894]}";

    @AutoClose
    private final GisTestSetup gis = new GisTestSetup();

    private Layer typed() {
        return gis.layers().saveLayer(gis.admin, Layer.create("typed", null, "Усі типи", GeometryType.POINT, List.of(
                new AttributeDefinition("title", "Назва", AttributeType.TEXT, true, false, 10, List.of()),
                new AttributeDefinition("area", "Площа", AttributeType.NUMBER, false, false, null, List.of()),
                new AttributeDefinition("since", "Дата", AttributeType.DATE, false, false, null, List.of()),
                AttributeDefinition.choice("kind", "Вид", false, "школа", "садок"),
                new AttributeDefinition("code", "Код", AttributeType.TEXT, false, true, null, List.of()))));
    }

    private static Map<String, Object> values(Object... kv) {
        Map<String, Object> m = new HashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    private static List<String> keys(GisException e) {
        return e.errors().stream().map(x -> x.field() + ":" + x.messageKey()).sorted().toList();
    }

    @Test
    void valuesAreTypedFromTextAndFromValues() {
        Layer layer = typed();
        GisFeature f = gis.features().create(gis.admin, layer.id(), new FeatureInput(POLTAVA,
                values("title", "  Школа 1 ", "area", "1 250,50", "since", "31.05.2024", "kind", "ШКОЛА", "code", "A-1")));
        assertEquals("Школа 1", f.attributes().get("title"));
        assertEquals(new BigDecimal("1250.5"), f.attributes().get("area"));
        assertEquals(LocalDate.of(2024, 5, 31), f.attributes().get("since"));
        assertEquals("школа", f.attributes().get("kind"), "the list's own spelling");
        assertEquals(List.of("title", "area", "since", "kind", "code"), List.copyOf(f.attributes().keySet()));
        GisFeature g = gis.features().create(gis.admin, layer.id(), new FeatureInput(
                "{\"type\":\"Point\",\"coordinates\":[34.56,49.59]}",
                values("title", "Садок", "area", 12, "since", LocalDate.of(2020, 1, 2), "kind", null, "code", "")));
        assertEquals(new BigDecimal("12"), g.attributes().get("area"));
        assertEquals(Map.of("title", "Садок", "area", new BigDecimal("12"), "since", LocalDate.of(2020, 1, 2)),
                g.attributes(), "blank and null are no value");
    }

    @Test
    void eachTypeRefusesWhatItCannotRead() {
        Layer layer = typed();
        GisException e = assertThrows(GisException.class, () -> gis.features().create(gis.admin, layer.id(),
                new FeatureInput(POLTAVA, values("title", "Задовга назва", "area", "12 га", "since", "2024-13-01",
                        "kind", "лікарня", "colour", "red"))));
        assertEquals(Reason.INVALID, e.reason());
        assertEquals(List.of("area:gis.error.number", "colour:gis.error.unknownAttribute", "kind:gis.error.choice",
                "since:gis.error.date", "title:gis.error.tooLong"), keys(e));
        ValidationError choice = e.errors().stream().filter(x -> x.field().equals("kind")).findFirst().orElseThrow();
        assertEquals(List.of("Вид", "школа, садок"), choice.args());
        ValidationError tooLong = e.errors().stream().filter(x -> x.field().equals("title")).findFirst().orElseThrow();
        assertEquals(List.of("Назва", "10"), tooLong.args());
        GisException required = assertThrows(GisException.class, () -> gis.features().create(gis.admin, layer.id(),
                new FeatureInput(POLTAVA, values("title", "   "))));
        assertEquals(List.of("title:gis.error.required"), keys(required));
        assertEquals(0, gis.rows("gis.feature", layer.id()));
    }

    @Test
    void uniqueValuesAreUniqueInTheLayerAndInABatch() {
        Layer signage = gis.layer(ShippedLayers.SIGNAGE);
        gis.features().create(gis.admin, signage.id(), new FeatureInput(POLTAVA,
                values("owner", "ТОВ «Реклама»", "permit_number", "Д-17/2024", "status", "дозвіл є")));
        GisException taken = assertThrows(GisException.class, () -> gis.features().create(gis.admin, signage.id(),
                new FeatureInput(POLTAVA, values("owner", "ФОП Іваненко", "permit_number", " д-17/2024 ",
                        "status", "без дозволу"))));
        assertEquals(List.of("permit_number:gis.error.unique"), keys(taken));
        // another layer may have the same value
        gis.features().create(gis.admin, gis.layer(ShippedLayers.HERITAGE).id(), new FeatureInput(POLTAVA,
                values("name", "Пам’ятник", "register_number", "Д-17/2024")));

        List<FeatureInput> batch = List.of(
                new FeatureInput(POLTAVA, values("owner", "А", "permit_number", "Д-1", "status", "дозвіл є")),
                new FeatureInput(POLTAVA, values("owner", "Б", "permit_number", "Д-17/2024", "status", "дозвіл є")),
                new FeatureInput(POLTAVA, values("owner", "В", "permit_number", "д-1", "status", "дозвіл є")),
                new FeatureInput(POLTAVA, values("owner", "Г", "status", "невідомо")));
        List<ValidationError> preview = gis.features().check(gis.admin, signage.id(), batch);
        assertEquals(List.of("1 permit_number gis.error.unique", "2 permit_number gis.error.uniqueInBatch",
                "3 status gis.error.choice"), preview.stream().map(x -> x.row() + " " + x.field() + " " + x.messageKey())
                        .toList());
        int auditBefore = gis.audit().size();
        GisException refused = assertThrows(GisException.class,
                () -> gis.features().createAll(gis.admin, signage.id(), batch));
        assertEquals(preview, refused.errors());
        assertEquals(1, gis.rows("gis.feature", signage.id()), "nothing of the batch saved");
        assertEquals(1, gis.rows("gis.feature_history", signage.id()));
        assertEquals(auditBefore, gis.audit().size(), "no audit entry of the refused batch");

        List<GisFeature> saved = gis.features().createAll(gis.admin, signage.id(), batch.subList(0, 1));
        assertEquals(1, saved.size());
        assertEquals(2, gis.rows("gis.feature", signage.id()));
    }

    @Test
    void geometryMustBeReadableValidOnTheGlobeAndOfTheLayersType() {
        Layer heritage = gis.layer(ShippedLayers.HERITAGE);
        Map<String, Object> name = values("name", "Пам’ятка");
        assertEquals("geometry:gis.error.geometryType.POINT", only(heritage, new FeatureInput(
                "{\"type\":\"LineString\",\"coordinates\":[[34.55,49.58],[34.56,49.59]]}", name)));
        assertEquals("geometry:gis.error.geometryUnreadable", only(heritage, new FeatureInput("{\"type\":\"Point\"", name)));
        assertEquals("geometry:gis.error.geometryUnreadable", only(heritage, new FeatureInput("POINT(34.55)", name)));
        assertEquals("geometry:gis.error.geometryMissing", only(heritage, new FeatureInput(" ", name)));
        assertEquals("geometry:gis.error.srid", only(heritage, new FeatureInput(POLTAVA, 3857, name)));
        assertEquals("geometry:gis.error.geometryOutside", only(heritage,
                new FeatureInput("POINT(195373.1589 5496290.1423)", name)), "UCS-2000 metres given as degrees");
        assertEquals("geometry:gis.error.geometryEmpty", only(heritage, new FeatureInput("POINT EMPTY", name)));
        Layer zones = gis.layer(ShippedLayers.HERITAGE_ZONES);
        assertEquals("geometry:gis.error.geometryInvalid", only(zones, new FeatureInput(
                "POLYGON((34.55 49.58, 34.56 49.59, 34.56 49.58, 34.55 49.59, 34.55 49.58))", name)), "a bow-tie");
        // a multipolygon is a polygon layer's; WKT is read as well as GeoJSON
        GisFeature multi = gis.features().create(gis.admin, zones.id(), new FeatureInput(
                "MULTIPOLYGON(((34.55 49.58, 34.56 49.58, 34.56 49.59, 34.55 49.58)))", name));
        assertTrue(multi.geometry().contains("\"MultiPolygon\""), multi.geometry());
    }

    @Test
    void ucs2000CoordinatesAreTransformedToWgs84() {
        Layer heritage = gis.layer(ShippedLayers.HERITAGE);
        // references: PROJ 9.1 `cs2cs EPSG:4326 EPSG:<srid>` of Poltava's centre 49.5894 N, 34.5514 E
        // (UCS-2000 / Ukraine TM zone 12: N 5496290.1423, E 195373.1589; Gauss-Kruger CM 33E:
        // N 5496442.8539, E 612285.9784; UCS-2000 geographic: 49.58948446 N, 34.55296654 E — about
        // 113 m from the WGS 84 point: the datum shift matters)
        assertNear(34.5514, 49.5894, gis.features().create(gis.admin, heritage.id(), new FeatureInput(
                "POINT(195373.1589 5496290.1423)", 6386, values("name", "TM 12"))));
        assertNear(34.5514, 49.5894, gis.features().create(gis.admin, heritage.id(), new FeatureInput(
                "{\"type\":\"Point\",\"coordinates\":[612285.9784,5496442.8539]}", 5568, values("name", "ГК 33"))));
        assertNear(34.5514, 49.5894, gis.features().create(gis.admin, heritage.id(), new FeatureInput(
                "POINT(34.55296654 49.58948446)", 5561, values("name", "УСК-2000"))));
    }

    /** Within 1e-6° (~0.1 m) of the expected WGS 84 point. */
    private static void assertNear(double lon, double lat, GisFeature f) {
        String coords = f.geometry().replaceAll(".*\"coordinates\":\\[([^]]+)].*", "$1");
        String[] xy = coords.split(",");
        assertEquals(lon, Double.parseDouble(xy[0]), 1e-6, f.geometry());
        assertEquals(lat, Double.parseDouble(xy[1]), 1e-6, f.geometry());
    }

    private String only(Layer layer, FeatureInput input) {
        GisException e = assertThrows(GisException.class, () -> gis.features().create(gis.admin, layer.id(), input));
        assertEquals(1, e.errors().size(), e.errors().toString());
        return keys(e).get(0);
    }
}
