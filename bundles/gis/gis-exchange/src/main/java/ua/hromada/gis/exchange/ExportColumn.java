package ua.hromada.gis.exchange;

/**
 * An attribute in an export: its name (GeoJSON property, CSV header, KML data name) and its label
 * (XLSX header, KML display name).
 */
public record ExportColumn(String name, String label) {
}
