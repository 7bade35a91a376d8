package ua.hromada.gis.ui.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;

import com.vaadin.flow.router.QueryParameters;

import ua.hromada.gis.api.AttributeDefinition;
import ua.hromada.gis.api.AttributeType;
import ua.hromada.gis.api.FeatureQuery;
import ua.hromada.gis.api.GeometryType;
import ua.hromada.gis.api.GisViewer;
import ua.hromada.gis.api.Layer;
import ua.hromada.portal.api.map.BoundingBox;
import ua.hromada.portal.api.map.GeoPoint;
import ua.hromada.portal.ui.map.MapViewState;

/** The permalink, the print options, the attribute filter, the scale bar and a geometry's centre. */
class ViewerFormatsTest {

    private static final Layer SIGNS = new Layer(7, "signs", null, "Вивіски", GeometryType.POINT,
            List.of(AttributeDefinition.text("owner", "Власник", true, false),
                    new AttributeDefinition("term", "Термін дозволу", AttributeType.DATE, false, false, null, List.of()),
                    AttributeDefinition.choice("status", "Статус", true, "дозвіл є", "без дозволу")),
            null, null, null, null, null, 0, null, null);

    private static QueryParameters query(String location) {
        return QueryParameters.fromString(location.substring(location.indexOf('?') + 1));
    }

    @Test
    void aPermalinkRestoresCentreZoomAndTheLayersTheReaderHas() {
        MapViewState view = new MapViewState(new GeoPoint(49.5883, 34.5514), 15, List.of("gis.signs", "ext.dzk", "mod.oks.violations"));
        String location = ViewerPermalink.location(view);
        assertTrue(location.startsWith("gis/map?"), location);
        MapViewState back = ViewerPermalink.parse(query(location), Set.of("gis.signs", "mod.oks.violations", "gis.zones"))
                .orElseThrow();
        assertEquals(view.center(), back.center());
        assertEquals(15, back.zoom());
        assertEquals(List.of("gis.signs", "mod.oks.violations"), back.visibleLayers(), "a layer the reader lacks is dropped");
        assertEquals(Optional.empty(), ViewerPermalink.parse(QueryParameters.fromString("lat=abc&lon=34&z=3"), Set.of()));
        assertEquals(Optional.empty(), ViewerPermalink.parse(QueryParameters.fromString(""), Set.of()));
        assertEquals(List.of(), ViewerPermalink.parse(QueryParameters.fromString("lat=49&lon=34&z=12"), Set.of("gis.signs"))
                .orElseThrow().visibleLayers(), "no layers named: none shown");
    }

    @Test
    void thePrintPageKeepsTheViewThePaperAndTheTitle() {
        MapViewState view = new MapViewState(new GeoPoint(49.5883, 34.5514), 14, List.of("gis.signs"));
        PrintOptions a3 = new PrintOptions(PrintOptions.Paper.A3, false, "  Реклама в центрі  ");
        String location = a3.location(view);
        assertTrue(location.startsWith("gis/map/print?"), location);
        PrintOptions back = PrintOptions.from(query(location));
        assertEquals(a3, back);
        assertEquals("Реклама в центрі", back.title());
        assertEquals(view, ViewerPermalink.parse(query(location), Set.of("gis.signs")).orElseThrow());
        assertEquals("A3 portrait", back.cssPageSize());
        assertEquals(277, back.mapWidthMm());
        assertEquals(420 - 20 - PrintOptions.FURNITURE_MM, back.mapHeightMm());

        PrintOptions fallback = PrintOptions.from(QueryParameters.fromString("paper=B5&orientation=sideways"));
        assertEquals(PrintOptions.Paper.A4, fallback.paper());
        assertTrue(fallback.landscape());
        assertEquals("A4 landscape", fallback.cssPageSize());
        assertEquals(297 - 20, fallback.mapWidthMm());
        assertEquals("", fallback.title());
        assertEquals(PrintOptions.MAX_TITLE, new PrintOptions(null, true, "д".repeat(500)).title().length());
        assertFalse(fallback.location(view).contains("title="), "no title: none in the address");
    }

    @Test
    void aFilterNeedsAnAttributeOfTheLayerAndAValue() {
        AttributeDefinition status = SIGNS.attribute("status").orElseThrow();
        LayerFilter filter = LayerFilter.of(SIGNS, status, " дозвіл є ").orElseThrow();
        assertEquals("Статус = дозвіл є", filter.describe(SIGNS));
        BoundingBox window = new BoundingBox(49.5, 34.4, 49.7, 34.7);
        FeatureQuery q = filter.query(7, window);
        assertEquals(Map.of("status", "дозвіл є"), q.attributes());
        assertEquals(window, q.bbox());
        assertEquals(GisViewer.MAX_FEATURES, q.limit());
        assertEquals(0, q.offset());

        assertEquals("31.05.2024", LayerFilter.of(SIGNS, SIGNS.attribute("term").orElseThrow(), LocalDate.of(2024, 5, 31))
                .orElseThrow().value(), "a date as the service reads it");
        assertEquals("3", LayerFilter.of(SIGNS, status, new BigDecimal("3.00")).orElseThrow().value());
        assertTrue(LayerFilter.of(SIGNS, status, "   ").isEmpty());
        assertTrue(LayerFilter.of(SIGNS, null, "x").isEmpty());
        assertTrue(LayerFilter.of(SIGNS, AttributeDefinition.text("other", "Інше", false, false), "x").isEmpty(),
                "not the layer's attribute");
        assertThrows(IllegalArgumentException.class, () -> new LayerFilter("status", " "));
    }

    @Test
    void theScaleBarIsTheLongestRoundDistanceThatFits() {
        assertEquals(156_543.03, ScaleBar.metresPerPixel(0, 0), 0.01);
        // Poltava (49.59° N) at zoom 15: 3.09 m a pixel, 150 px ≈ 464 m → 200 m
        ScaleBar street = ScaleBar.of(49.59, 15, 150);
        assertEquals(200, street.metres());
        assertEquals(200 / ScaleBar.metresPerPixel(49.59, 15), street.pixels(), 1e-9);
        assertEquals("200 м", street.label("м", "км"));
        ScaleBar city = ScaleBar.of(49.59, 10, 150); // 98.9 m a pixel → 14.8 km → 10 km
        assertEquals(10_000, city.metres());
        assertEquals("10 км", city.label("м", "км"));
        assertEquals(5_000, ScaleBar.of(0, 12, 150).metres(), "38.2 m a pixel: 150 px = 5 733 m → 5 km");
    }

    @Test
    void theScaleRatioHasTwoSignificantDigits() {
        // 3.0935 m a pixel of 0.26458 mm: 1 : 11 692 → 1 : 12 000
        assertEquals("1 : 12\u00a0000", ScaleBar.ratio(49.59, 15));
        assertEquals("1 : 370\u00a0000", ScaleBar.ratio(49.59, 10));
    }

    @Test
    void theCentreOfAGeometryIsTheMiddleOfItsBox() {
        assertEquals(new GeoPoint(49.59, 34.55), GeometryCentre.of("{\"type\":\"Point\",\"coordinates\":[34.55,49.59]}").orElseThrow());
        GeoPoint square = GeometryCentre.of("{\"type\":\"Polygon\",\"coordinates\":[[[34.5,49.5],[34.6,49.5],[34.6,49.7],"
                + "[34.5,49.7],[34.5,49.5]]]}").orElseThrow();
        assertEquals(49.6, square.lat(), 1e-9);
        assertEquals(34.55, square.lon(), 1e-9);
        assertEquals(new GeoPoint(49.0, 34.0), GeometryCentre.of("{\"type\":\"LineString\",\"coordinates\":[[33.5, 48.5, 120.0],"
                + " [34.5, 49.5, 1.5e2]]}").orElseThrow());
        assertEquals(Optional.empty(), GeometryCentre.of("{\"type\":\"Point\",\"coordinates\":[34.55,95]}"));
        assertEquals(Optional.empty(), GeometryCentre.of("not json"));
        assertEquals(Optional.empty(), GeometryCentre.of(null));
    }
}
