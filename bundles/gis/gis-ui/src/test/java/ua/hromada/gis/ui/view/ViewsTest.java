package ua.hromada.gis.ui.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;

import ua.hromada.gis.api.Layer;
import ua.hromada.gis.api.LayerGroup;
import ua.hromada.gis.exchange.GisExchange;
import ua.hromada.gis.exchange.internal.ExchangeConfig;
import ua.hromada.gis.exchange.internal.GisExchangeService;
import ua.hromada.gis.service.GisTestSetup;
import ua.hromada.portal.jobs.JobPools;
import ua.hromada.portal.testing.ShippedConfig;

/** The three pages built on the real services for each kind of user. */
class ViewsTest {
    private final GisTestSetup gis = new GisTestSetup();
    private final GisExchange exchange = new GisExchangeService(ShippedConfig.as(ExchangeConfig.class, Map.of()));
    private final JobPools pools = new JobPools(Map.of());
    private final ZoneId kyiv = ZoneId.of("Europe/Kyiv");

    // Vaadin holds the current UI weakly: without this field a garbage collection during a test
    // leaves UI.getCurrent() null (seen as an NPE in FeaturesView's export links)
    private final UI ui = new UI();

    ViewsTest() {
        UI.setCurrent(ui);
    }

    @AfterEach
    void close() {
        UI.setCurrent(null);
        pools.close();
        gis.close();
    }

    private static Stream<Component> all(Component c) {
        return Stream.concat(Stream.of(c), c.getChildren().flatMap(ViewsTest::all));
    }

    private static boolean has(Component root, String id) {
        return all(root).anyMatch(c -> c.getId().filter(id::equals).isPresent());
    }

    @SuppressWarnings("unchecked")
    private static <T extends Component> T find(Component root, String id) {
        return (T) all(root).filter(c -> c.getId().filter(id::equals).isPresent()).findFirst().orElseThrow();
    }

    @Test
    void theRegistryListsTheGroupsInOrderAndOnlyForTheAdministrator() {
        LayerRegistryView view = new LayerRegistryView(gis.layers(), null, gis.admin);
        Grid<LayerGroup> groups = find(view, "gis-groups");
        assertEquals(List.of("heritage", "advertising"), groups.getListDataView().getItems().map(LayerGroup::key).toList());
        Grid<Layer> layers = find(view, "gis-layer-grid");
        assertEquals(3, layers.getListDataView().getItemCount());
        assertTrue(has(new LayerRegistryView(gis.layers(), null, gis.editor), "gis-no-access"));
    }

    @Test
    void theObjectsPageBuildsItsColumnsFromTheSchemaAndOffersCreationOnlyToEditorsOfPointLayers() {
        FeaturesView view = new FeaturesView(gis.layers(), gis.features(), gis.attachments(), exchange, gis.editor, kyiv);
        ComboBox<Layer> layer = find(view, "gis-objects-layer");
        layer.setValue(gis.layer("heritage"));
        Grid<?> grid = find(view, "gis-objects-grid");
        assertEquals(gis.layer("heritage").attributes().size() + 3, grid.getColumns().size(), "№, attributes, changed, actions");
        assertTrue(find(view, "gis-objects-create").isVisible());
        assertTrue(has(view, "gis-export-xlsx"));
        layer.setValue(gis.layer("heritage-zones"));
        assertFalse(find(view, "gis-objects-create").isVisible(), "polygons are not entered as coordinates");
        assertTrue(find(view, "gis-objects-draw").isVisible(), "they are drawn on the viewer's map");

        FeaturesView asViewer = new FeaturesView(gis.layers(), gis.features(), gis.attachments(), exchange, gis.viewer, kyiv);
        ((ComboBox<Layer>) find(asViewer, "gis-objects-layer")).setValue(gis.layer("heritage"));
        assertFalse(find(asViewer, "gis-objects-create").isVisible(), "a viewer does not create");
        assertFalse(find(asViewer, "gis-objects-draw").isVisible(), "nor draw");
        assertTrue(has(new FeaturesView(gis.layers(), gis.features(), gis.attachments(), exchange, gis.stranger, kyiv), "gis-no-access"));
    }

    @Test
    void theImportOffersOnlyTheLayersTheUserMayEdit() {
        ImportView view = new ImportView(gis.layers(), gis.features(), exchange, pools.forModule("gis"), gis.editor);
        ComboBox<Layer> layer = find(view, "gis-import-layer");
        List<Layer> offered = layer.getListDataView().getItems().toList();
        assertFalse(offered.isEmpty());
        assertTrue(offered.stream().allMatch(l -> gis.layers().canEdit(gis.editor, l)));
        assertEquals(gis.layers().layers(gis.editor).stream().filter(l -> gis.layers().canEdit(gis.editor, l)).count(),
                offered.size());
        assertTrue(has(new ImportView(gis.layers(), gis.features(), exchange, pools.forModule("gis"), gis.viewer),
                "gis-no-access"));
    }
}
