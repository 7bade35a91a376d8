package ua.hromada.gis.ui.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextField;

import ua.hromada.gis.api.ExternalLayer;
import ua.hromada.gis.api.ExternalLayerKind;
import ua.hromada.gis.api.LayerGroup;
import ua.hromada.gis.api.ServiceCapabilities.Entry;
import ua.hromada.gis.api.Visibility;
import ua.hromada.gis.service.GisTestSetup;

/**
 * The external layers page on the real services: a WMS and a WMTS layer added from the capabilities
 * a local server answers (gis-service's test documents; nothing outside is asked), a capabilities
 * failure at the address, the registry's errors at their fields, an edit and a delete. Texts are
 * keys here: the tests run without the portal's translations.
 */
class ExternalLayersViewTest {
    private final GisTestSetup gis = new GisTestSetup();
    private final UI ui = new UI();
    private final HttpServer server;
    private final Map<String, String> queries = new ConcurrentHashMap<>();

    ExternalLayersViewTest() throws IOException {
        UI.setCurrent(ui);
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        serve("/wms", "wms-1.3.0.xml");
        serve("/wmts", "wmts-1.0.0.xml");
        server.createContext("/page", x -> answer(x, "text/html", "<!doctype html><title>Геопортал</title>".getBytes()));
        server.start();
    }

    @AfterEach
    void close() {
        server.stop(0);
        UI.setCurrent(null);
        gis.close();
    }

    private void serve(String path, String document) {
        server.createContext(path, x -> {
            queries.put(path, String.valueOf(x.getRequestURI().getRawQuery()));
            try (InputStream in = ExternalLayersViewTest.class.getResourceAsStream("/capabilities/" + document)) {
                answer(x, "text/xml", in.readAllBytes());
            }
        });
    }

    private static void answer(HttpExchange x, String type, byte[] body) throws IOException {
        x.getResponseHeaders().set("Content-Type", type);
        x.sendResponseHeaders(200, body.length);
        x.getResponseBody().write(body);
        x.close();
    }

    private String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    private static Stream<Component> all(Component c) {
        return Stream.concat(Stream.of(c), c.getChildren().flatMap(ExternalLayersViewTest::all));
    }

    @SuppressWarnings("unchecked")
    private static <T extends Component> T find(Component root, String id) {
        return (T) all(root).filter(c -> c.getId().filter(id::equals).isPresent()).findFirst()
                .orElseThrow(() -> new AssertionError("no component " + id));
    }

    private ExternalLayerForm form(ExternalLayer layer, AtomicReference<ExternalLayer> saved) {
        return new ExternalLayerForm(gis.externalLayers(), gis.admin, layer, gis.layers().groups(gis.admin), saved::set);
    }

    @SuppressWarnings("unchecked")
    private static Grid<Entry> capabilities(ExternalLayerForm form) {
        return (Grid<Entry>) find(form, "external-capabilities");
    }

    @Test
    void aWmsLayerIsPickedFromTheServicesCapabilitiesAndSavedPublicAndProxied() {
        AtomicReference<ExternalLayer> saved = new AtomicReference<>();
        ExternalLayerForm form = form(null, saved);
        assertEquals(ExternalLayerKind.WMS, ((RadioButtonGroup<?>) find(form, "external-kind")).getValue(), "WMS first");
        assertFalse(find(form, "external-capabilities-panel").isVisible(), "no list before reading");
        ((TextField) find(form, "external-url")).setValue(url("/wms"));
        ((Button) find(form, "external-read-capabilities")).click();

        assertEquals("SERVICE=WMS&REQUEST=GetCapabilities&VERSION=1.3.0", queries.get("/wms"));
        assertTrue(find(form, "external-capabilities-panel").isVisible());
        Grid<Entry> list = capabilities(form);
        assertEquals(List.of("kadastr:parcels", "kadastr:ownership"), list.getListDataView().getItems().map(Entry::name).toList());
        assertTrue(list.getSelectionModel() instanceof com.vaadin.flow.component.grid.GridMultiSelectionModel,
                "WMS: one or more layers");
        assertTrue(((Paragraph) find(form, "external-capabilities-service")).getText().contains("gis.ui.external.capService"));

        // picked in another order than listed: the names keep the document's order
        List<Entry> offered = list.getListDataView().getItems().toList();
        list.select(offered.get(1));
        list.select(offered.get(0));
        TextField names = find(form, "external-layerNames");
        assertEquals("kadastr:parcels, kadastr:ownership", names.getValue());
        assertEquals("Земельні ділянки", ((TextField) find(form, "external-title")).getValue(),
                "the title of the first in the document's order");
        list.deselect(offered.get(1));
        assertEquals("kadastr:parcels", names.getValue());
        assertEquals(List.of("default", "by-purpose"),
                ((ComboBox<String>) find(form, "external-style")).getListDataView().getItems().toList(), "the layer's styles offered");

        ((TextField) find(form, "external-key")).setValue("cadastre");
        ((TextField) find(form, "external-attribution")).setValue("© Держгеокадастр");
        ((RadioButtonGroup<Visibility>) find(form, "external-visibility")).setValue(Visibility.PUBLIC);
        ((RadioButtonGroup<Boolean>) find(form, "external-proxied")).setValue(true);
        LayerGroup heritage = gis.layers().groups(gis.admin).stream().filter(g -> g.key().equals("heritage")).findFirst().orElseThrow();
        ((ComboBox<LayerGroup>) find(form, "external-groupId")).setValue(heritage);
        form.save();

        assertNotNull(saved.get(), "saved");
        ExternalLayer cadastre = gis.externalLayers().findByKey(null, "cadastre").orElseThrow();
        assertEquals(ExternalLayerKind.WMS, cadastre.kind());
        assertEquals(url("/wms"), cadastre.url());
        assertEquals(List.of("kadastr:parcels"), cadastre.layerNames());
        assertEquals("image/png", cadastre.format());
        assertEquals("Земельні ділянки", cadastre.title());
        assertEquals(heritage.id(), cadastre.groupId());
        assertTrue(cadastre.isPublic());
        assertTrue(cadastre.proxied());
        assertEquals(1.0, cadastre.opacity());

        ExternalLayersView view = new ExternalLayersView(gis.externalLayers(), gis.layers(), gis.admin);
        Grid<ExternalLayer> grid = find(view, "external-grid");
        assertEquals(List.of("cadastre"), grid.getListDataView().getItems().map(ExternalLayer::key).toList());
        assertTrue(grid.getColumns().get(grid.getColumns().size() - 1).isFrozenToEnd(), "the actions stay in reach");
    }

    @Test
    void aWmtsLayerTakesItsTileMatrixSetAndFormatFromTheChosenLayer() {
        AtomicReference<ExternalLayer> saved = new AtomicReference<>();
        ExternalLayerForm form = form(null, saved);
        ComboBox<String> sets = find(form, "external-tileMatrixSet");
        assertFalse(sets.isVisible(), "WMS has no tile matrix sets");
        ((RadioButtonGroup<ExternalLayerKind>) find(form, "external-kind")).setValue(ExternalLayerKind.WMTS);
        assertTrue(sets.isVisible());
        ((TextField) find(form, "external-url")).setValue(url("/wmts"));
        ((Button) find(form, "external-read-capabilities")).click();
        Grid<Entry> list = capabilities(form);
        assertTrue(list.getSelectionModel() instanceof com.vaadin.flow.component.grid.GridSingleSelectionModel, "WMTS: one layer");
        Entry ortho = list.getListDataView().getItems().findFirst().orElseThrow();
        assertEquals("ortho2023", ortho.name());
        list.select(ortho);
        assertEquals("ortho2023", ((TextField) find(form, "external-layerNames")).getValue());
        assertEquals("GoogleMapsCompatible", sets.getValue());
        ComboBox<String> format = find(form, "external-format");
        assertEquals(List.of("image/jpeg", "image/png"), format.getListDataView().getItems().toList(), "the layer's formats");
        assertEquals("image/png", format.getValue(), "the format chosen stays when the layer offers it");
        format.setValue("image/jpeg");
        ((TextField) find(form, "external-key")).setValue("ortho");
        form.save();
        ExternalLayer saves = saved.get();
        assertNotNull(saves);
        assertEquals(List.of("ortho2023"), saves.layerNames());
        assertEquals("GoogleMapsCompatible", saves.tileMatrixSet());
        assertEquals("image/jpeg", saves.format());
        assertEquals("Ортофото 2023", saves.title());
        assertFalse(saves.isPublic(), "employees unless chosen otherwise");
    }

    @Test
    void aCapabilitiesFailureIsSaidAtTheAddress() {
        ExternalLayerForm form = form(null, new AtomicReference<>());
        TextField address = find(form, "external-url");
        address.setValue(url("/page"));
        ((Button) find(form, "external-read-capabilities")).click();
        assertTrue(address.isInvalid());
        assertEquals("!{gis.error.capabilities.notCapabilities}!", address.getErrorMessage());
        assertFalse(find(form, "external-capabilities-panel").isVisible());

        address.setValue("ftp://kadastr.example/wms");
        ((Button) find(form, "external-read-capabilities")).click();
        assertEquals("!{gis.error.external.urlScheme}!", address.getErrorMessage());

        address.setValue(url("/wms"));
        ((Button) find(form, "external-read-capabilities")).click();
        assertFalse(address.isInvalid(), "a good address clears the message");
    }

    @Test
    void theRegistrysErrorsStandAtTheirFieldsAndNothingIsSaved() {
        AtomicReference<ExternalLayer> saved = new AtomicReference<>();
        ExternalLayerForm form = form(null, saved);
        TextField key = find(form, "external-key");
        TextField title = find(form, "external-title");
        TextField address = find(form, "external-url");
        TextField names = find(form, "external-layerNames");
        form.save();
        assertNull(saved.get());
        assertTrue(key.isInvalid());
        assertTrue(title.isInvalid());
        assertEquals("!{gis.error.external.urlRequired}!", address.getErrorMessage());
        assertEquals("!{gis.error.external.layersRequired}!", names.getErrorMessage());

        ((RadioButtonGroup<ExternalLayerKind>) find(form, "external-kind")).setValue(ExternalLayerKind.XYZ);
        assertFalse(names.isVisible(), "XYZ has no layer names");
        key.setValue("osm");
        title.setValue("OpenStreetMap");
        address.setValue("https://tile.example/tiles.png");
        form.save();
        assertNull(saved.get());
        assertFalse(key.isInvalid(), "cleared once right");
        assertEquals("!{gis.error.external.xyzTemplate}!", address.getErrorMessage());
        address.setValue("https://tile.example/{z}/{x}/{y}.png");
        form.save();
        assertNotNull(saved.get());
        assertEquals(List.of(), saved.get().layerNames());
        assertNull(saved.get().format());
        assertTrue(gis.externalLayers().layers(gis.admin).stream().anyMatch(l -> l.key().equals("osm")));
    }

    @Test
    void anEditKeepsTheKeyAndADeleteAsksFirstAndMindsTheVersion() {
        ExternalLayer osm = gis.externalLayers().save(gis.admin, new ExternalLayer(0, "osm", ExternalLayerKind.XYZ,
                "OpenStreetMap", "https://tile.example/{z}/{x}/{y}.png", List.of(), null, null, null, null, 1, null,
                Visibility.EMPLOYEES, false, 0));
        AtomicReference<ExternalLayer> saved = new AtomicReference<>();
        ExternalLayerForm form = form(osm, saved);
        assertTrue(((TextField) find(form, "external-key")).isReadOnly());
        assertEquals(false, ((RadioButtonGroup<Boolean>) find(form, "external-proxied")).getValue(), "linked as stored");
        ((TextField) find(form, "external-title")).setValue("OSM");
        form.save();
        assertEquals(1, saved.get().version());

        ExternalLayersView view = new ExternalLayersView(gis.externalLayers(), gis.layers(), gis.admin);
        Grid<ExternalLayer> grid = find(view, "external-grid");
        ExternalLayer listed = grid.getListDataView().getItems().findFirst().orElseThrow();
        assertEquals("OSM", listed.title());

        // someone changes it meanwhile: the delete of the version read is refused, the list shows the new one
        gis.externalLayers().save(gis.admin, new ExternalLayer(listed.id(), "osm", ExternalLayerKind.XYZ, "OSM тайли",
                listed.url(), List.of(), null, null, null, null, 1, null, Visibility.EMPLOYEES, false, listed.version()));
        confirm(view.confirmDelete(listed));
        ExternalLayer fresh = grid.getListDataView().getItems().findFirst().orElseThrow();
        assertEquals("OSM тайли", fresh.title());

        ConfirmDialog ask = view.confirmDelete(fresh);
        assertTrue(gis.externalLayers().find(gis.admin, fresh.id()).isPresent(), "nothing deleted before the confirmation");
        confirm(ask);
        assertTrue(gis.externalLayers().find(gis.admin, fresh.id()).isEmpty());
        assertEquals(0, grid.getListDataView().getItemCount());
    }

    @Test
    void onlyTheAdministratorSeesThePage() {
        assertTrue(all(new ExternalLayersView(gis.externalLayers(), gis.layers(), gis.editor))
                .anyMatch(c -> c.getId().filter("gis-no-access"::equals).isPresent()));
        assertFalse(all(new ExternalLayersView(gis.externalLayers(), gis.layers(), gis.editor))
                .anyMatch(c -> c.getId().filter("external-add"::equals).isPresent()));
    }

    /** A click on the dialog's red button (Confirmation's {@code <id>-yes}). */
    private static void confirm(ConfirmDialog dialog) {
        String yes = dialog.getId().orElseThrow() + "-yes";
        dialog.getChildren().filter(c -> c.getId().filter(yes::equals).isPresent()).map(Button.class::cast)
                .findFirst().orElseThrow(() -> new AssertionError("no button " + yes)).click();
    }
}
