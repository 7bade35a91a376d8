package ua.hromada.gis.exchange;

import java.util.List;

/**
 * A layer to write: its title (KML document name, XLSX sheet name), its columns in order and its
 * features; the features are read once, so a service may stream them from a database cursor.
 */
public record ExportLayer(String title, List<ExportColumn> columns, Iterable<ExportFeature> features) {
    public ExportLayer {
        columns = List.copyOf(columns);
    }
}
