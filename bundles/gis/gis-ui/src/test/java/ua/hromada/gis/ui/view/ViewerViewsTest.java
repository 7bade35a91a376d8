package ua.hromada.gis.ui.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.DescriptionList;
import com.vaadin.flow.component.textfield.TextField;

import ua.hromada.gis.api.FeatureInput;
import ua.hromada.gis.api.GisFeature;
import ua.hromada.gis.api.Layer;
import ua.hromada.portal.api.map.BoundingBox;
import ua.hromada.portal.api.map.GeoPoint;
import ua.hromada.portal.ui.map.LayerFeatureClickEvent;
import ua.hromada.portal.ui.map.PortalMap;

/**
 * The viewer on the real services: the tree of the registry, identify with the schema's labels and
 * the edit button for editors only, search by attribute and by address, the empty state.
 * (Texts are keys here: the tests run without the portal's translations.)
 */
class ViewerViewsTest extends ViewerTest {
    private GisFeature sign(String owner, String address, String status, double lon, double lat) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("owner", owner);
        values.put("address", address);
        values.put("status", status);
        Layer signage = gis.layer("signage");
        return gis.features().create(gis.admin, signage.id(), new FeatureInput(AttributeValues.point(lon, lat), values));
    }

    private String status(int i) {
        return gis.layer("signage").attribute("status").orElseThrow().choices().get(i);
    }

    @Test
    void theTreeHasEveryLayerOfTheRegistryWithItsToggleLegendAndFilter() {
        MapViewerView view = new MapViewerView(services(), settings, gis.viewer);
        PortalMap map = (PortalMap) find(view, "gis-viewer-map").orElseThrow();
        for (Layer layer : gis.layers().layers(gis.viewer)) {
            String id = LayerTree.domId(ViewerLayers.id(layer));
            Checkbox toggle = (Checkbox) find(view, "gis-viewer-toggle-" + id).orElseThrow();
            assertTrue(toggle.getValue(), "registry layers start shown: " + layer.key());
            assertTrue(find(view, "gis-viewer-filter-" + id).isPresent());
            assertTrue(map.getLayer(ViewerLayers.id(layer)).orElseThrow().visible());
        }
        assertFalse(find(view, "gis-viewer-empty").isPresent());
        long legends = all(view).filter(c -> c instanceof ua.hromada.portal.ui.map.LayerLegend).count();
        assertEquals(gis.layers().layers(gis.viewer).size(), legends);

        assertTrue(find(new MapViewerView(services(), settings, gis.stranger), "gis-no-access").isPresent());
    }

    @Test
    void identifyShowsTheAttributesWithTheSchemasLabelsAndTheEditButtonOnlyToEditors() {
        GisFeature f = sign("ТОВ «Світло»", "вул. Соборності, 12", status(0), 34.55, 49.59);
        MapViewerView asAdmin = new MapViewerView(services(), settings, gis.admin);
        PortalMap map = (PortalMap) find(asAdmin, "gis-viewer-map").orElseThrow();
        // the map answers its source for a window, so the feature is one the map was sent
        ComponentUtil.fireEvent(map, new LayerFeatureClickEvent(map, "gis.signage", Long.toString(f.id()), new GeoPoint(49.59, 34.55)));
        IdentifyPanel panel = (IdentifyPanel) find(asAdmin, "gis-viewer-identify").orElseThrow();
        assertTrue(panel.isVisible());
        DescriptionList values = (DescriptionList) find(panel, "gis-viewer-identify-values").orElseThrow();
        List<String> texts = all(values).map(c -> c.getElement().getText()).filter(t -> !t.isBlank()).toList();
        assertTrue(texts.contains("Власник") && texts.contains("Адреса") && texts.contains("Статус"), texts.toString());
        assertTrue(all(values).anyMatch(c -> "ТОВ «Світло»".equals(c.getElement().getTextRecursively())));
        assertTrue(((Button) find(panel, "gis-viewer-identify-open").orElseThrow()).getText().contains("gis.ui.viewer.edit"));

        MapViewerView asViewer = new MapViewerView(services(), settings, gis.viewer);
        PortalMap viewerMap = (PortalMap) find(asViewer, "gis-viewer-map").orElseThrow();
        ComponentUtil.fireEvent(viewerMap, new LayerFeatureClickEvent(viewerMap, "gis.signage", Long.toString(f.id()),
                new GeoPoint(49.59, 34.55)));
        assertTrue(((Button) find(asViewer, "gis-viewer-identify-open").orElseThrow()).getText().contains("gis.ui.viewer.open"),
                "a viewer reads the card");

        ComponentUtil.fireEvent(viewerMap, new LayerFeatureClickEvent(viewerMap, "gis.signage", "999999", new GeoPoint(49.59, 34.55)));
        assertTrue(find(asViewer, "gis-viewer-identify-message").isPresent(), "a gone object is said so");
    }

    @Test
    void searchFindsByAttributeTextAndByAddressOnlyInTheAddress() {
        sign("Соборна реклама", "вул. Небесної Сотні, 3", status(0), 34.55, 49.59);
        sign("ФОП Петренко", "вул. Соборності, 12", status(1), 34.56, 49.58);
        List<Layer> layers = gis.layers().layers(gis.viewer);
        List<String> byText = ViewerSearch.search(gis.features(), gis.viewer, layers, "собор", false).stream()
                .map(h -> String.valueOf(h.feature().attributes().get("owner"))).sorted().toList();
        assertEquals(List.of("Соборна реклама", "ФОП Петренко"), byText);
        List<String> byAddress = ViewerSearch.search(gis.features(), gis.viewer, layers, "Соборності", true).stream()
                .map(h -> String.valueOf(h.feature().attributes().get("owner"))).toList();
        assertEquals(List.of("ФОП Петренко"), byAddress);
        assertTrue(ViewerSearch.search(gis.features(), gis.viewer, layers, "  ", false).isEmpty());
        assertEquals("address", ViewerSearch.addressAttribute(gis.layer("heritage")).orElseThrow().name());
        assertTrue(ViewerSearch.addressAttribute(gis.layer("heritage-zones")).isEmpty());

        MapViewerView view = new MapViewerView(services(), settings, gis.viewer);
        TextField field = (TextField) find(view, "gis-viewer-search").orElseThrow();
        field.setValue("Петренко");
        ((Button) find(view, "gis-viewer-find").orElseThrow()).click();
        List<Button> hits = all(find(view, "gis-viewer-results").orElseThrow()).filter(Button.class::isInstance)
                .map(Button.class::cast).toList();
        assertEquals(1, hits.size());
        hits.get(0).click();
        assertTrue(find(view, "gis-viewer-identify").orElseThrow().isVisible(), "a hit is identified");
        PortalMap map = (PortalMap) find(view, "gis-viewer-map").orElseThrow();
        assertEquals(new GeoPoint(49.58, 34.56), map.getCenter());
        assertEquals(ViewerLayout.FOUND_ZOOM, map.getZoom());
    }

    @Test
    void theFilteredLayerDrawsOnlyWhatPasses() {
        sign("А", "вул. Перша, 1", status(0), 34.55, 49.59);
        sign("Б", "вул. Друга, 2", status(1), 34.56, 49.58);
        Layer signage = gis.layer("signage");
        ViewerCatalog catalog = new ViewerCatalog(services(), gis.viewer, java.util.Locale.ROOT, k -> k);
        PortalMap map = new PortalMap(settings);
        Map<String, LayerFilter> filters = new LinkedHashMap<>();
        catalog.addTo(map, filters::get);
        BoundingBox city = new BoundingBox(49.5, 34.4, 49.7, 34.7);
        assertEquals(2, sizeOf(map, "gis.signage", city));
        filters.put("signage", new LayerFilter("status", status(1)));
        assertEquals(1, sizeOf(map, "gis.signage", city));
        assertEquals(1, gis.features().query(gis.viewer, filters.get("signage").query(signage.id(), city)).items().size());
    }

    /** What the map's source answers for a window, as the browser would ask. */
    private static int sizeOf(PortalMap map, String layerId, BoundingBox box) {
        try {
            var m = PortalMap.class.getDeclaredMethod("layerFeaturesFor", String.class, double.class, double.class,
                    double.class, double.class, int.class);
            m.setAccessible(true);
            String json = (String) m.invoke(map, layerId, box.south(), box.west(), box.north(), box.east(), 14);
            return json.split("\"type\":\"Feature\"", -1).length - 1;
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void withoutLayersTheViewerSaysSo() {
        for (String key : List.of("heritage", "heritage-zones", "signage")) {
            Layer layer = gis.layer(key);
            gis.layers().deleteLayer(gis.admin, layer.id(), layer.version());
        }
        MapViewerView view = new MapViewerView(services(), settings, gis.viewer);
        assertTrue(find(view, "gis-viewer-empty").isPresent());
        assertFalse(find(view, "gis-viewer-tree").isPresent());
    }
}
