package ua.hromada.portal.ui.map;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.HashSet;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import ua.hromada.portal.api.map.MapFeature;

/**
 * The features of a {@link VectorLayer} for one answer: GeoJSON geometries in WGS 84 with their id,
 * title (a tooltip) and the properties the style reads, plus clusters (a point with a count, drawn
 * as a bubble that zooms in when clicked) for windows with too many objects to send. Geometries are
 * checked when added, so a broken one fails at its source instead of in the browser.
 *
 * <pre>{@code
 * LayerFeatures f = new LayerFeatures();
 * f.add("17", feature.geometry(), "Пам'ятка «Садиба»", Map.of("status", "permitted"));
 * f.addCluster(49.58, 34.55, 250);
 * }</pre>
 */
public final class LayerFeatures {

    static final Set<String> GEOMETRY_TYPES = Set.of("Point", "MultiPoint", "LineString", "MultiLineString", "Polygon",
            "MultiPolygon", "GeometryCollection");
    private static final ObjectMapper JSON = new ObjectMapper();

    private record Item(String id, JsonNode geometry, String title, Map<String, String> properties, int count,
                        String color, List<String> lines, String href) {
    }

    private final List<Item> items = new ArrayList<>();

    /**
     * A feature.
     *
     * @param id         the id the identify event reports; null = not clickable
     * @param geometry   GeoJSON geometry text in WGS 84 (longitude first)
     * @param title      shown when the pointer rests on the feature; may be null
     * @param properties values the style reads ({@link OverlayStyle#byProperty()}); may be null
     * @throws IllegalArgumentException if the geometry is not GeoJSON
     */
    public LayerFeatures add(String id, String geometry, String title, Map<String, String> properties) {
        items.add(new Item(id, parseGeometry(geometry), title, copy(properties), 1, null, List.of(), null));
        return this;
    }

    /** A point feature. */
    public LayerFeatures addPoint(String id, double lat, double lon, String title, Map<String, String> properties) {
        items.add(new Item(id, point(lat, lon), title, copy(properties), 1, null, List.of(), null));
        return this;
    }

    /** A bubble standing for {@code count} features around the point; a click zooms in. */
    public LayerFeatures addCluster(double lat, double lon, int count) {
        if (count < 1) {
            throw new IllegalArgumentException("count must be at least 1, got " + count);
        }
        items.add(new Item(null, point(lat, lon), null, Map.of(), count, null, List.of(), null));
        return this;
    }

    /**
     * The features of a {@link ua.hromada.portal.api.map.MapFeatureSource} (e.g. another module's
     * {@link ua.hromada.portal.api.map.MapLayerProvider}): points in their own colour with a popup
     * of their title, lines and "open" link, clusters as clusters.
     */
    public static LayerFeatures of(List<MapFeature> features) {
        LayerFeatures result = new LayerFeatures();
        for (MapFeature f : features) {
            if (f.isCluster()) {
                result.addCluster(f.lat(), f.lon(), f.count());
            } else {
                result.items.add(new Item(f.id(), point(f.lat(), f.lon()), f.title(), Map.of(), 1, f.color(),
                        List.copyOf(f.popupLines()), f.href()));
            }
        }
        return result;
    }

    public int size() {
        return items.size();
    }

    /** The ids of the features (clusters have none). */
    Set<String> ids() {
        Set<String> ids = new HashSet<>();
        for (Item item : items) {
            if (item.id() != null) {
                ids.add(item.id());
            }
        }
        return ids;
    }

    Set<String> hrefs() {
        Set<String> hrefs = new HashSet<>();
        for (Item item : items) {
            if (item.href() != null) {
                hrefs.add(item.href());
            }
        }
        return hrefs;
    }

    /** The first {@code max} features (a source that sent more should have clustered). */
    LayerFeatures limit(int max) {
        if (items.size() <= max) {
            return this;
        }
        LayerFeatures cut = new LayerFeatures();
        cut.items.addAll(items.subList(0, max));
        return cut;
    }

    /**
     * A GeoJSON FeatureCollection; besides {@code id}, {@code geometry} and {@code properties}
     * a feature may carry {@code title}, {@code count} (&gt; 1: a cluster), {@code color},
     * {@code lines} and {@code href} (foreign members, which GeoJSON readers ignore).
     */
    String toJson() {
        return FeatureJson.write(this::write);
    }

    void write(JsonGenerator g) throws IOException {
        g.writeStartObject();
        g.writeStringField("type", "FeatureCollection");
        g.writeArrayFieldStart("features");
        for (Item item : items) {
            g.writeStartObject();
            g.writeStringField("type", "Feature");
            if (item.id() != null) {
                g.writeStringField("id", item.id());
            }
            g.writeFieldName("geometry");
            g.writeRawValue(item.geometry().toString()); // checked JSON; the generator has no codec for trees
            g.writeObjectFieldStart("properties");
            for (Map.Entry<String, String> p : item.properties().entrySet()) {
                g.writeStringField(p.getKey(), p.getValue());
            }
            g.writeEndObject();
            if (item.title() != null) {
                g.writeStringField("title", item.title());
            }
            if (item.count() > 1) {
                g.writeNumberField("count", item.count());
            }
            if (item.color() != null) {
                g.writeStringField("color", item.color());
            }
            if (!item.lines().isEmpty()) {
                g.writeArrayFieldStart("lines");
                for (String line : item.lines()) {
                    g.writeString(line);
                }
                g.writeEndArray();
            }
            if (item.href() != null) {
                g.writeStringField("href", item.href());
            }
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    private static Map<String, String> copy(Map<String, String> properties) {
        if (properties == null || properties.isEmpty()) {
            return Map.of();
        }
        Map<String, String> copy = new LinkedHashMap<>();
        properties.forEach((k, v) -> {
            if (k != null && v != null) {
                copy.put(k, v);
            }
        });
        return Collections.unmodifiableMap(copy);
    }

    private static JsonNode point(double lat, double lon) {
        if (!(lat >= -90 && lat <= 90) || !Double.isFinite(lon)) {
            throw new IllegalArgumentException("not a WGS 84 point: " + lat + ", " + lon);
        }
        var node = JSON.createObjectNode().put("type", "Point");
        node.putArray("coordinates").add(lon).add(lat);
        return node;
    }

    /** The geometry, checked: a GeoJSON geometry type with finite coordinates. */
    static JsonNode parseGeometry(String geometry) {
        JsonNode node;
        try {
            node = geometry == null ? null : JSON.readTree(geometry);
        } catch (IOException e) {
            throw new IllegalArgumentException("geometry is not JSON: " + e.getMessage(), e);
        }
        checkGeometry(node);
        return node;
    }

    static void checkGeometry(JsonNode node) {
        if (node == null || !node.isObject() || !GEOMETRY_TYPES.contains(node.path("type").asText())) {
            throw new IllegalArgumentException("not a GeoJSON geometry: " + node);
        }
        if (node.path("type").asText().equals("GeometryCollection")) {
            JsonNode parts = node.path("geometries");
            if (!parts.isArray()) {
                throw new IllegalArgumentException("GeometryCollection without geometries");
            }
            for (JsonNode part : parts) {
                checkGeometry(part);
            }
            return;
        }
        if (!coordinatesOk(node.path("coordinates"))) {
            throw new IllegalArgumentException("GeoJSON coordinates must be nested arrays of numbers: " + node);
        }
    }

    private static boolean coordinatesOk(JsonNode c) {
        if (!c.isArray() || c.isEmpty()) {
            return false;
        }
        if (c.get(0).isNumber()) {
            if (c.size() < 2) {
                return false;
            }
            for (JsonNode n : c) {
                if (!n.isNumber() || !Double.isFinite(n.asDouble())) {
                    return false;
                }
            }
            return true;
        }
        for (JsonNode child : c) {
            if (!coordinatesOk(child)) {
                return false;
            }
        }
        return true;
    }
}
