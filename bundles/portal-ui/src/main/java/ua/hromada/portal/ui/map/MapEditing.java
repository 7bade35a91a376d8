package ua.hromada.portal.ui.map;

import java.util.EnumSet;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The editing state of a {@link PortalMap} (one editable layer, the kinds that may be drawn) and
 * the check of the geometries the browser sends back.
 */
final class MapEditing {

    private static final Logger LOG = LoggerFactory.getLogger(MapEditing.class);

    String layerId;
    Set<GeometryKind> kinds = EnumSet.noneOf(GeometryKind.class);
    /** The feature being edited, null while drawing a new one or idle. */
    String featureId;

    boolean enabled() {
        return layerId != null;
    }

    String json() {
        return FeatureJson.write(g -> {
            g.writeStartObject();
            g.writeStringField("layer", layerId);
            g.writeArrayFieldStart("kinds");
            for (GeometryKind kind : kinds) {
                g.writeString(kind.name());
            }
            g.writeEndArray();
            g.writeEndObject();
        });
    }

    /**
     * The event for an edit the browser reports (geometry null = cancelled), or null when it is
     * refused: another layer than the editable one, a feature the map did not show, or a geometry
     * that is not a valid one of the enabled kinds.
     */
    GeometryEditEvent accept(PortalMap map, MapOverlays overlays, String layer, String feature, String geometry) {
        if (layerId == null || !layerId.equals(layer)) {
            return null;
        }
        String id = feature == null || feature.isEmpty() ? null : feature;
        if (id != null && !overlays.shows(layer, id) && !id.equals(featureId)) {
            return null;
        }
        featureId = null;
        if (geometry == null) {
            return new GeometryEditEvent(map, true, layer, id, null);
        }
        String checked = check(geometry);
        if (checked == null) {
            LOG.warn("Map editing of layer {}: refused a geometry that is not a valid {}: {}", layer, kinds,
                    geometry.length() > 200 ? geometry.substring(0, 200) + "…" : geometry);
            return null;
        }
        return new GeometryEditEvent(map, true, layer, id, checked);
    }

    /**
     * The geometry as compact GeoJSON, or null when it is not a well-formed WGS 84 geometry of
     * an allowed kind (lines of at least 2 positions, closed rings of at least 4).
     */
    String check(String geometry) {
        JsonNode node;
        try {
            node = LayerFeatures.parseGeometry(geometry);
        } catch (IllegalArgumentException e) {
            return null;
        }
        String type = node.path("type").asText();
        GeometryKind kind = switch (type) {
            case "Point", "MultiPoint" -> GeometryKind.POINT;
            case "LineString", "MultiLineString" -> GeometryKind.LINE;
            case "Polygon", "MultiPolygon" -> GeometryKind.POLYGON;
            default -> null;
        };
        if (kind == null || !(kinds.contains(kind) || kinds.contains(GeometryKind.ANY))) {
            return null;
        }
        JsonNode c = node.path("coordinates");
        boolean ok = switch (type) {
            case "Point" -> position(c);
            case "MultiPoint" -> all(c, 1, MapEditing::position);
            case "LineString" -> line(c);
            case "MultiLineString" -> all(c, 1, MapEditing::line);
            case "Polygon" -> polygon(c);
            default -> all(c, 1, MapEditing::polygon);
        };
        return ok ? node.toString() : null;
    }

    private interface Check {
        boolean ok(JsonNode node);
    }

    private static boolean all(JsonNode array, int min, Check check) {
        if (!array.isArray() || array.size() < min) {
            return false;
        }
        for (JsonNode n : array) {
            if (!check.ok(n)) {
                return false;
            }
        }
        return true;
    }

    private static boolean position(JsonNode p) {
        if (!p.isArray() || p.size() < 2) {
            return false;
        }
        double lon = p.get(0).asDouble();
        double lat = p.get(1).asDouble();
        return lon >= -180 && lon <= 180 && lat >= -90 && lat <= 90;
    }

    private static boolean line(JsonNode c) {
        return all(c, 2, MapEditing::position);
    }

    private static boolean ring(JsonNode c) {
        return all(c, 4, MapEditing::position) && c.get(0).equals(c.get(c.size() - 1));
    }

    private static boolean polygon(JsonNode c) {
        return all(c, 1, MapEditing::ring);
    }
}
