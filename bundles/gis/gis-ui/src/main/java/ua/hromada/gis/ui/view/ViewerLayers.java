package ua.hromada.gis.ui.view;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

import ua.hromada.gis.api.AttributeDefinition;
import ua.hromada.gis.api.AttributeType;
import ua.hromada.gis.api.ExternalLayer;
import ua.hromada.gis.api.ExternalLayerKind;
import ua.hromada.gis.api.GeometryType;
import ua.hromada.gis.api.Layer;
import ua.hromada.gis.api.LayerGroup;
import ua.hromada.gis.api.LayerStyle;
import ua.hromada.gis.api.GisModuleLayers.ModuleLayer;
import ua.hromada.portal.api.map.LegendEntry;
import ua.hromada.portal.ui.map.GeometryKind;
import ua.hromada.portal.ui.map.MarkerShape;
import ua.hromada.portal.ui.map.OverlayStyle;
import ua.hromada.portal.ui.map.TileOverlay;
import ua.hromada.portal.ui.map.VectorLayer;

/**
 * How the viewer shows the registry on the shared map: the map ids of the three kinds of layers
 * (registry {@code gis.<key>}, external {@code ext.<key>}, other modules' {@code mod.<id>}), a layer's
 * style as the map's style (per-value colours in the order of the attribute's choices), external
 * layers as tile overlays, and the layer tree's groups in registry order.
 */
public final class ViewerLayers {
    static final String REGISTRY = "gis.";
    static final String EXTERNAL = "ext.";
    static final String MODULE = "mod.";
    /** Tiles below the vectors, modules' points over the registry's. */
    static final int EXTERNAL_Z = 40;
    static final int REGISTRY_Z = 100;
    static final int MODULE_Z = 160;

    private ViewerLayers() {
    }

    public static String id(Layer layer) {
        return REGISTRY + layer.key();
    }

    public static String id(ExternalLayer layer) {
        return EXTERNAL + layer.key();
    }

    public static String id(ModuleLayer layer) {
        return MODULE + layer.id();
    }

    /** The registry layer's key of a map id, or empty for other kinds. */
    public static Optional<String> registryKey(String mapId) {
        return mapId != null && mapId.startsWith(REGISTRY) ? Optional.of(mapId.substring(REGISTRY.length())) : Optional.empty();
    }

    public static GeometryKind kind(GeometryType type) {
        return switch (type == null ? GeometryType.ANY : type) {
            case POINT -> GeometryKind.POINT;
            case LINE -> GeometryKind.LINE;
            case POLYGON -> GeometryKind.POLYGON;
            case ANY -> GeometryKind.ANY;
        };
    }

    /** The layer's style on the map; the per-value colours follow the attribute's choices, then the rest by value. */
    public static OverlayStyle style(Layer layer) {
        LayerStyle s = layer.style();
        OverlayStyle style = new OverlayStyle(s.color(), s.strokeColor(), s.strokeWidth(), s.fillColor(), s.fillOpacity(),
                MarkerShape.valueOf(s.marker().name()), null, Map.of());
        if (s.byAttribute() == null || s.valueColors().isEmpty()) {
            return style;
        }
        Map<String, String> ordered = new LinkedHashMap<>();
        layer.attribute(s.byAttribute()).filter(a -> a.type() == AttributeType.CHOICE).map(AttributeDefinition::choices)
                .orElse(List.of()).forEach(choice -> {
                    String c = s.valueColors().get(choice);
                    if (c != null) {
                        ordered.put(choice, c);
                    }
                });
        new TreeMap<>(s.valueColors()).forEach(ordered::putIfAbsent);
        return style.withValueColors(s.byAttribute(), ordered);
    }

    public static VectorLayer vector(Layer layer) {
        return VectorLayer.of(id(layer), layer.title(), style(layer), kind(layer.geometryType())).withZIndex(REGISTRY_Z);
    }

    /** The legend of another module's layer: its colours as points, or one point in the map's colour. */
    public static List<VectorLayer.LegendItem> moduleLegend(String title, List<LegendEntry> entries) {
        List<VectorLayer.LegendItem> items = new ArrayList<>();
        for (LegendEntry e : entries) {
            items.add(new VectorLayer.LegendItem(e.label(), e.color(), null, GeometryKind.POINT, MarkerShape.CIRCLE));
        }
        if (items.isEmpty()) {
            items.add(new VectorLayer.LegendItem(title, OverlayStyle.DEFAULT_COLOR, null, GeometryKind.POINT, MarkerShape.CIRCLE));
        }
        return items;
    }

    /**
     * The external layer as a tile overlay at {@link ExternalLayer#clientUrl()}, hidden at first (its
     * images come from another server or the portal's proxy): a proxied WMS through the proxy's
     * GetMap address, proxied WMTS and XYZ as the proxy's tile template; a linked WMTS by its
     * key-value GetTile or its RESTful template.
     *
     * @throws IllegalArgumentException for an address the map cannot draw
     */
    public static TileOverlay tiles(ExternalLayer layer) {
        String id = id(layer);
        String url = layer.clientUrl();
        TileOverlay overlay;
        if (layer.kind() == ExternalLayerKind.WMS) {
            overlay = TileOverlay.wms(id, layer.title(), url, String.join(",", layer.layerNames()), layer.format(), true,
                    null, layer.attribution());
        } else if (layer.proxied() || layer.kind() == ExternalLayerKind.XYZ) {
            overlay = TileOverlay.xyz(id, layer.title(), url, layer.attribution());
        } else if (url.contains("{TileMatrix}")) {
            overlay = TileOverlay.wmtsRest(id, layer.title(), url, layer.style(), layer.tileMatrixSet(),
                    matrixPrefix(layer.tileMatrixSet()), layer.attribution());
        } else {
            overlay = TileOverlay.wmtsKvp(id, layer.title(), url, layer.layerNames().get(0), layer.style(),
                    layer.tileMatrixSet(), matrixPrefix(layer.tileMatrixSet()), layer.format(), layer.attribution());
        }
        double opacity = Math.max(0, Math.min(1, layer.opacity()));
        return overlay.withVisible(false).withOpacity(opacity).withZIndex(EXTERNAL_Z);
    }

    /**
     * A WMS layer's legend images, one per layer name (GetLegendGraphic, through the proxy for a
     * proxied layer); none for tiles, whose services have no standard legend request.
     */
    public static List<String> legendUrls(ExternalLayer layer) {
        if (layer.kind() != ExternalLayerKind.WMS) {
            return List.of();
        }
        String base = layer.clientUrl();
        String joiner = base.contains("?") ? (base.endsWith("?") || base.endsWith("&") ? "" : "&") : "?";
        List<String> urls = new ArrayList<>();
        for (String name : layer.layerNames()) {
            urls.add(base + joiner + "SERVICE=WMS&VERSION=1.3.0&REQUEST=GetLegendGraphic&SLD_VERSION=1.1.0"
                    + "&FORMAT=image%2Fpng&LAYER=" + java.net.URLEncoder.encode(name, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20"));
        }
        return urls;
    }

    /** GeoWebCache's {@code EPSG:n} sets name their matrices {@code EPSG:n:z}; others by the zoom alone. */
    static String matrixPrefix(String tileMatrixSet) {
        return tileMatrixSet != null && tileMatrixSet.matches("EPSG:\\d+") ? tileMatrixSet + ":" : null;
    }

    /**
     * One folder of the tree.
     *
     * @param group null: the layers outside any group
     */
    public record Folder(LayerGroup group, List<Layer> layers, List<ExternalLayer> externals) {
        public Folder {
            layers = List.copyOf(layers);
            externals = List.copyOf(externals);
        }
    }

    /** The folders in the registry's order, the layers without a group last; empty folders left out. */
    public static List<Folder> tree(List<LayerGroup> groups, List<Layer> layers, List<ExternalLayer> externals) {
        List<Folder> folders = new ArrayList<>();
        for (LayerGroup g : groups) {
            add(folders, g, layers.stream().filter(l -> Objects.equals(l.groupId(), g.id())).toList(),
                    externals.stream().filter(l -> Objects.equals(l.groupId(), g.id())).toList());
        }
        List<Long> known = groups.stream().map(LayerGroup::id).toList();
        add(folders, null, layers.stream().filter(l -> l.groupId() == null || !known.contains(l.groupId())).toList(),
                externals.stream().filter(l -> l.groupId() == null || !known.contains(l.groupId())).toList());
        return folders;
    }

    private static void add(List<Folder> folders, LayerGroup group, List<Layer> layers, List<ExternalLayer> externals) {
        if (!layers.isEmpty() || !externals.isEmpty()) {
            folders.add(new Folder(group, layers, externals));
        }
    }
}
