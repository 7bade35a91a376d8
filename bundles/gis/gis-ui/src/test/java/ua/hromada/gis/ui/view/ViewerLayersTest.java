package ua.hromada.gis.ui.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import ua.hromada.gis.api.AttributeDefinition;
import ua.hromada.gis.api.ExternalLayer;
import ua.hromada.gis.api.ExternalLayerKind;
import ua.hromada.gis.api.GeometryType;
import ua.hromada.gis.api.Layer;
import ua.hromada.gis.api.LayerGroup;
import ua.hromada.gis.api.LayerStyle;
import ua.hromada.gis.api.MarkerShape;
import ua.hromada.gis.api.Visibility;
import ua.hromada.portal.api.map.LegendEntry;
import ua.hromada.portal.ui.map.GeometryKind;
import ua.hromada.portal.ui.map.OverlayStyle;
import ua.hromada.portal.ui.map.TileOverlay;
import ua.hromada.portal.ui.map.VectorLayer;

/** The registry as the shared map's layers: ids, styles with per-value colours, tiles, the tree's folders. */
class ViewerLayersTest {

    private static Layer signs(Long groupId) {
        return new Layer(7, "signs", groupId, "Вивіски", GeometryType.POINT,
                List.of(AttributeDefinition.text("owner", "Власник", true, false),
                        AttributeDefinition.choice("status", "Статус", true, "дозвіл є", "дозвіл сплив", "без дозволу")),
                new LayerStyle("#757575", "#424242", 1, "#757575", 0.8, MarkerShape.SQUARE, null, "status",
                        Map.of("без дозволу", "#c62828", "дозвіл є", "#2e7d32", "дозвіл сплив", "#ef6c00", "archived", "#000")),
                null, Visibility.EMPLOYEES, null, null, 0, null, null);
    }

    private static Layer plain(long id, String key, Long groupId, GeometryType type) {
        return new Layer(id, key, groupId, key, type, List.of(), null, null, null, null, null, 0, null, null);
    }

    private static ExternalLayer external(String key, ExternalLayerKind kind, String url, List<String> names, boolean proxied,
            Long groupId) {
        return new ExternalLayer(1, key, kind, "Кадастр " + key, url, names, "image/png", null,
                kind == ExternalLayerKind.WMTS ? "EPSG:3857" : null, "© ДЗК", 0.7, groupId, Visibility.EMPLOYEES, proxied, 0);
    }

    @Test
    void perValueColoursFollowTheChoicesOrderThenTheOtherValuesAndTheLegendSaysSo() {
        OverlayStyle style = ViewerLayers.style(signs(null));
        assertEquals("status", style.byProperty());
        assertEquals(List.of("дозвіл є", "дозвіл сплив", "без дозволу", "archived"), List.copyOf(style.valueColors().keySet()));
        assertEquals("#2e7d32", style.colorOf("дозвіл є"));
        assertEquals("#757575", style.colorOf("інше"));
        assertEquals(ua.hromada.portal.ui.map.MarkerShape.SQUARE, style.markerShape());
        assertEquals("#424242", style.strokeColor());

        VectorLayer layer = ViewerLayers.vector(signs(null));
        assertEquals("gis.signs", layer.id());
        assertEquals(GeometryKind.POINT, layer.geometry());
        assertEquals(ViewerLayers.REGISTRY_Z, layer.zIndex());
        List<VectorLayer.LegendItem> legend = layer.legend("Інші");
        assertEquals(List.of("дозвіл є", "дозвіл сплив", "без дозволу", "archived", "Інші"),
                legend.stream().map(VectorLayer.LegendItem::label).toList());
    }

    @Test
    void aOneColourLayerHasOneLegendLineWithItsTitle() {
        Layer zones = plain(3, "zones", null, GeometryType.POLYGON);
        OverlayStyle style = ViewerLayers.style(zones);
        assertNull(style.byProperty());
        assertEquals(LayerStyle.plain().fillColor(), style.fillColor());
        assertEquals(List.of("zones"), ViewerLayers.vector(zones).legend("Інші").stream().map(VectorLayer.LegendItem::label).toList());
        assertEquals(GeometryKind.ANY, ViewerLayers.kind(GeometryType.ANY));
        assertEquals(GeometryKind.LINE, ViewerLayers.kind(GeometryType.LINE));
    }

    @Test
    void idsTellTheKindsApart() {
        assertEquals(Optional.of("signs"), ViewerLayers.registryKey("gis.signs"));
        assertEquals(Optional.empty(), ViewerLayers.registryKey("ext.signs"));
        assertEquals(Optional.empty(), ViewerLayers.registryKey(null));
        assertEquals("mod.oks.violations", ViewerLayers.id(new ua.hromada.gis.api.GisModuleLayers.ModuleLayer("oks.violations",
                "oks.map.layer", List.of())));
    }

    @Test
    void externalLayersBecomeHiddenTileOverlaysLinkedOrThroughTheProxy() {
        TileOverlay wms = ViewerLayers.tiles(external("dzk", ExternalLayerKind.WMS, "https://wms.example/ows",
                List.of("parcels", "boundaries"), false, null));
        assertEquals("ext.dzk", wms.id());
        assertEquals(TileOverlay.Kind.WMS, wms.kind());
        assertEquals("https://wms.example/ows", wms.url());
        assertEquals("parcels,boundaries", wms.wmsParams().get("layers"));
        assertEquals("true", wms.wmsParams().get("transparent"));
        assertFalse(wms.visible(), "another server's images only when the reader turns them on");
        assertEquals(0.7, wms.opacity());
        assertEquals(ViewerLayers.EXTERNAL_Z, wms.zIndex());

        TileOverlay wmts = ViewerLayers.tiles(external("ortho", ExternalLayerKind.WMTS, "https://wmts.example/service",
                List.of("ortho2023"), false, null));
        assertTrue(wmts.url().contains("LAYER=ortho2023") && wmts.url().contains("TILEMATRIXSET=EPSG:3857")
                && wmts.url().contains("TILEMATRIX=EPSG:3857:{z}"), wmts.url());
        TileOverlay rest = ViewerLayers.tiles(external("rest", ExternalLayerKind.WMTS,
                "https://wmts.example/ortho/{Style}/{TileMatrixSet}/{TileMatrix}/{TileRow}/{TileCol}.png", List.of("ortho"), false, null));
        assertEquals("https://wmts.example/ortho/default/EPSG:3857/EPSG:3857:{z}/{y}/{x}.png", rest.url());
        TileOverlay xyz = ViewerLayers.tiles(external("osm", ExternalLayerKind.XYZ, "https://t.example/{z}/{x}/{y}.png",
                List.of(), false, null));
        assertEquals("https://t.example/{z}/{x}/{y}.png", xyz.url());

        // proxied: the portal's addresses (gis-proxy)
        TileOverlay proxiedWms = ViewerLayers.tiles(external("dzk", ExternalLayerKind.WMS, "https://wms.example/ows",
                List.of("p"), true, null));
        assertEquals("/api/gis/proxy/dzk/wms", proxiedWms.url());
        assertEquals(TileOverlay.Kind.WMS, proxiedWms.kind());
        TileOverlay proxiedTiles = ViewerLayers.tiles(external("tms", ExternalLayerKind.XYZ, "https://t.example/{z}/{x}/{-y}.png",
                List.of(), true, null));
        assertEquals("/api/gis/proxy/tms/{z}/{x}/{y}", proxiedTiles.url());
        assertEquals(TileOverlay.Kind.XYZ, proxiedTiles.kind());
        assertEquals("/api/gis/proxy/ortho/{z}/{x}/{y}", ViewerLayers.tiles(external("ortho", ExternalLayerKind.WMTS,
                "https://wmts.example/service", List.of("ortho2023"), true, null)).url());

        assertThrows(IllegalArgumentException.class, () -> ViewerLayers.tiles(external("tms", ExternalLayerKind.XYZ,
                "https://t.example/{z}/{x}/{-y}.png", List.of(), false, null)), "a linked {-y} template the map cannot ask");
        assertNull(ViewerLayers.matrixPrefix("GoogleMapsCompatible"));
    }

    @Test
    void aWmsLayerHasALegendImagePerLayerNameThroughTheProxyWhenProxied() {
        assertEquals(List.of("https://wms.example/ows?map=dzk&SERVICE=WMS&VERSION=1.3.0&REQUEST=GetLegendGraphic&SLD_VERSION=1.1.0&FORMAT=image%2Fpng"
                + "&LAYER=parcels", "https://wms.example/ows?map=dzk&SERVICE=WMS&VERSION=1.3.0&REQUEST=GetLegendGraphic&SLD_VERSION=1.1.0"
                + "&FORMAT=image%2Fpng&LAYER=land%20use"),
                ViewerLayers.legendUrls(external("dzk", ExternalLayerKind.WMS, "https://wms.example/ows?map=dzk",
                        List.of("parcels", "land use"), false, null)));
        assertEquals(List.of("/api/gis/proxy/dzk/wms?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetLegendGraphic&SLD_VERSION=1.1.0&FORMAT=image%2Fpng&LAYER=p"),
                ViewerLayers.legendUrls(external("dzk", ExternalLayerKind.WMS, "https://wms.example/ows", List.of("p"), true, null)));
        assertEquals(List.of(), ViewerLayers.legendUrls(external("osm", ExternalLayerKind.XYZ, "https://t.example/{z}/{x}/{y}.png",
                List.of(), false, null)));
    }

    @Test
    void theTreeKeepsTheRegistryOrderPutsUngroupedLayersLastAndLeavesEmptyFoldersOut() {
        LayerGroup heritage = new LayerGroup(1, "heritage", "Спадщина", 10, 0);
        LayerGroup empty = new LayerGroup(2, "empty", "Порожня", 15, 0);
        LayerGroup ads = new LayerGroup(3, "ads", "Реклама", 20, 0);
        Layer a = plain(10, "a", 3L, GeometryType.POINT);
        Layer b = plain(11, "b", 1L, GeometryType.POINT);
        Layer c = plain(12, "c", null, GeometryType.POINT);
        Layer lost = plain(13, "lost", 99L, GeometryType.POINT);
        ExternalLayer dzk = external("dzk", ExternalLayerKind.WMS, "https://wms.example/ows", List.of("p"), false, 1L);
        List<ViewerLayers.Folder> tree = ViewerLayers.tree(List.of(heritage, empty, ads), List.of(a, b, c, lost), List.of(dzk));
        assertEquals(3, tree.size());
        assertEquals(heritage, tree.get(0).group());
        assertEquals(List.of(b), tree.get(0).layers());
        assertEquals(List.of(dzk), tree.get(0).externals());
        assertEquals(ads, tree.get(1).group());
        assertNull(tree.get(2).group());
        assertEquals(List.of(c, lost), tree.get(2).layers());
        assertTrue(ViewerLayers.tree(List.of(heritage), List.of(), List.of()).isEmpty());
    }

    @Test
    void aModulesLegendIsItsColoursOrOneDotWithItsTitle() {
        List<VectorLayer.LegendItem> items = ViewerLayers.moduleLegend("Звернення",
                List.of(new LegendEntry("#e53935", "Нове"), new LegendEntry("#43a047", "Виконано")));
        assertEquals(List.of("Нове", "Виконано"), items.stream().map(VectorLayer.LegendItem::label).toList());
        assertEquals(List.of("Звернення"), ViewerLayers.moduleLegend("Звернення", List.of()).stream()
                .map(VectorLayer.LegendItem::label).toList());
    }
}
