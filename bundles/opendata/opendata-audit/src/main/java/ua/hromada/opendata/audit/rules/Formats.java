package ua.hromada.opendata.audit.rules;

import java.util.Locale;
import java.util.Set;

import ua.hromada.opendata.api.Resource;

/** Format names as the registry declares them, and which of them machines can read. */
public final class Formats {
    /** Documents and pictures: people can read them, programs cannot take the data out. */
    static final Set<String> NOT_MACHINE_READABLE = Set.of("PDF", "DOC", "DOCX", "RTF", "ODT", "PPT", "PPTX", "JPG",
            "JPEG", "PNG", "GIF", "TIF", "TIFF", "BMP", "WEBP", "DJVU");

    private Formats() {
    }

    /** Upper case without a leading dot or surrounding spaces; "" for none. */
    public static String normalize(String format) {
        if (format == null) {
            return "";
        }
        String f = format.strip().toUpperCase(Locale.ROOT);
        return f.startsWith(".") ? f.substring(1) : f;
    }

    /** The extension of a file name or URL path, normalized; "" for none. */
    public static String extension(String name) {
        if (name == null) {
            return "";
        }
        String n = name;
        int q = n.indexOf('?');
        if (q >= 0) {
            n = n.substring(0, q);
        }
        int slash = n.lastIndexOf('/');
        int dot = n.lastIndexOf('.');
        return dot > slash && dot < n.length() - 1 ? normalize(n.substring(dot + 1)) : "";
    }

    /** The declared format, else the file's extension. */
    public static String of(Resource r) {
        String declared = normalize(r.format());
        return declared.isEmpty() ? extension(r.uploaded() ? r.fileName() : r.url()) : declared;
    }

    public static boolean machineReadable(String format) {
        String f = normalize(format);
        return !f.isEmpty() && !NOT_MACHINE_READABLE.contains(f);
    }

    static boolean isCsv(Resource r) {
        return "CSV".equals(of(r)) || "CSV".equals(extension(r.fileName()));
    }

    static boolean isPdf(Resource r) {
        return "PDF".equals(of(r)) || "PDF".equals(extension(r.fileName()));
    }
}
