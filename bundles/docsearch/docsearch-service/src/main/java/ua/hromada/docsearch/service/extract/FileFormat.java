package ua.hromada.docsearch.service.extract;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The accepted file formats: by extension, each with a check that the bytes really are that format. */
public enum FileFormat {
    PDF("application/pdf", "pdf"),
    DOCX("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx"),
    ODT("application/vnd.oasis.opendocument.text", "odt"),
    RTF("application/rtf", "rtf"),
    TXT("text/plain", "txt"),
    HTML("text/html", "html", "htm");

    private static final byte[] PDF_MAGIC = "%PDF".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] ZIP_MAGIC = {'P', 'K', 3, 4};
    private static final byte[] RTF_MAGIC = "{\\rtf".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] OLE_MAGIC = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0};

    private final String mediaType;
    private final List<String> extensions;

    FileFormat(String mediaType, String... extensions) {
        this.mediaType = mediaType;
        this.extensions = List.of(extensions);
    }

    /** Every accepted extension with its dot (".pdf", ".htm"...), as upload fields take them. */
    public static List<String> acceptedExtensions() {
        return Arrays.stream(values()).flatMap(f -> f.extensions.stream()).map(e -> "." + e).toList();
    }

    public String mediaType() {
        return mediaType;
    }

    public static Optional<FileFormat> ofFileName(String fileName) {
        if (fileName == null) {
            return Optional.empty();
        }
        int dot = fileName.lastIndexOf('.');
        if (dot < 0 || dot == fileName.length() - 1) {
            return Optional.empty();
        }
        String extension = fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(f -> f.extensions.contains(extension)).findFirst();
    }

    /** Whether the content is plausibly this format (magic bytes), so a renamed file is refused. */
    public boolean matches(byte[] content) {
        switch (this) {
            case PDF:
                // the spec tolerates some bytes before the header; readers look in the first KB
                return indexOf(content, PDF_MAGIC, 1024) >= 0;
            case DOCX:
            case ODT:
                return startsWith(content, ZIP_MAGIC);
            case RTF:
                return startsWith(skipBom(content), RTF_MAGIC);
            default:
                // text formats: not one of the binary formats above, and no NUL bytes unless UTF-16
                return !startsWith(content, PDF_MAGIC) && !startsWith(content, ZIP_MAGIC)
                        && !startsWith(content, OLE_MAGIC) && (isUtf16(content) || indexOf(content, new byte[] {0}, 8192) < 0);
        }
    }

    private static boolean isUtf16(byte[] c) {
        return c.length >= 2 && ((c[0] == (byte) 0xFF && c[1] == (byte) 0xFE) || (c[0] == (byte) 0xFE && c[1] == (byte) 0xFF));
    }

    private static byte[] skipBom(byte[] c) {
        if (c.length >= 3 && c[0] == (byte) 0xEF && c[1] == (byte) 0xBB && c[2] == (byte) 0xBF) {
            return Arrays.copyOfRange(c, 3, c.length);
        }
        return c;
    }

    private static boolean startsWith(byte[] c, byte[] prefix) {
        return c.length >= prefix.length && Arrays.equals(c, 0, prefix.length, prefix, 0, prefix.length);
    }

    private static int indexOf(byte[] c, byte[] needle, int within) {
        int end = Math.min(c.length, within) - needle.length;
        for (int i = 0; i <= end; i++) {
            if (Arrays.equals(c, i, i + needle.length, needle, 0, needle.length)) {
                return i;
            }
        }
        return -1;
    }
}
