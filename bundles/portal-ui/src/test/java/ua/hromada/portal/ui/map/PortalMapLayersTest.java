package ua.hromada.portal.ui.map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import ua.hromada.portal.api.map.BoundingBox;
import ua.hromada.portal.api.map.GeoPoint;
import ua.hromada.portal.api.map.MapFeature;
import ua.hromada.portal.api.map.MapSettings;

/** Overlay layers, identify, editing and the view state of the map, without a browser. */
class PortalMapLayersTest {

    private static final MapSettings SETTINGS = TestMapSettings.POLTAVA;
    private static final String SQUARE = "{\"type\":\"Polygon\",\"coordinates\":[[[34.55,49.58],[34.56,49.58],[34.56,49.59],[34.55,49.59],[34.55,49.58]]]}";
    private static final String LINE = "{\"type\":\"LineString\",\"coordinates\":[[34.55,49.58],[34.57,49.6]]}";
    private final ObjectMapper json = new ObjectMapper();

    private static Map<String, String> statusColors() {
        Map<String, String> colors = new LinkedHashMap<>();
        colors.put("permitted", "#43a047");
        colors.put("expired", "#fb8c00");
        colors.put("none", "#e53935");
        return colors;
    }

    private static VectorLayer signage() {
        return VectorLayer.of("gis.signage", "Вивіски", OverlayStyle.of("#757575").withMarkerShape(MarkerShape.STAR)
                .withValueColors("status", statusColors()), GeometryKind.POINT);
    }

    @Test
    void pushedLayersGoToTheBrowserWithTheirStyleAndFeatures() throws Exception {
        PortalMap map = new PortalMap(SETTINGS);
        map.addLayer(signage(), new LayerFeatures()
                .addPoint("7", 49.59, 34.56, "Вивіска «Кава»</b>", Map.of("status", "expired"))
                .add("8", SQUARE, null, null));
        map.addLayer(TileOverlay.wms("cadastre", "Кадастр", "https://example.org/wms", "parcels", null, true, null, "© ДЗК")
                .withOpacity(0.6).withZIndex(20));

        JsonNode options = json.readTree(map.optionsJson());
        JsonNode layers = options.get("layers");
        assertEquals(2, layers.size());
        JsonNode vector = layers.get(0);
        assertEquals("gis.signage", vector.get("id").asText());
        assertEquals("vector", vector.get("kind").asText());
        assertFalse(vector.get("bbox").asBoolean(), "pushed, not asked per window");
        assertEquals("star", vector.at("/style/shape").asText());
        assertEquals("status", vector.at("/style/by").asText());
        assertEquals("#fb8c00", vector.at("/style/values/expired").asText());
        JsonNode features = vector.at("/data/features");
        assertEquals("FeatureCollection", vector.at("/data/type").asText());
        assertEquals(2, features.size());
        assertEquals("7", features.get(0).get("id").asText());
        assertEquals(34.56, features.get(0).at("/geometry/coordinates/0").asDouble(), 1e-9, "GeoJSON: longitude first");
        assertEquals("expired", features.get(0).at("/properties/status").asText());
        assertEquals("Вивіска «Кава»</b>", features.get(0).get("title").asText(), "texts travel as data");
        assertEquals("Polygon", features.get(1).at("/geometry/type").asText());

        JsonNode wms = layers.get(1);
        assertEquals("wms", wms.get("kind").asText());
        assertEquals("parcels", wms.at("/wms/layers").asText());
        assertEquals("true", wms.at("/wms/transparent").asText());
        assertEquals("1.3.0", wms.at("/wms/version").asText());
        assertEquals(0.6, wms.get("opacity").asDouble(), 1e-9);
        assertEquals(20, wms.get("z").asInt());
        assertEquals("© ДЗК", wms.get("attribution").asText());

        assertThrows(IllegalArgumentException.class, () -> map.addLayer(signage(), new LayerFeatures()), "ids are unique");
        assertEquals(List.of("gis.signage", "cadastre"), map.getVisibleLayerIds());
        map.removeLayer("cadastre");
        assertEquals(1, map.getLayers().size());
    }

    @Test
    void aSourceLayerIsAskedForTheWindowAndMayAnswerClusters() throws Exception {
        PortalMap map = new PortalMap(SETTINGS);
        AtomicReference<BoundingBox> asked = new AtomicReference<>();
        map.addLayer(VectorLayer.of("bench.points", "100 000 точок", OverlayStyle.of("#1e88e5"), GeometryKind.POINT),
                (bbox, zoom) -> {
                    asked.set(bbox);
                    return zoom < 15 ? new LayerFeatures().addCluster(49.58, 34.55, 99_000).addPoint("p1", 49.6, 34.6, null, null)
                            : new LayerFeatures();
                });
        assertTrue(json.readTree(map.optionsJson()).at("/layers/0/bbox").asBoolean());
        assertTrue(json.readTree(map.optionsJson()).at("/layers/0/data").isMissingNode(), "nothing is pushed");

        JsonNode answer = json.readTree(map.layerFeaturesFor("bench.points", 49.55, 34.48, 49.63, 34.62, 12));
        assertEquals(new BoundingBox(49.55, 34.48, 49.63, 34.62), asked.get());
        assertEquals(2, answer.get("features").size());
        assertEquals(99_000, answer.at("/features/0/count").asInt());
        assertTrue(answer.at("/features/0/id").isMissingNode(), "a cluster has no id");
        List<String> clicked = new ArrayList<>();
        map.addLayerFeatureClickListener(e -> clicked.add(e.featureId()));
        map.layerFeatureClicked("bench.points", "p1", 49.6, 34.6);
        assertEquals(List.of("p1"), clicked, "the answered feature is identifiable");

        assertEquals(0, json.readTree(map.layerFeaturesFor("no.such", 49.55, 34.48, 49.63, 34.62, 12)).get("features").size());
        map.addLayer(VectorLayer.of("broken", "Зламаний", null, null), (bbox, zoom) -> {
            throw new IllegalStateException("database down");
        });
        assertEquals(0, json.readTree(map.layerFeaturesFor("broken", 49.55, 34.48, 49.63, 34.62, 12)).get("features").size(),
                "a failing source draws nothing");
        map.addLayer(VectorLayer.of("too.many", "Забагато", null, null), (bbox, zoom) -> {
            LayerFeatures many = new LayerFeatures();
            for (int i = 0; i < PortalMap.MAX_FEATURES + 5; i++) {
                many.addPoint("p" + i, 49.58, 34.55, null, null);
            }
            return many;
        });
        assertEquals(PortalMap.MAX_FEATURES,
                json.readTree(map.layerFeaturesFor("too.many", 49.55, 34.48, 49.63, 34.62, 18)).get("features").size());
    }

    @Test
    void identifyReportsOnlyFeaturesTheMapWasSent() {
        PortalMap map = new PortalMap(SETTINGS);
        List<String> clicks = new ArrayList<>();
        map.addLayerFeatureClickListener(e -> clicks.add(e.layerId() + "/" + e.featureId() + "@" + e.point().lat()));
        map.addLayer(signage(), new LayerFeatures().addPoint("7", 49.59, 34.56, null, null));
        map.layerFeatureClicked("gis.signage", "7", 49.59, 34.56);
        map.layerFeatureClicked("gis.signage", "8", 49.59, 34.56);
        map.layerFeatureClicked("other", "7", 49.59, 34.56);
        map.layerFeatureClicked("gis.signage", "7", Double.NaN, 34.56);
        assertEquals(List.of("gis.signage/7@49.59"), clicks);

        map.setLayerFeatures("gis.signage", new LayerFeatures().addPoint("9", 49.59, 34.56, null, null));
        map.layerFeatureClicked("gis.signage", "7", 49.59, 34.56);
        map.layerFeatureClicked("gis.signage", "9", 49.59, 34.56);
        assertEquals(List.of("gis.signage/7@49.59", "gis.signage/9@49.59"), clicks, "the replaced data counts");
    }

    @Test
    void otherModulesFeaturesBecomeALayer() throws Exception {
        LayerFeatures features = LayerFeatures.of(List.of(MapFeature.cluster(49.58, 34.55, 12),
                MapFeature.point("v-1", 49.59, 34.56, "#e53935", "Порушення 1", List.of("Направлено"), "oks/violations/1", false)));
        JsonNode fc = json.readTree(features.toJson());
        assertEquals(12, fc.at("/features/0/count").asInt());
        assertEquals("#e53935", fc.at("/features/1/color").asText());
        assertEquals("Направлено", fc.at("/features/1/lines/0").asText());
        assertEquals("oks/violations/1", fc.at("/features/1/href").asText());
    }

    @Test
    void brokenGeometriesFailAtTheirSource() {
        LayerFeatures f = new LayerFeatures();
        assertThrows(IllegalArgumentException.class, () -> f.add("1", "{\"type\":\"Point\"", null, null));
        assertThrows(IllegalArgumentException.class, () -> f.add("1", "{\"type\":\"Circle\",\"coordinates\":[1,2]}", null, null));
        assertThrows(IllegalArgumentException.class, () -> f.add("1", "{\"type\":\"Point\",\"coordinates\":[\"a\",2]}", null, null));
        assertThrows(IllegalArgumentException.class, () -> f.addPoint("1", 91, 30, null, null));
        assertThrows(IllegalArgumentException.class, () -> f.addCluster(49, 30, 0));
        f.add("2", "{\"type\":\"GeometryCollection\",\"geometries\":[" + SQUARE + "," + LINE + "]}", null, null);
        assertEquals(1, f.size());
    }

    @Test
    void visibilityOpacityAndOrderAreKeptAndReported() {
        PortalMap map = new PortalMap(SETTINGS);
        List<MapViewState> changes = new ArrayList<>();
        map.addViewChangeListener(e -> changes.add(e.state()));
        map.addLayer(signage(), new LayerFeatures());
        map.addLayer(TileOverlay.xyz("ortho", "Ортофото", "https://tiles.example.org/{z}/{x}/{y}.jpg", "© ДЗК"));
        map.setLayerVisible("gis.signage", false);
        map.setLayerOpacity("ortho", 0.4);
        map.setLayerZIndex("ortho", 5);
        assertFalse(map.getLayer("gis.signage").orElseThrow().visible());
        assertEquals(0.4, map.getLayer("ortho").orElseThrow().opacity(), 1e-9);
        assertEquals(5, map.getLayer("ortho").orElseThrow().zIndex());
        assertEquals(List.of("ortho"), map.getVisibleLayerIds());
        assertEquals(List.of("ortho"), changes.get(changes.size() - 1).visibleLayers());
        assertThrows(IllegalArgumentException.class, () -> map.setLayerOpacity("ortho", 1.5));
        assertThrows(IllegalArgumentException.class, () -> map.setLayerZIndex("ortho", 200));
        assertThrows(IllegalArgumentException.class, () -> map.setLayerVisible("nope", true));
    }

    @Test
    void theViewStateMakesAPermalinkAndComesBackFromIt() {
        PortalMap map = new PortalMap(SETTINGS);
        map.addLayer(signage(), new LayerFeatures());
        map.addLayer(TileOverlay.xyz("ortho", "Ортофото", "https://tiles.example.org/{z}/{x}/{y}.jpg", null).withVisible(false));
        List<ViewChangeEvent> events = new ArrayList<>();
        map.addViewChangeListener(events::add);
        map.viewChanged(49.60012345, 34.5, 16, 49.59, 34.48, 49.61, 34.52);
        assertEquals(1, events.size());
        assertTrue(events.get(0).isFromClient());
        MapViewState state = map.getViewState();
        assertEquals(new GeoPoint(49.60012345, 34.5), state.center());
        assertEquals(16, state.zoom());
        assertEquals(List.of("gis.signage"), state.visibleLayers());

        var query = state.toQueryParameters();
        assertEquals(Map.of("lat", List.of("49.60012"), "lon", List.of("34.50000"), "z", List.of("16"), "layers", List.of("gis.signage")),
                query.getParameters());
        MapViewState back = MapViewState.fromQueryParameters(query).orElseThrow();
        assertEquals(49.60012, back.center().lat(), 1e-9);
        // through the address bar: Vaadin encodes the comma between layer ids, and decodes it again
        String address = new MapViewState(state.center(), 16, List.of("gis.3", "gis.7")).toQueryParameters().getQueryString();
        assertEquals(List.of("gis.3", "gis.7"), MapViewState.fromQueryParameters(
                com.vaadin.flow.router.QueryParameters.fromString(address)).orElseThrow().visibleLayers(), address);

        PortalMap other = new PortalMap(SETTINGS);
        other.addLayer(signage(), new LayerFeatures());
        other.addLayer(TileOverlay.xyz("ortho", "Ортофото", "https://tiles.example.org/{z}/{x}/{y}.jpg", null));
        other.setViewState(MapViewState.fromQueryParameters(
                com.vaadin.flow.router.QueryParameters.fromString("lat=49.6&lon=34.5&z=40&layers=ortho,unknown")).orElseThrow());
        assertEquals(List.of("ortho"), other.getVisibleLayerIds(), "named layers shown, the others hidden");
        assertEquals(19, other.getZoom(), "clamped to the maximum zoom");
        assertEquals(new GeoPoint(49.6, 34.5), other.getCenter());

        for (String bad : List.of("lat=abc&lon=34&z=3", "lat=49&lon=34", "lat=95&lon=34&z=3", "lat=49&lon=200&z=3",
                "lat=49&lon=34&z=-1", "")) {
            assertTrue(MapViewState.fromQueryParameters(com.vaadin.flow.router.QueryParameters.fromString(bad)).isEmpty(), bad);
        }
        assertEquals(List.of("a.b"), MapViewState.fromQueryParameters(com.vaadin.flow.router.QueryParameters
                .fromString("lat=49&lon=34&z=3&layers=a.b,%3Cscript%3E")).orElseThrow().visibleLayers(), "only valid ids");
    }

    @Test
    void editingSendsCheckedGeometriesOfTheEnabledKinds() throws Exception {
        PortalMap map = new PortalMap(SETTINGS);
        map.addLayer(VectorLayer.of("gis.zones", "Зони", OverlayStyle.of("#8e24aa"), GeometryKind.POLYGON),
                new LayerFeatures().add("3", SQUARE, null, null));
        assertThrows(IllegalStateException.class, () -> map.startDrawing(GeometryKind.POLYGON), "no editable layer yet");
        assertThrows(IllegalArgumentException.class, () -> map.enableEditing("nope", Set.of(GeometryKind.POLYGON)));
        map.enableEditing("gis.zones", Set.of(GeometryKind.POLYGON));
        assertEquals("gis.zones", map.getEditableLayerId().orElseThrow());
        assertEquals("POLYGON", json.readTree(map.optionsJson()).at("/editing/kinds/0").asText());
        assertThrows(IllegalArgumentException.class, () -> map.startDrawing(GeometryKind.LINE));

        List<GeometryEditEvent> events = new ArrayList<>();
        map.addGeometryEditListener(events::add);
        map.startDrawing(GeometryKind.POLYGON);
        map.edited("gis.zones", "", SQUARE);
        map.edited("gis.zones", "", LINE); // not a polygon: dropped
        map.edited("gis.zones", "", "{\"type\":\"Polygon\",\"coordinates\":[[[34.55,49.58],[34.56,49.58],[34.55,49.58]]]}");
        map.edited("gis.zones", "", "{\"type\":\"Polygon\",\"coordinates\":[[[34.55,49.58],[34.56,49.58],[34.56,49.59],[34.55,49.6]]]}");
        map.edited("gis.zones", "", "{\"type\":\"Point\",\"coordinates\":[200,49]}");
        map.edited("other.layer", "", SQUARE);
        map.edited("gis.zones", "99", SQUARE); // a feature the map never showed
        map.edited("gis.zones", "3", SQUARE);
        map.edited("gis.zones", "3", null);
        assertEquals(3, events.size());
        assertTrue(events.get(0).featureId().isEmpty(), "a new geometry");
        assertEquals(json.readTree(SQUARE), json.readTree(events.get(0).geometry().orElseThrow()));
        assertEquals("3", events.get(1).featureId().orElseThrow());
        assertTrue(events.get(2).isCancelled());
        assertTrue(events.get(2).geometry().isEmpty());

        map.disableEditing();
        map.edited("gis.zones", "3", SQUARE);
        assertEquals(3, events.size(), "nothing is accepted once editing is off");
    }

    @Test
    void anyKindAcceptsEveryGeometryAndMultiGeometries() {
        MapEditing editing = new MapEditing();
        editing.layerId = "x";
        editing.kinds = Set.of(GeometryKind.ANY);
        assertTrue(editing.check(LINE) != null);
        assertTrue(editing.check("{\"type\":\"MultiPoint\",\"coordinates\":[[34.5,49.5],[34.6,49.6]]}") != null);
        assertTrue(editing.check("{\"type\":\"MultiPolygon\",\"coordinates\":[" + SQUARE.substring(SQUARE.indexOf("[[[")).replace("}", "") + "]}") != null);
        assertNull(editing.check("{\"type\":\"GeometryCollection\",\"geometries\":[]}"), "not drawable");
        assertNull(editing.check("not json"));
    }

    @Test
    void stylesAndTileOverlaysRefuseWhatCouldBreakThePage() {
        assertThrows(IllegalArgumentException.class, () -> OverlayStyle.of("red;background:url(x)"));
        assertThrows(IllegalArgumentException.class, () -> OverlayStyle.of("#fff").withFill("#000", 1.2));
        assertThrows(IllegalArgumentException.class, () -> OverlayStyle.of("#fff").withValueColors("s", Map.of("a", "\"><script>")));
        assertThrows(IllegalArgumentException.class, () -> VectorLayer.of("bad id", "x", null, null));
        assertThrows(IllegalArgumentException.class, () -> TileOverlay.xyz("t", "t", "javascript:alert(1)/{z}/{x}/{y}", null));
        assertThrows(IllegalArgumentException.class, () -> TileOverlay.xyz("t", "t", "https://a.org/tiles.png", null), "needs {z} {x} {y}");
        assertThrows(IllegalArgumentException.class, () -> TileOverlay.wms("t", "t", "https://a.org/wms", " ", null, true, null, null));
        assertThrows(IllegalArgumentException.class, () -> TileOverlay.wms("t", "t", "https://a.org/wms", "a", null, true, "2.0", null));
        assertThrows(IllegalArgumentException.class, () -> TileOverlay.wmtsRest("t", "t", "https://a.org/{z}/{x}/{y}", null, null, null, null));
    }

    @Test
    void wmtsBecomesATileTemplate() {
        TileOverlay kvp = TileOverlay.wmtsKvp("w", "WMTS", "https://geo.example.org/wmts", "orto 2023", null, "EPSG:3857",
                "EPSG:3857:", "image/jpeg", "© ДЗК");
        assertEquals("https://geo.example.org/wmts?SERVICE=WMTS&REQUEST=GetTile&VERSION=1.0.0&LAYER=orto%202023&STYLE=default"
                + "&TILEMATRIXSET=EPSG:3857&FORMAT=image%2Fjpeg&TILEMATRIX=EPSG:3857:{z}&TILEROW={y}&TILECOL={x}", kvp.url());
        assertEquals(TileOverlay.Kind.WMTS, kvp.kind());
        TileOverlay rest = TileOverlay.wmtsRest("r", "REST", "https://geo.example.org/1.0.0/orto/{Style}/{TileMatrixSet}/{TileMatrix}/{TileRow}/{TileCol}.png",
                null, "GoogleMapsCompatible", null, null);
        assertEquals("https://geo.example.org/1.0.0/orto/default/GoogleMapsCompatible/{z}/{y}/{x}.png", rest.url());
        String withQuery = TileOverlay.wmtsKvp("w", "W", "https://geo.example.org/wmts?key=1", "l", null, "s", null, null, null).url();
        assertTrue(withQuery.startsWith("https://geo.example.org/wmts?key=1&SERVICE=WMTS&"), withQuery);
    }

    @Test
    void theLegendFollowsTheStyle() {
        VectorLayer layer = signage();
        List<VectorLayer.LegendItem> items = layer.legend("Інші");
        assertEquals(List.of("permitted", "expired", "none", "Інші"), items.stream().map(VectorLayer.LegendItem::label).toList());
        assertEquals("#fb8c00", items.get(1).color());
        assertEquals("#757575", items.get(3).color());
        assertEquals(MarkerShape.STAR, items.get(0).shape());
        VectorLayer plain = VectorLayer.of("zones", "Охоронні зони", OverlayStyle.of("#8e24aa").withStroke("#4a148c", 2), GeometryKind.POLYGON);
        assertEquals(List.of(new VectorLayer.LegendItem("Охоронні зони", "#8e24aa", "#4a148c", GeometryKind.POLYGON, MarkerShape.CIRCLE)),
                plain.legend("Інші"));

        String star = LayerLegend.svg(items.get(1));
        assertTrue(star.contains("fill=\"#fb8c00\"") && star.contains("<path"), star);
        String polygon = LayerLegend.svg(plain.legend(null).get(0));
        assertTrue(polygon.contains("<rect") && polygon.contains("stroke=\"#4a148c\""), polygon);
        LayerLegend legend = new LayerLegend(layer);
        assertEquals(4, legend.getChildren().count(), "three values and the others");
    }

    @Test
    void toolsAndTextsAreInTheOptions() throws Exception {
        PortalMap map = new PortalMap(SETTINGS);
        assertFalse(json.readTree(map.optionsJson()).get("measure").asBoolean(), "off unless a view asks");
        map.setMeasureToolVisible(true);
        JsonNode options = json.readTree(map.optionsJson());
        assertTrue(options.get("measure").asBoolean());
        for (String key : MapTexts.LABELS) {
            assertTrue(options.at("/labels").has(key), key);
        }
        for (String key : MapTexts.GEOMAN_TOOLTIPS) {
            assertTrue(options.at("/geoman/tooltips").has(key), key);
        }
        assertEquals(3, options.at("/geoman/actions").size());

        // every text in Ukrainian (the default bundle) and in English
        for (String bundle : List.of("i18n/portalui.properties", "i18n/portalui_en.properties")) {
            java.util.Properties texts = new java.util.Properties();
            try (var in = PortalMap.class.getClassLoader().getResourceAsStream(bundle)) {
                texts.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
            }
            List<String> keys = new ArrayList<>();
            MapTexts.LABELS.forEach(k -> keys.add("map." + k));
            MapTexts.GEOMAN_TOOLTIPS.forEach(k -> keys.add("map.geoman.tooltips." + k));
            MapTexts.GEOMAN_ACTIONS.forEach(k -> keys.add("map.geoman.actions." + k));
            keys.add("map.legend.other");
            for (String key : keys) {
                assertFalse(texts.getProperty(key, "").isBlank(), bundle + " " + key);
            }
        }
        java.util.Properties uk = new java.util.Properties();
        try (var in = PortalMap.class.getClassLoader().getResourceAsStream("i18n/portalui.properties")) {
            uk.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
        }
        assertEquals("Виміряти відстань", uk.getProperty("map.tool.measureDistance"));
        assertEquals("га", uk.getProperty("map.unit.ha"));
    }
}
