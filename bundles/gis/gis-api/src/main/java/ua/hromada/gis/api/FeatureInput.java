package ua.hromada.gis.api;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An object as a form or an import gives it, before it is checked.
 *
 * @param geometry   GeoJSON geometry text (starts with <code>{</code>) or WKT (e.g. {@code POINT(34.55 49.59)})
 * @param srid       the coordinates' system: {@link #WGS84} or UCS-2000 (EPSG:5561, its zones 5562–5583,
 *                   6381–6387); transformed to WGS 84 by PostGIS
 * @param attributes attribute name → value (a typed value or its text); null or blank = no value;
 *                   names not in the layer's schema are refused
 */
public record FeatureInput(String geometry, int srid, Map<String, Object> attributes) {

    public static final int WGS84 = 4326;

    public FeatureInput {
        // a LinkedHashMap copy: values may be null (no value), Map.copyOf refuses those
        attributes = attributes == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
    }

    /** Coordinates in WGS 84. */
    public FeatureInput(String geometry, Map<String, Object> attributes) {
        this(geometry, WGS84, attributes);
    }
}
