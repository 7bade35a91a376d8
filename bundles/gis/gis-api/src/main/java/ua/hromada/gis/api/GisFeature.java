package ua.hromada.gis.api;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One object of a layer.
 *
 * @param geometry   GeoJSON geometry text in WGS 84 (EPSG:4326), coordinates to 7 decimals (~1 cm)
 * @param attributes attribute name → value, typed as {@link AttributeType} says; attributes without
 *                   a value are absent
 * @param version    optimistic lock: sent back with an update or a delete
 */
public record GisFeature(long id, long layerId, String geometry, Map<String, Object> attributes, long version,
        String createdBy, Instant createdAt, String updatedBy, Instant updatedAt) {

    public GisFeature {
        // insertion order kept: the layer schema's order
        attributes = attributes == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
    }
}
