package ua.hromada.gis.exchange;

import java.util.List;
import java.util.Map;

/**
 * One feature or line of an imported file.
 *
 * @param number     the feature's position in the file (1 = first), for CSV the line number
 * @param geometry   GeoJSON geometry text in the source coordinate system, null when missing or broken
 * @param srid       the EPSG code of the geometry's coordinates (null when the file's is unknown)
 * @param attributes attribute values as text in the file's column order (missing = absent key)
 * @param errors     what is wrong with this row; empty when it can be saved
 */
public record ImportedRow(int number, String geometry, Integer srid, Map<String, String> attributes,
                          List<ExchangeMessage> errors) {
    public ImportedRow {
        attributes = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(attributes));
        errors = List.copyOf(errors);
    }

    public boolean ok() {
        return errors.isEmpty();
    }
}
