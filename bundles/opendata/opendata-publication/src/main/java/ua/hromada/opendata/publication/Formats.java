package ua.hromada.opendata.publication;

import java.util.Locale;
import java.util.Map;

/**
 * File formats as the EU file-type vocabulary names them and their IANA media types, for the
 * DCAT catalogue and for passport links whose format is only known from the file name.
 */
public final class Formats {

    public static final String FILE_TYPE = "http://publications.europa.eu/resource/authority/file-type/";
    public static final String IANA = "https://www.iana.org/assignments/media-types/";

    /** Our format name -> the EU file-type code (authority table "file-type"). */
    private static final Map<String, String> EU = Map.ofEntries(Map.entry("CSV", "CSV"), Map.entry("JSON", "JSON"),
            Map.entry("GEOJSON", "GEOJSON"), Map.entry("XML", "XML"), Map.entry("XLSX", "XLSX"), Map.entry("XLS", "XLS"),
            Map.entry("ODS", "ODS"), Map.entry("PDF", "PDF"), Map.entry("DOC", "DOC"), Map.entry("DOCX", "DOCX"),
            Map.entry("ODT", "ODT"), Map.entry("TXT", "TXT"), Map.entry("HTML", "HTML"), Map.entry("ZIP", "ZIP"),
            Map.entry("GZ", "GZIP"), Map.entry("RDF", "RDF_XML"), Map.entry("TTL", "RDF_TURTLE"),
            Map.entry("JSONLD", "JSON_LD"), Map.entry("KML", "KML"), Map.entry("SHP", "SHP"), Map.entry("JPG", "JPEG"),
            Map.entry("JPEG", "JPEG"), Map.entry("PNG", "PNG"), Map.entry("TIFF", "TIFF"), Map.entry("TIF", "TIFF"),
            Map.entry("API", "REST"));

    private static final Map<String, String> MEDIA = Map.ofEntries(Map.entry("CSV", "text/csv"),
            Map.entry("JSON", "application/json"), Map.entry("GEOJSON", "application/geo+json"),
            Map.entry("XML", "application/xml"),
            Map.entry("XLSX", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
            Map.entry("XLS", "application/vnd.ms-excel"), Map.entry("ODS", "application/vnd.oasis.opendocument.spreadsheet"),
            Map.entry("PDF", "application/pdf"), Map.entry("DOC", "application/msword"),
            Map.entry("DOCX", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
            Map.entry("ODT", "application/vnd.oasis.opendocument.text"), Map.entry("TXT", "text/plain"),
            Map.entry("HTML", "text/html"), Map.entry("ZIP", "application/zip"), Map.entry("GZ", "application/gzip"),
            Map.entry("RDF", "application/rdf+xml"), Map.entry("TTL", "text/turtle"),
            Map.entry("JSONLD", "application/ld+json"), Map.entry("KML", "application/vnd.google-earth.kml+xml"),
            Map.entry("JPG", "image/jpeg"), Map.entry("JPEG", "image/jpeg"), Map.entry("PNG", "image/png"),
            Map.entry("TIFF", "image/tiff"), Map.entry("TIF", "image/tiff"));

    private Formats() {
    }

    /** Upper case without a leading dot, or null for blank. */
    public static String normalize(String format) {
        if (format == null || format.isBlank()) {
            return null;
        }
        String f = format.strip().toUpperCase(Locale.ROOT);
        return f.startsWith(".") ? f.substring(1) : f;
    }

    /** The EU file-type IRI of a format, or null when the vocabulary has none for it. */
    public static String fileTypeIri(String format) {
        String code = format == null ? null : EU.get(normalize(format));
        return code == null ? null : FILE_TYPE + code;
    }

    /** The IANA media type of a format, or null when unknown. */
    public static String mediaType(String format) {
        return format == null ? null : MEDIA.get(normalize(format));
    }

    /** The format of a file name or URL by its extension, or null. */
    public static String ofName(String nameOrUrl) {
        if (nameOrUrl == null) {
            return null;
        }
        String s = nameOrUrl;
        int cut = s.indexOf('?');
        s = cut >= 0 ? s.substring(0, cut) : s;
        cut = s.indexOf('#');
        s = cut >= 0 ? s.substring(0, cut) : s;
        String last = s.substring(s.lastIndexOf('/') + 1);
        int dot = last.lastIndexOf('.');
        if (dot < 0 || dot == last.length() - 1) {
            return null;
        }
        String ext = last.substring(dot + 1).toUpperCase(Locale.ROOT);
        return MEDIA.containsKey(ext) || EU.containsKey(ext) ? ext : null;
    }
}
