package ua.hromada.portal.ui.map;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.core.JsonGenerator;

import ua.hromada.portal.api.map.BoundingBox;

/**
 * The overlay layers of one {@link PortalMap}: their definitions, data or sources, and what the
 * browser was last sent of each (identify events must name one of those features).
 */
final class MapOverlays {

    private static final Logger LOG = LoggerFactory.getLogger(MapOverlays.class);
    /** Pushed collections larger than this are cut off: such layers should use a source. */
    static final int MAX_PUSHED = 20_000;

    private static final class Entry {
        OverlayLayer layer;
        LayerFeatures data;
        LayerFeatureSource source;
        Set<String> ids = Set.of();
        Set<String> hrefs = Set.of();

        Entry(OverlayLayer layer) {
            this.layer = layer;
        }
    }

    private final Map<String, Entry> layers = new LinkedHashMap<>();

    void add(OverlayLayer layer, LayerFeatures data, LayerFeatureSource source) {
        if (layers.containsKey(layer.id())) {
            throw new IllegalArgumentException("the map already has a layer " + layer.id());
        }
        Entry entry = new Entry(layer);
        entry.source = source;
        layers.put(layer.id(), entry);
        if (data != null) {
            setData(layer.id(), data);
        }
    }

    LayerFeatures setData(String id, LayerFeatures data) {
        Entry entry = vector(id);
        if (entry.source != null) {
            throw new IllegalStateException("layer " + id + " takes its features from a source");
        }
        if (data.size() > MAX_PUSHED) {
            LOG.warn("Layer {}: {} features pushed, drawing the first {} (use a LayerFeatureSource)", id, data.size(), MAX_PUSHED);
            data = data.limit(MAX_PUSHED);
        }
        entry.data = data;
        entry.ids = data.ids();
        entry.hrefs = data.hrefs();
        return data;
    }

    boolean remove(String id) {
        return layers.remove(id) != null;
    }

    Optional<OverlayLayer> get(String id) {
        Entry entry = layers.get(id);
        return entry == null ? Optional.empty() : Optional.of(entry.layer);
    }

    List<OverlayLayer> all() {
        List<OverlayLayer> all = new ArrayList<>();
        layers.values().forEach(e -> all.add(e.layer));
        return all;
    }

    List<String> visibleIds() {
        List<String> ids = new ArrayList<>();
        layers.values().stream().filter(e -> e.layer.visible()).forEach(e -> ids.add(e.layer.id()));
        return ids;
    }

    /** Replaces the definition of a layer with the same id (visibility, opacity, z-index). */
    void update(OverlayLayer layer) {
        entry(layer.id()).layer = layer;
    }

    boolean isVector(String id) {
        Entry entry = layers.get(id);
        return entry != null && entry.layer instanceof VectorLayer;
    }

    boolean shows(String layerId, String featureId) {
        Entry entry = layers.get(layerId);
        return entry != null && featureId != null && entry.ids.contains(featureId);
    }

    boolean showsHref(String href) {
        return layers.values().stream().anyMatch(e -> e.hrefs.contains(href));
    }

    /** The answer of a source layer for the window, as GeoJSON; an empty collection for anything else. */
    String answer(String id, BoundingBox box, int zoom) {
        Entry entry = layers.get(id);
        if (entry == null || entry.source == null || box == null) {
            return "{\"type\":\"FeatureCollection\",\"features\":[]}";
        }
        LayerFeatures features;
        try {
            features = entry.source.features(box, zoom);
        } catch (RuntimeException e) {
            LOG.error("Layer {}: source {} failed for {} at zoom {}", id, entry.source.getClass().getName(), box.format(), zoom, e);
            features = new LayerFeatures();
        }
        if (features == null) {
            features = new LayerFeatures();
        }
        if (features.size() > PortalMap.MAX_FEATURES) {
            LOG.warn("Layer {}: source {} returned {} features for {} at zoom {}; drawing the first {} (cluster on the server)",
                    id, entry.source.getClass().getName(), features.size(), box.format(), zoom, PortalMap.MAX_FEATURES);
            features = features.limit(PortalMap.MAX_FEATURES);
        }
        entry.ids = features.ids();
        entry.hrefs = features.hrefs();
        return features.toJson();
    }

    /** All layers for the browser, in the order they were added (pushed data included). */
    void writeAll(JsonGenerator g) throws IOException {
        g.writeStartArray();
        for (Entry entry : layers.values()) {
            write(g, entry);
        }
        g.writeEndArray();
    }

    String json(String id) {
        Entry entry = entry(id);
        return FeatureJson.write(g -> write(g, entry));
    }

    private static void write(JsonGenerator g, Entry entry) throws IOException {
        OverlayLayer layer = entry.layer;
        g.writeStartObject();
        g.writeStringField("id", layer.id());
        g.writeStringField("title", layer.title());
        g.writeBooleanField("visible", layer.visible());
        g.writeNumberField("opacity", layer.opacity());
        g.writeNumberField("z", layer.zIndex());
        if (layer instanceof VectorLayer v) {
            g.writeStringField("kind", "vector");
            writeStyle(g, v.style());
            g.writeBooleanField("bbox", entry.source != null);
            if (entry.data != null) {
                g.writeFieldName("data");
                entry.data.write(g);
            }
        } else if (layer instanceof TileOverlay t) {
            g.writeStringField("kind", t.kind() == TileOverlay.Kind.WMS ? "wms" : "tile");
            g.writeStringField("url", t.url());
            g.writeStringField("attribution", t.attribution());
            g.writeNumberField("maxZoom", t.maxZoom());
            if (t.kind() == TileOverlay.Kind.WMS) {
                g.writeObjectFieldStart("wms");
                for (Map.Entry<String, String> p : t.wmsParams().entrySet()) {
                    g.writeStringField(p.getKey(), p.getValue());
                }
                g.writeEndObject();
            }
        }
        g.writeEndObject();
    }

    private static void writeStyle(JsonGenerator g, OverlayStyle s) throws IOException {
        g.writeObjectFieldStart("style");
        g.writeStringField("color", s.color());
        if (s.strokeColor() != null) {
            g.writeStringField("stroke", s.strokeColor());
        }
        g.writeNumberField("width", s.strokeWidth());
        if (s.fillColor() != null) {
            g.writeStringField("fill", s.fillColor());
        }
        g.writeNumberField("fillOpacity", s.fillOpacity());
        g.writeStringField("shape", s.markerShape().name().toLowerCase(java.util.Locale.ROOT));
        if (s.byProperty() != null) {
            g.writeStringField("by", s.byProperty());
            g.writeObjectFieldStart("values");
            for (Map.Entry<String, String> v : s.valueColors().entrySet()) {
                g.writeStringField(v.getKey(), v.getValue());
            }
            g.writeEndObject();
        }
        g.writeEndObject();
    }

    private Entry entry(String id) {
        Entry entry = layers.get(id);
        if (entry == null) {
            throw new IllegalArgumentException("the map has no layer " + id);
        }
        return entry;
    }

    private Entry vector(String id) {
        Entry entry = entry(id);
        if (!(entry.layer instanceof VectorLayer)) {
            throw new IllegalArgumentException("layer " + id + " is not a vector layer");
        }
        return entry;
    }

    /** For the tests: the ids the browser may report for a layer. */
    Set<String> shownIds(String id) {
        Entry entry = layers.get(id);
        return entry == null ? Set.of() : new HashSet<>(entry.ids);
    }
}
