package ua.hromada.opendata.audit.rules;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads a CSV file once, as bytes: quotes, delimiters and line ends are ASCII in UTF-8 and in
 * Windows-1251 alike, so the structure is found without knowing the encoding, and UTF-8 validity
 * is checked on the same pass. Memory stays small whatever the file's size.
 */
public final class CsvProfiler {
    private static final int SAMPLE = 64 * 1024;
    private static final char[] CANDIDATES = {',', ';', '\t', '|'};
    private static final int KEPT_CELL_BYTES = 512;
    private static final Pattern NUMBER = Pattern.compile("[-+]?\\d+([.,]\\d+)?%?");
    private static final Pattern DATE = Pattern.compile("\\d{1,4}[./-]\\d{1,2}[./-]\\d{1,4}([ T].*)?");
    private static final Charset WINDOWS_1251 = Charset.forName("windows-1251");

    private CsvProfiler() {
    }

    /**
     * @param structureNames the declared structure's field names and titles (lower case), which a
     *                       header row would carry
     */
    public static CsvProfile profile(InputStream raw, Set<String> structureNames) throws IOException {
        BufferedInputStream in = new BufferedInputStream(raw, SAMPLE);
        in.mark(SAMPLE);
        byte[] sample = in.readNBytes(SAMPLE);
        in.reset();
        Sniff kind = Sniff.of(sample, Math.min(sample.length, Sniff.HEAD));
        if (kind != Sniff.TEXT && kind != Sniff.JSON && kind != Sniff.XML && kind != Sniff.EMPTY) {
            return new CsvProfile(kind, true, "", ',', false, List.of(), 0, 0, 0, List.of(), List.of());
        }
        char delimiter = delimiter(sample);
        Parser p = new Parser((byte) delimiter);
        byte[] buffer = new byte[64 * 1024];
        int n;
        while ((n = in.read(buffer)) > 0) {
            p.feed(buffer, n);
        }
        p.finish();
        boolean utf8 = p.utf8.valid();
        Charset charset = utf8 ? StandardCharsets.UTF_8 : WINDOWS_1251;
        List<String> first = p.decode(p.firstRow, charset);
        List<String> second = p.decode(p.secondRow, charset);
        boolean header = !first.isEmpty() && looksLikeHeader(first, second, structureNames);
        long rows = Math.max(0, p.records - (header ? 1 : 0));
        int columns = first.size();
        List<Integer> empty = new ArrayList<>();
        if (rows > 0) {
            for (int i = 0; i < columns; i++) {
                boolean filled = p.filled.get(i) || !header && p.firstFilled.get(i);
                if (!filled) {
                    empty.add(i + 1);
                }
            }
        }
        String encoding = utf8 ? "UTF-8" : p.utf8.looksLike1251() ? "Windows-1251" : "невідоме";
        return new CsvProfile(kind, utf8, encoding, delimiter, header, first, columns, rows, p.ragged,
                List.copyOf(p.raggedLines), List.copyOf(empty));
    }

    /** The candidate splitting the sample's lines into the same, largest number of cells. */
    static char delimiter(byte[] sample) {
        int lines = 0;
        int[][] counts = new int[CANDIDATES.length][20];
        boolean quoted = false;
        for (int i = 0; i < sample.length && lines < 20; i++) {
            byte b = sample[i];
            if (b == '"') {
                quoted = !quoted;
            } else if (!quoted && b == '\n') {
                lines++;
            } else if (!quoted) {
                for (int c = 0; c < CANDIDATES.length; c++) {
                    if (b == CANDIDATES[c]) {
                        counts[c][lines]++;
                    }
                }
            }
        }
        int complete = Math.max(1, lines); // the last line of a cut sample may be partial
        char best = ',';
        int bestConsistent = 0;
        int bestCount = 0;
        for (int c = 0; c < CANDIDATES.length; c++) {
            int first = counts[c][0];
            if (first == 0) {
                continue;
            }
            int consistent = 0;
            for (int l = 0; l < complete; l++) {
                if (counts[c][l] == first) {
                    consistent++;
                }
            }
            if (consistent > bestConsistent || consistent == bestConsistent && first > bestCount) {
                best = CANDIDATES[c];
                bestConsistent = consistent;
                bestCount = first;
            }
        }
        return best;
    }

    static boolean looksLikeHeader(List<String> first, List<String> second, Set<String> structureNames) {
        if (!structureNames.isEmpty()) {
            long known = first.stream().map(v -> v.strip().toLowerCase(Locale.ROOT)).filter(structureNames::contains).count();
            if (known * 2 >= Math.min(first.size(), structureNames.size())) {
                return true;
            }
        }
        Set<String> seen = new HashSet<>();
        for (String v : first) {
            String s = v.strip();
            if (s.isEmpty() || NUMBER.matcher(s).matches() || DATE.matcher(s).matches() || !seen.add(s.toLowerCase(Locale.ROOT))) {
                return false;
            }
        }
        // the same text in the first and second row of a column is data repeating, not a column name
        for (int i = 0; i < Math.min(first.size(), second.size()); i++) {
            if (!first.get(i).isBlank() && first.get(i).strip().equals(second.get(i).strip())) {
                return false;
            }
        }
        return true;
    }

    /** The byte-level RFC 4180 reader. */
    private static final class Parser {
        final byte delimiter;
        final Utf8Check utf8 = new Utf8Check();
        final List<ByteArrayOutputStream> firstRow = new ArrayList<>();
        final List<ByteArrayOutputStream> secondRow = new ArrayList<>();
        final BitSetList filled = new BitSetList();
        final BitSetList firstFilled = new BitSetList();
        final List<Long> raggedLines = new ArrayList<>();
        long records;
        long ragged;
        int columns = -1;
        long line = 1;
        long recordLine = 1;
        int field;
        boolean fieldHasContent;
        boolean fieldStarted;
        boolean inQuotes;
        boolean quoteSeen; // a quote inside a quoted field: the end, or the first of an escaped pair
        boolean recordEmpty = true;

        Parser(byte delimiter) {
            this.delimiter = delimiter;
        }

        void feed(byte[] buf, int n) {
            utf8.feed(buf, n);
            for (int i = 0; i < n; i++) {
                byte b = buf[i];
                if (b == '\n') {
                    line++;
                }
                if (inQuotes) {
                    if (quoteSeen) {
                        quoteSeen = false;
                        if (b == '"') {
                            keep(b);
                            continue;
                        }
                        inQuotes = false; // the closing quote; this byte is read outside the quotes
                    } else if (b == '"') {
                        quoteSeen = true;
                        continue;
                    } else {
                        keep(b);
                        continue;
                    }
                }
                if (b == '"' && !fieldStarted) {
                    inQuotes = true;
                    fieldStarted = true;
                    recordEmpty = false;
                } else if (b == delimiter) {
                    endField();
                    recordEmpty = false;
                } else if (b == '\n') {
                    endRecord();
                } else if (b != '\r') {
                    keep(b);
                }
            }
        }

        private void keep(byte b) {
            fieldStarted = true;
            recordEmpty = false;
            if (b != ' ' && b != '\t') {
                fieldHasContent = true;
            }
            List<ByteArrayOutputStream> row = records == 0 ? firstRow : records == 1 ? secondRow : null;
            if (row != null) {
                while (row.size() <= field) {
                    row.add(new ByteArrayOutputStream());
                }
                if (row.get(field).size() < KEPT_CELL_BYTES) {
                    row.get(field).write(b);
                }
            }
        }

        private void endField() {
            List<ByteArrayOutputStream> row = records == 0 ? firstRow : records == 1 ? secondRow : null;
            if (row != null) {
                while (row.size() <= field) {
                    row.add(new ByteArrayOutputStream());
                }
            }
            if (fieldHasContent) {
                (records == 0 ? firstFilled : filled).set(field);
            }
            field++;
            fieldHasContent = false;
            fieldStarted = false;
        }

        private void endRecord() {
            if (recordEmpty) { // a blank line
                field = 0;
                recordLine = line;
                return;
            }
            endField();
            if (records == 0) {
                columns = field;
            } else if (field != columns) {
                ragged++;
                if (raggedLines.size() < 5) {
                    raggedLines.add(recordLine);
                }
            }
            records++;
            field = 0;
            recordEmpty = true;
            recordLine = line;
        }

        void finish() {
            inQuotes = false;
            quoteSeen = false;
            endRecord();
        }

        List<String> decode(List<ByteArrayOutputStream> row, Charset charset) {
            List<String> values = new ArrayList<>(row.size());
            for (ByteArrayOutputStream cell : row) {
                String v = new String(cell.toByteArray(), charset);
                values.add(v.startsWith("\uFEFF") ? v.substring(1) : v);
            }
            return values;
        }
    }

    /** A growable set of column numbers. */
    private static final class BitSetList {
        private boolean[] bits = new boolean[16];

        void set(int i) {
            if (i >= bits.length) {
                bits = Arrays.copyOf(bits, Math.max(i + 1, bits.length * 2));
            }
            bits[i] = true;
        }

        boolean get(int i) {
            return i < bits.length && bits[i];
        }
    }

    /** UTF-8 validity over a stream of bytes, and whether the bytes rather look like Windows-1251. */
    static final class Utf8Check {
        private int expect;
        private boolean valid = true;
        private long high;
        private long cyrillic1251;

        void feed(byte[] buf, int n) {
            for (int i = 0; i < n; i++) {
                int b = buf[i] & 0xFF;
                if (b >= 0x80) {
                    high++;
                    if (b >= 0xC0 || b == 0xA8 || b == 0xB8 || b == 0xAA || b == 0xBA || b == 0xAF || b == 0xBF
                            || b == 0xB2 || b == 0xB3 || b == 0xA5 || b == 0xB4) {
                        cyrillic1251++;
                    }
                }
                if (!valid) {
                    continue;
                }
                if (expect > 0) {
                    if ((b & 0xC0) != 0x80) {
                        valid = false;
                    }
                    expect--;
                } else if (b >= 0x80) {
                    if (b >= 0xC2 && b <= 0xDF) {
                        expect = 1;
                    } else if (b >= 0xE0 && b <= 0xEF) {
                        expect = 2;
                    } else if (b >= 0xF0 && b <= 0xF4) {
                        expect = 3;
                    } else {
                        valid = false;
                    }
                }
            }
        }

        boolean valid() {
            return valid && expect == 0;
        }

        boolean looksLike1251() {
            return high > 0 && cyrillic1251 * 10 >= high * 8;
        }
    }
}
