package ua.hromada.gis.exchange.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * The text encoding of a Shapefile's attribute table (.dbf): the .cpg file when there is one, else
 * the DBF header's language driver byte when it names a Cyrillic code page, else detected from the
 * text fields' bytes (Windows-1251 and CP866 files often come without either).
 */
final class DbfEncoding {
    private static final int SAMPLE_BYTES = 1 << 20;

    private DbfEncoding() {
    }

    static Charset of(Path dbf, Path cpg) throws IOException {
        if (cpg != null && Files.isRegularFile(cpg)) {
            Optional<Charset> named = cpgCharset(Files.readString(cpg, StandardCharsets.ISO_8859_1));
            if (named.isPresent()) {
                return named.get();
            }
        }
        try (InputStream in = Files.newInputStream(dbf)) {
            byte[] header = in.readNBytes(32);
            if (header.length < 32) {
                throw new ImportFailure("gis.exchange.shapefile.badDbf");
            }
            switch (header[29] & 0xFF) {
                case 0xC9 -> {
                    return TextEncoding.WINDOWS_1251;
                }
                case 0x26, 0x65 -> {
                    return TextEncoding.CP866;
                }
                default -> {
                    return TextEncoding.detect(textBytes(in, header));
                }
            }
        }
    }

    /** What ArcGIS, QGIS and GDAL write into .cpg: "UTF-8", "1251", "CP1251", "ANSI 1251", "866", ... */
    static Optional<Charset> cpgCharset(String text) {
        String t = text.strip().toUpperCase(Locale.ROOT).replace("ANSI ", "");
        if (t.isEmpty()) {
            return Optional.empty();
        }
        if (t.equals("UTF8") || t.equals("UTF-8") || t.equals("65001")) {
            return Optional.of(StandardCharsets.UTF_8);
        }
        String candidate = t.chars().allMatch(Character::isDigit)
                ? (t.startsWith("12") ? "windows-" + t : "IBM" + t)
                : t.startsWith("CP125") ? "windows-" + t.substring(2) : t;
        try {
            return Optional.of(Charset.forName(candidate));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** GDAL's (iconv's) name of an encoding for the Shapefile driver's ENCODING open option. */
    static String gdalName(Charset charset) {
        String name = charset.name();
        if (name.startsWith("windows-")) {
            return "CP" + name.substring("windows-".length());
        }
        if (name.startsWith("IBM")) {
            return "CP" + name.substring(3);
        }
        return name;
    }

    /** The bytes of the character (C) fields of the first records, for detection. */
    private static byte[] textBytes(InputStream in, byte[] header) throws IOException {
        int headerLength = (header[8] & 0xFF) | (header[9] & 0xFF) << 8;
        int recordLength = (header[10] & 0xFF) | (header[11] & 0xFF) << 8;
        byte[] descriptors = in.readNBytes(Math.max(0, headerLength - 32));
        ByteArrayOutputStream fields = new ByteArrayOutputStream();
        boolean[] text = new boolean[Math.max(recordLength, 1)];
        int offset = 1; // each record starts with its deletion flag
        for (int d = 0; d + 32 <= descriptors.length && descriptors[d] != 0x0D; d += 32) {
            int length = descriptors[d + 16] & 0xFF;
            if (descriptors[d + 11] == 'C') {
                for (int k = offset; k < Math.min(offset + length, text.length); k++) {
                    text[k] = true;
                }
            }
            offset += length;
        }
        byte[] record = new byte[Math.max(recordLength, 1)];
        while (fields.size() < SAMPLE_BYTES && in.readNBytes(record, 0, record.length) == record.length) {
            for (int k = 0; k < record.length; k++) {
                if (text[k] && record[k] != ' ') {
                    fields.write(record[k]);
                }
            }
            fields.write(' ');
        }
        return fields.toByteArray();
    }
}
