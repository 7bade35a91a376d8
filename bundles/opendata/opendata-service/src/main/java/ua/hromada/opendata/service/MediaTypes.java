package ua.hromada.opendata.service;

import java.util.Locale;
import java.util.Map;

/** Formats of resources: guessed from a file name or URL, and their IANA media types. */
final class MediaTypes {
    private static final Map<String, String> TYPES = Map.ofEntries(Map.entry("CSV", "text/csv"),
            Map.entry("JSON", "application/json"), Map.entry("GEOJSON", "application/geo+json"),
            Map.entry("XML", "application/xml"), Map.entry("XLSX",
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
            Map.entry("XLS", "application/vnd.ms-excel"), Map.entry("ODS", "application/vnd.oasis.opendocument.spreadsheet"),
            Map.entry("PDF", "application/pdf"), Map.entry("DOC", "application/msword"),
            Map.entry("DOCX", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
            Map.entry("ODT", "application/vnd.oasis.opendocument.text"), Map.entry("TXT", "text/plain"),
            Map.entry("HTML", "text/html"), Map.entry("ZIP", "application/zip"), Map.entry("GZ", "application/gzip"),
            Map.entry("RDF", "application/rdf+xml"), Map.entry("TTL", "text/turtle"), Map.entry("JSONLD", "application/ld+json"),
            Map.entry("KML", "application/vnd.google-earth.kml+xml"), Map.entry("SHP", "application/x-esri-shape"),
            Map.entry("JPG", "image/jpeg"), Map.entry("JPEG", "image/jpeg"), Map.entry("PNG", "image/png"),
            Map.entry("TIFF", "image/tiff"), Map.entry("TIF", "image/tiff"));

    private MediaTypes() {
    }

    static String of(String format) {
        return format == null ? "application/octet-stream"
                : TYPES.getOrDefault(format.toUpperCase(Locale.ROOT), "application/octet-stream");
    }

    /** The extension of the last path segment, upper-case (e.g. "CSV"), or null. */
    static String formatOf(String nameOrUrl) {
        if (nameOrUrl == null) {
            return null;
        }
        String s = nameOrUrl;
        int q = s.indexOf('?');
        if (q >= 0) {
            s = s.substring(0, q);
        }
        int slash = s.lastIndexOf('/');
        String last = s.substring(slash + 1);
        int dot = last.lastIndexOf('.');
        if (dot < 0 || dot == last.length() - 1) {
            return null;
        }
        String ext = last.substring(dot + 1).toUpperCase(Locale.ROOT);
        return Rules.validFormat(ext) ? ext : null;
    }
}
