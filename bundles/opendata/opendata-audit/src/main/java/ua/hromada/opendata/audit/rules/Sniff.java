package ua.hromada.opendata.audit.rules;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;

/** What a file really is, from its first bytes (magic numbers), and which declared formats fit it. */
public enum Sniff {
    EMPTY, PDF, ZIP, OLE, PNG, JPEG, GIF, TIFF, HTML, XML, JSON, TEXT, BINARY;

    /** Enough of the start of a file for {@link #of}. */
    public static final int HEAD = 2048;

    public static Sniff of(byte[] head, int length) {
        if (length <= 0) {
            return EMPTY;
        }
        if (starts(head, length, 0x25, 0x50, 0x44, 0x46)) {
            return PDF;
        }
        if (starts(head, length, 0x50, 0x4B, 0x03, 0x04) || starts(head, length, 0x50, 0x4B, 0x05, 0x06)) {
            return ZIP;
        }
        if (starts(head, length, 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1)) {
            return OLE;
        }
        if (starts(head, length, 0x89, 0x50, 0x4E, 0x47)) {
            return PNG;
        }
        if (starts(head, length, 0xFF, 0xD8, 0xFF)) {
            return JPEG;
        }
        if (starts(head, length, 0x47, 0x49, 0x46, 0x38)) {
            return GIF;
        }
        if (starts(head, length, 0x49, 0x49, 0x2A, 0x00) || starts(head, length, 0x4D, 0x4D, 0x00, 0x2A)) {
            return TIFF;
        }
        for (int i = 0; i < length; i++) {
            if (head[i] == 0) {
                return BINARY;
            }
        }
        int from = starts(head, length, 0xEF, 0xBB, 0xBF) ? 3 : 0;
        String text = new String(head, from, Math.min(length - from, 512), StandardCharsets.ISO_8859_1).stripLeading()
                .toLowerCase(Locale.ROOT);
        if (text.startsWith("<!doctype html") || text.startsWith("<html") || text.startsWith("<head")) {
            return HTML;
        }
        if (text.startsWith("<?xml") || text.startsWith("<")) {
            return XML;
        }
        if (text.startsWith("{") || text.startsWith("[")) {
            return JSON;
        }
        return TEXT;
    }

    private static boolean starts(byte[] b, int length, int... magic) {
        if (length < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if ((b[i] & 0xFF) != magic[i]) {
                return false;
            }
        }
        return true;
    }

    private static final Set<String> TEXT_FORMATS = Set.of("CSV", "TSV", "TXT");
    private static final Set<String> JSON_FORMATS = Set.of("JSON", "GEOJSON", "JSONLD", "JSON-LD");
    private static final Set<String> XML_FORMATS = Set.of("XML", "KML", "GML", "RDF", "ATOM", "RSS");
    private static final Set<String> ZIP_FORMATS = Set.of("XLSX", "DOCX", "ODS", "ODT", "ZIP", "SHP", "PPTX", "KMZ");
    private static final Set<String> OLE_FORMATS = Set.of("XLS", "DOC", "PPT");

    /**
     * Whether a file of this kind can be what the format says; empty when the format is unknown
     * to the audit (then nothing is claimed).
     */
    public java.util.Optional<Boolean> fits(String format) {
        String f = Formats.normalize(format);
        if (f.isEmpty() || this == EMPTY || this == BINARY) {
            return java.util.Optional.empty();
        }
        Sniff expected = TEXT_FORMATS.contains(f) ? TEXT
                : JSON_FORMATS.contains(f) ? JSON
                : XML_FORMATS.contains(f) ? XML
                : ZIP_FORMATS.contains(f) ? ZIP
                : OLE_FORMATS.contains(f) ? OLE
                : f.equals("PDF") ? PDF
                : f.equals("PNG") ? PNG
                : f.equals("JPG") || f.equals("JPEG") ? JPEG
                : f.equals("GIF") ? GIF
                : f.equals("TIF") || f.equals("TIFF") ? TIFF
                : f.equals("HTML") || f.equals("HTM") ? HTML : null;
        if (expected == null) {
            return java.util.Optional.empty();
        }
        // a CSV may well start with "[" or "<" in its first cell; text is text
        boolean fits = expected == this || expected == TEXT && (this == JSON || this == XML);
        return java.util.Optional.of(fits);
    }

    /** The name people know for this kind, for explanations. */
    public String label() {
        return switch (this) {
            case EMPTY -> "порожній файл";
            case ZIP -> "ZIP (XLSX, DOCX, ODS або архів)";
            case OLE -> "DOC або XLS (старий формат Microsoft Office)";
            case TEXT -> "текст";
            case BINARY -> "двійковий файл";
            default -> name();
        };
    }
}
