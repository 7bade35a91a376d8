package ua.hromada.docsearch.service;

import java.io.BufferedReader;
import java.io.FilterReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import ua.hromada.docsearch.api.ValidationException;

/**
 * Reads an import's {@code metadata.csv}: UTF-8 (a byte order mark is dropped), the column
 * separator taken from the header row — a semicolon (what spreadsheet programs write in Ukrainian
 * settings, and what docs/docsearch.md shows) or a comma. A file that cannot be read is refused
 * with the real reason: not UTF-8, a quote left open on a given line, or the columns missing
 * (with the header as it was read, which shows a wrong separator at once).
 */
final class MetadataCsv {
    /** Columns without which no row can be an act. */
    static final List<String> REQUIRED = List.of("kind", "number", "date", "title");
    /** The header row is read within this many characters (to find the separator). */
    private static final int HEADER_MAX = 64 * 1024;

    private MetadataCsv() {
    }

    /** The rows, and the separator found (';' or ','). */
    record Rows(char delimiter, List<CSVRecord> records) {
    }

    static Rows read(Path csv) {
        try (BufferedReader reader = new BufferedReader(
                new BomSkippingReader(Files.newBufferedReader(csv, StandardCharsets.UTF_8)), HEADER_MAX)) {
            reader.mark(HEADER_MAX);
            String header = readHeader(reader);
            reader.reset();
            char delimiter = delimiter(header);
            CSVParser parser = CSVFormat.DEFAULT.builder().setDelimiter(delimiter).setHeader().setSkipHeaderRecord(true)
                    .setIgnoreEmptyLines(true).setTrim(true).setIgnoreHeaderCase(true).setAllowMissingColumnNames(true)
                    .build().parse(reader);
            checkColumns(parser.getHeaderNames(), delimiter);
            List<CSVRecord> records = new ArrayList<>();
            // the line after the last good record is where the bad one starts (the parser has read on)
            long lastGood = parser.getCurrentLineNumber();
            try {
                for (CSVRecord r : parser) {
                    records.add(r);
                    lastGood = parser.getCurrentLineNumber();
                }
            } catch (UncheckedIOException | IllegalStateException e) {
                throw refusal(e, lastGood + 1);
            }
            return new Rows(delimiter, records);
        } catch (IOException e) {
            throw refusal(e, 1);
        } catch (IllegalArgumentException e) {
            // commons-csv: a repeated or empty column name in the header
            throw new ValidationException("file", MessageKeys.IMPORT_CSV_HEADER, e.getMessage());
        }
    }

    /** The first line, or the first row's text up to the limit. */
    private static String readHeader(BufferedReader reader) throws IOException {
        StringBuilder line = new StringBuilder();
        int c;
        while ((c = reader.read()) >= 0 && c != '\n' && c != '\r' && line.length() < HEADER_MAX - 1) {
            line.append((char) c);
        }
        return line.toString();
    }

    /** The separator of the header: the more frequent of ';' and ',' outside quotes (',' on a tie). */
    static char delimiter(String header) {
        int semicolons = 0;
        int commas = 0;
        boolean quoted = false;
        for (int i = 0; i < header.length(); i++) {
            char ch = header.charAt(i);
            if (ch == '"') {
                quoted = !quoted;
            } else if (!quoted && ch == ';') {
                semicolons++;
            } else if (!quoted && ch == ',') {
                commas++;
            }
        }
        return semicolons > commas ? ';' : ',';
    }

    private static void checkColumns(List<String> header, char delimiter) {
        List<String> names = header.stream().map(h -> h == null ? "" : h.strip().toLowerCase(Locale.ROOT)).toList();
        List<String> missing = REQUIRED.stream().filter(r -> !names.contains(r)).toList();
        if (!missing.isEmpty()) {
            String read = header.stream().map(h -> "«" + h + "»").collect(Collectors.joining(", "));
            throw new ValidationException("file", MessageKeys.IMPORT_CSV_COLUMNS, String.join(", ", missing),
                    read.isEmpty() ? "—" : read, String.valueOf(delimiter));
        }
    }

    /** Not UTF-8, or broken quoting on a line. */
    private static ValidationException refusal(Throwable e, long line) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof CharacterCodingException) {
                return new ValidationException(Map.of("file", MessageKeys.IMPORT_CSV_ENCODING));
            }
        }
        return new ValidationException("file", MessageKeys.IMPORT_CSV_SYNTAX, Long.toString(Math.max(1, line)));
    }

    /** Drops a UTF-8 byte order mark at the start (spreadsheet programs write one). */
    private static final class BomSkippingReader extends FilterReader {
        private boolean start = true;

        BomSkippingReader(Reader in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int c = super.read();
            if (start) {
                start = false;
                if (c == '\uFEFF') {
                    c = super.read();
                }
            }
            return c;
        }

        @Override
        public int read(char[] buf, int off, int len) throws IOException {
            int n = super.read(buf, off, len);
            if (start && n > 0) {
                start = false;
                if (buf[off] == '\uFEFF') {
                    System.arraycopy(buf, off + 1, buf, off, n - 1);
                    return n == 1 ? read(buf, off, len) : n - 1;
                }
            }
            return n;
        }
    }
}
