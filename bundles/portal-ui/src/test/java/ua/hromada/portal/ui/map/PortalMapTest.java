package ua.hromada.portal.ui.map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import ua.hromada.portal.api.map.BoundingBox;
import ua.hromada.portal.api.map.GeoPoint;
import ua.hromada.portal.api.map.LegendEntry;
import ua.hromada.portal.api.map.MapFeature;
import ua.hromada.portal.api.map.MapSettings;

/** The server half of the map without a browser: what it sends and what it accepts back. */
class PortalMapTest {

    private static final MapSettings SETTINGS = TestMapSettings.POLTAVA;
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void theVisibleAreaIsAskedFromTheSourceAndSentAsJson() throws Exception {
        PortalMap map = new PortalMap(SETTINGS);
        AtomicReference<BoundingBox> asked = new AtomicReference<>();
        map.setFeatureSource((bbox, zoom) -> {
            asked.set(bbox);
            return List.of(MapFeature.cluster(49.58, 34.55, 250),
                    MapFeature.point("v-1", 49.59, 34.56, "#e53935", "Порушення «1»</b>", List.of("Направлено", "<script>"),
                            "oks/violations/1", true));
        });
        JsonNode features = json.readTree(map.featuresFor(49.55, 34.48, 49.63, 34.62, 14));
        assertEquals(new BoundingBox(49.55, 34.48, 49.63, 34.62), asked.get());
        assertEquals(14, map.getZoom());
        assertEquals(2, features.size());
        assertEquals(250, features.get(0).get("n").asInt());
        assertTrue(features.get(0).path("i").isMissingNode(), "clusters have no id");
        JsonNode point = features.get(1);
        assertEquals("v-1", point.get("i").asText());
        assertEquals(1, point.get("n").asInt());
        assertEquals("#e53935", point.get("c").asText());
        assertEquals("Порушення «1»</b>", point.get("t").asText(), "texts travel as data, the browser sets textContent");
        assertEquals("<script>", point.get("l").get(1).asText());
        assertEquals("oks/violations/1", point.get("h").asText());
        assertTrue(point.get("x").asBoolean());
    }

    @Test
    void withoutASourceTheMapIsEmpty() {
        PortalMap map = new PortalMap(SETTINGS);
        assertEquals("[]", map.featuresFor(49.55, 34.48, 49.63, 34.62, 14));
        map.setFeatureSource((bbox, zoom) -> {
            throw new IllegalStateException("database down");
        });
        assertEquals("[]", map.featuresFor(49.55, 34.48, 49.63, 34.62, 14), "a failing source draws nothing");
    }

    @Test
    void tooManyFeaturesAreCutOff() throws Exception {
        PortalMap map = new PortalMap(SETTINGS);
        map.setFeatureSource((bbox, zoom) -> IntStream.range(0, PortalMap.MAX_FEATURES + 10)
                .mapToObj(i -> MapFeature.point("p" + i, 49.58, 34.55, null, null, null, null)).toList());
        assertEquals(PortalMap.MAX_FEATURES, json.readTree(map.featuresFor(49.55, 34.48, 49.63, 34.62, 18)).size());
    }

    @Test
    void browserBoundsAreBroughtIntoRange() {
        assertEquals(new BoundingBox(49.5, 34.4, 49.6, 34.6), PortalMap.visibleBox(49.5, 34.4, 49.6, 34.6));
        assertEquals(new BoundingBox(-90, -180, 90, 180), PortalMap.visibleBox(-95, -300, 95, 300), "world view");
        BoundingBox wrapped = PortalMap.visibleBox(49.5, 394.4, 49.6, 394.6); // panned once round the world
        assertEquals(34.4, wrapped.west(), 1e-9);
        assertEquals(34.6, wrapped.east(), 1e-9);
        assertEquals(new BoundingBox(60, -180, 70, 180), PortalMap.visibleBox(60, 170, 70, 190), "across the antimeridian");
        assertNull(PortalMap.visibleBox(Double.NaN, 0, 1, 1));
        assertNull(PortalMap.visibleBox(2, 0, 1, 1));
        assertNull(PortalMap.visibleBox(1, 2, 2, 1));
    }

    @Test
    void clicksReachTheListenersWithValidatedValues() {
        PortalMap map = new PortalMap(SETTINGS);
        List<GeoPoint> clicks = new ArrayList<>();
        List<String> features = new ArrayList<>();
        map.addMapClickListener(e -> clicks.add(e.point()));
        map.addFeatureClickListener(e -> features.add(e.featureId()));
        map.mapClicked(49.5883, 34.5514);
        map.mapClicked(49.5883, 394.5514); // Leaflet's longitude on the next copy of the world
        map.mapClicked(95, 34);
        map.mapClicked(Double.NaN, 34);
        assertEquals(2, clicks.size());
        assertEquals(new GeoPoint(49.5883, 34.5514), clicks.get(0));
        assertEquals(34.5514, clicks.get(1).lon(), 1e-9);

        map.setFeatureSource((bbox, zoom) -> List.of(MapFeature.point("v-7", 49.59, 34.56, null, null, null, null)));
        map.featureClicked("v-7");
        assertEquals(List.of(), features, "nothing shown yet: the id cannot come from the map");
        map.featuresFor(49.55, 34.48, 49.63, 34.62, 17);
        map.featureClicked("v-7");
        map.featureClicked("v-8");
        map.featureClicked(null);
        assertEquals(List.of("v-7"), features);
    }

    @Test
    void viewSelectionAndLegendKeepTheirState() {
        PortalMap map = new PortalMap(SETTINGS);
        assertEquals(13, map.getZoom());
        assertTrue(map.getVisibleBounds().isEmpty());
        map.setView(new GeoPoint(49.6, 34.5), 40);
        assertEquals(19, map.getZoom(), "clamped to the tile server's maximum");
        map.setSelectedPoint(new GeoPoint(49.6, 34.5));
        assertEquals(new GeoPoint(49.6, 34.5), map.getSelectedPoint().orElseThrow());
        map.setSelectedPoint(null);
        assertTrue(map.getSelectedPoint().isEmpty());
        map.featuresFor(49.55, 34.48, 49.63, 34.62, 15);
        assertEquals(new BoundingBox(49.55, 34.48, 49.63, 34.62), map.getVisibleBounds().orElseThrow());

        map.setLegend(List.of(new LegendEntry("#1e88e5", "Направлено"), new LegendEntry("#43a047", "Виконано")));
        var legend = map.getContent().getChildren().filter(c -> c.hasClassName("hromada-map-legend")).findFirst()
                .orElseThrow();
        assertTrue(legend.isVisible());
        assertEquals(2, legend.getChildren().count());
        map.setLegend(List.of(new LegendEntry("#1e88e5", "Направлено"), LegendEntry.highlighted("Прострочено (обведено)")));
        var swatches = legend.getChildren().map(line -> line.getChildren().findFirst().orElseThrow()).toList();
        assertTrue(swatches.get(0).hasClassName("hromada-map-swatch-dot"));
        assertTrue(swatches.get(1).hasClassName("hromada-map-swatch-ring"), "the overdue mark is a ring, as drawn");
        assertTrue(swatches.get(1).getElement().getStyle().get("box-shadow").endsWith(LegendEntry.HIGHLIGHT_RING_COLOR));
        assertEquals("#9e9e9e", swatches.get(1).getElement().getStyle().get("background"), "not a filled dot of the ring colour");
        map.setLegend(List.of());
        assertTrue(!legend.isVisible());
    }
}
