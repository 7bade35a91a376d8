package ua.hromada.gis.ui.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.Location;
import com.vaadin.flow.router.QueryParameters;

import ua.hromada.gis.api.FeatureInput;
import ua.hromada.gis.api.FeatureQuery;
import ua.hromada.gis.api.GisException;
import ua.hromada.gis.api.GisFeature;
import ua.hromada.gis.api.Layer;
import ua.hromada.gis.api.Visibility;
import ua.hromada.gis.exchange.ExportFormat;
import ua.hromada.gis.exchange.GisExchange;
import ua.hromada.gis.exchange.internal.ExchangeConfig;
import ua.hromada.gis.exchange.internal.GisExchangeService;
import ua.hromada.gis.service.GisModuleLayersImpl;
import ua.hromada.gis.service.GisTestSetup;
import ua.hromada.portal.testing.ShippedConfig;
import ua.hromada.portal.api.map.GeoPoint;
import ua.hromada.portal.api.map.MapSettings;
import ua.hromada.portal.ui.map.LayerFeatureClickEvent;
import ua.hromada.portal.ui.map.PortalMap;

/**
 * The public map on the real services, read as the public: only public layers, no filter, identify
 * without a form, a GeoJSON and a CSV link per layer, and the empty state while no layer is public.
 */
class PublicMapViewTest {
    private final GisTestSetup gis = new GisTestSetup();
    private final GisExchange exchange = new GisExchangeService(ShippedConfig.as(ExchangeConfig.class, Map.of()));
    private final MapSettings settings = new TestMapSettings();
    // held here: Vaadin keeps the current UI weakly (see ViewerViewsTest)
    private final UI ui = new UI();

    PublicMapViewTest() {
        UI.setCurrent(ui);
    }

    @AfterEach
    void close() {
        UI.setCurrent(null);
        gis.close();
    }

    private PublicMapView view() {
        return new PublicMapView(new ViewerCatalog.Services(gis.layers(), gis.features(), gis.viewerService(),
                new GisModuleLayersImpl(), gis.externalLayers()), settings, exchange);
    }

    private static Stream<Component> all(Component c) {
        return Stream.concat(Stream.of(c), c.getChildren().flatMap(PublicMapViewTest::all));
    }

    private static Optional<Component> find(Component root, String id) {
        return all(root).filter(c -> c.getId().filter(id::equals).isPresent()).findFirst();
    }

    private Layer makePublic(String key) {
        Layer l = gis.layer(key);
        return gis.layers().saveLayer(gis.admin, new Layer(l.id(), l.key(), l.groupId(), l.title(), l.geometryType(),
                l.attributes(), l.style(), l.ownerUnit(), Visibility.PUBLIC, l.metadata(), l.linkedLayerId(),
                l.version(), l.createdAt(), l.updatedAt()));
    }

    private GisFeature sign(String owner) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("owner", owner);
        values.put("address", "вул. Соборності, 12");
        values.put("status", gis.layer("signage").attribute("status").orElseThrow().choices().get(0));
        return gis.features().create(gis.admin, gis.layer("signage").id(), new FeatureInput(AttributeValues.point(34.55, 49.59), values));
    }

    @Test
    void whileNoLayerIsPublicThePageSaysSoAndHasNoMap() {
        PublicMapView view = view();
        assertTrue(find(view, "gis-public-empty").isPresent());
        assertFalse(find(view, "gis-viewer-map").isPresent());
    }

    @Test
    void onlyPublicLayersWithoutFiltersAndWithTheirDownloads() {
        Layer signage = makePublic("signage");
        PublicMapView view = view();
        PortalMap map = (PortalMap) find(view, "gis-viewer-map").orElseThrow();
        assertTrue(map.getLayer(ViewerLayers.id(signage)).isPresent());
        assertFalse(map.getLayer(ViewerLayers.id(gis.layer("heritage"))).isPresent(), "an employees' layer stays out");
        String dom = LayerTree.domId(ViewerLayers.id(signage));
        assertTrue(find(view, "gis-viewer-toggle-" + dom).isPresent());
        assertFalse(find(view, "gis-viewer-filter-" + dom).isPresent(), "no filter on the public map");
        List<String> formats = all(view).filter(Anchor.class::isInstance)
                .map(a -> a.getElement().getAttribute("data-format")).toList();
        assertEquals(List.of("geojson", "csv"), formats);
        assertTrue(all(view).filter(Anchor.class::isInstance).allMatch(a -> a.getElement().getAttribute("aria-label")
                .contains("gis.ui.public.download")), "each link is named for a screen reader (keys in tests)");
    }

    /** The public home page's layer hit, {@code karta?layers=gis.<key>}: that layer on, the others off. */
    @Test
    void anAddressNamingALayerShowsThatLayerOnly() {
        Layer signage = makePublic("signage");
        Layer heritage = makePublic("heritage");
        PublicMapView view = view();
        PortalMap map = (PortalMap) find(view, "gis-viewer-map").orElseThrow();
        assertTrue(visible(map, heritage) && visible(map, signage), "every layer on by default");
        view.show(address(PublicMapView.layerRoute(signage)));
        assertEquals("karta?layers=gis.signage", PublicMapView.layerRoute(signage));
        assertTrue(visible(map, signage));
        assertFalse(visible(map, heritage));
        assertEquals(Boolean.FALSE, ((com.vaadin.flow.component.checkbox.Checkbox) find(view,
                "gis-viewer-toggle-" + LayerTree.domId(ViewerLayers.id(heritage))).orElseThrow()).getValue(),
                "the tree says so");
        // a layer the public map does not have changes nothing
        view.show(address("karta?layers=gis.no-such-layer"));
        assertTrue(visible(map, signage));
        assertFalse(visible(map, heritage));
    }

    private static boolean visible(PortalMap map, Layer layer) {
        return map.getLayer(ViewerLayers.id(layer)).orElseThrow().visible();
    }

    private static QueryParameters address(String location) {
        return new Location(location).getQueryParameters();
    }

    @Test
    void identifyShowsTheValuesWithoutAFormAndNothingOfAnEmployeesLayer() {
        makePublic("signage");
        GisFeature f = sign("ТОВ «Світло»");
        PublicMapView view = view();
        PortalMap map = (PortalMap) find(view, "gis-viewer-map").orElseThrow();
        ComponentUtil.fireEvent(map, new LayerFeatureClickEvent(map, "gis.signage", Long.toString(f.id()), new GeoPoint(49.59, 34.55)));
        IdentifyPanel panel = (IdentifyPanel) find(view, "gis-viewer-identify").orElseThrow();
        assertTrue(panel.isVisible());
        assertTrue(all(panel).anyMatch(c -> "ТОВ «Світло»".equals(c.getElement().getTextRecursively())));
        assertFalse(find(panel, "gis-viewer-identify-open").isPresent(), "no form for the public");

        // a forged click on a layer the page does not have is ignored
        ComponentUtil.fireEvent(map, new LayerFeatureClickEvent(map, "gis.heritage", "1", new GeoPoint(49.59, 34.55)));
        assertEquals(Long.toString(f.id()), panel.getElement().getAttribute("data-feature"));
    }

    @Test
    void theSearchFindsObjectsOfPublicLayersOnlyAndAHitIsIdentifiedWithoutAForm() {
        makePublic("signage");
        GisFeature f = sign("ТОВ «Світло»");
        Layer heritage = gis.layer("heritage");
        Map<String, Object> monument = new LinkedHashMap<>();
        monument.put("name", "Світло пам’яті");
        gis.features().create(gis.admin, heritage.id(), new FeatureInput(AttributeValues.point(34.56, 49.58), monument));
        PublicMapView view = view();
        ((TextField) find(view, "gis-viewer-search").orElseThrow()).setValue("Світло");
        ((Button) find(view, "gis-viewer-find").orElseThrow()).click();
        List<Button> hits = all(find(view, "gis-viewer-results").orElseThrow()).filter(Button.class::isInstance)
                .map(Button.class::cast).toList();
        assertEquals(1, hits.size(), "the employees' layer's object is not found by the public");
        assertEquals(Long.toString(f.id()), hits.get(0).getElement().getAttribute("data-feature"));
        hits.get(0).click();
        IdentifyPanel panel = (IdentifyPanel) find(view, "gis-viewer-identify").orElseThrow();
        assertTrue(panel.isVisible());
        assertFalse(find(panel, "gis-viewer-identify-open").isPresent());
        assertEquals(ViewerLayout.FOUND_ZOOM, ((PortalMap) find(view, "gis-viewer-map").orElseThrow()).getZoom());
    }

    @Test
    void theDownloadIsTheLayersObjectsAsThePublicReadsThem() throws Exception {
        Layer signage = makePublic("signage");
        sign("ТОВ «Світло»");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        exchange.write(ExportFormat.CSV, FeatureExport.of(gis.features(), null, signage, FeatureQuery.all(signage.id())), out);
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("ТОВ «Світло»"), out.toString(StandardCharsets.UTF_8));
        Layer heritage = gis.layer("heritage");
        ByteArrayOutputStream none = new ByteArrayOutputStream();
        assertThrows(GisException.class, () -> exchange.write(ExportFormat.CSV,
                FeatureExport.of(gis.features(), null, heritage, FeatureQuery.all(heritage.id())), none),
                "an employees' layer is not found for the public");
    }
}
