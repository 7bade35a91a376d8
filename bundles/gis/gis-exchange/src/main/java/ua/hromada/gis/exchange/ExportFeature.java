package ua.hromada.gis.exchange;

import java.util.Map;

/**
 * A feature to write.
 *
 * @param id       the feature's id (GeoJSON id, KML Placemark id); may be null
 * @param geometry GeoJSON geometry text in WGS 84 (EPSG:4326)
 * @param values   attribute values by column name: String, Number, Boolean, java.time.LocalDate or null
 */
public record ExportFeature(String id, String geometry, Map<String, Object> values) {
}
