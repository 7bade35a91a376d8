package ua.hromada.opendata.service;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;

/**
 * Reads the tables of an import file: a CSV (UTF-8 with or without BOM, Windows-1251 as a
 * fallback; ";", "," or tab detected), an XLSX workbook (every sheet), or the ZIP of CSV files the
 * CSV export writes. Cells are Strings, or BigDecimals for numeric XLSX cells (dates, codes).
 */
final class Tables {
    static final String DATASETS_SHEET = "Набори даних";
    static final String MANAGERS_SHEET = "Розпорядники";
    static final String RESOURCES_SHEET = "Ресурси";
    static final String DATASETS_CSV = "datasets.csv";
    static final String MANAGERS_CSV = "managers.csv";
    static final String RESOURCES_CSV = "resources.csv";

    /** One table: its header row and data rows (numbered as in the file, the header being 1). */
    record Table(List<String> headers, List<Line> lines) {
    }

    record Line(int number, List<Object> cells) {
        Object cell(int i) {
            return i >= 0 && i < cells.size() ? cells.get(i) : null;
        }
    }

    /** Thrown for files that are not tables at all. */
    static class NotATable extends Exception {
        NotATable(String message) {
            super(message);
        }
    }

    /** A workbook or ZIP that unpacks to more than {@link #MAX_UNPACKED} or compresses like a bomb. */
    static final class TooLarge extends NotATable {
        TooLarge(String message) {
            super(message);
        }
    }

    /** Most bytes an import's ZIP or XLSX may unpack to: its rows are all held for the preview. */
    static final long MAX_UNPACKED = 100L * 1024 * 1024;
    /** Highest compression ratio of a part over 1 MB; worksheets compress about 10:1, a ZIP bomb 1000:1. */
    static final int MAX_RATIO = 100;

    private Tables() {
    }

    /**
     * Reads through every part of the archive (from a temporary file, through its central
     * directory, as a workbook's parts may carry data descriptors) counting what it unpacks to,
     * before a parser holds any of it: a ZIP bomb is refused after at most MAX_UNPACKED bytes.
     */
    static void checkUnpackedSize(byte[] content) throws IOException, NotATable {
        java.nio.file.Path tmp = java.nio.file.Files.createTempFile("hromada-import-", ".zip");
        try {
            java.nio.file.Files.write(tmp, content);
            long total = 0;
            byte[] buf = new byte[64 * 1024];
            try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(tmp.toFile())) {
                for (ZipEntry e : java.util.Collections.list(zip.entries())) {
                    long size = 0;
                    long compressed = Math.max(1, e.getCompressedSize());
                    try (java.io.InputStream in = zip.getInputStream(e)) {
                        int n;
                        while ((n = in.read(buf)) > 0) {
                            size += n;
                            total += n;
                            if (total > MAX_UNPACKED || size > 1024 * 1024 && size / compressed > MAX_RATIO) {
                                throw new TooLarge(e.getName() + " unpacks to more than allowed");
                            }
                        }
                    }
                }
            }
        } finally {
            java.nio.file.Files.deleteIfExists(tmp);
        }
    }

    /** The tables of the file by name (sheet name, or "datasets.csv" for a lone CSV). */
    static Map<String, Table> read(String fileName, byte[] content) throws NotATable {
        String name = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
        try {
            if (zip(content)) {
                checkUnpackedSize(content);
                // the entry names are plain bytes in the ZIP's headers; a workbook's parts may use data
                // descriptors that ZipInputStream cannot walk, so the names are not read through it
                if (containsAscii(content, "xl/workbook.xml")) {
                    return xlsx(content);
                }
                if (entries(content).contains(DATASETS_CSV)) {
                    return csvZip(content);
                }
                throw new NotATable("ZIP without xl/workbook.xml or " + DATASETS_CSV);
            }
            if (name.endsWith(".xlsx") || name.endsWith(".xls") || ReadableWorkbook.isOLE2Header(content)) {
                throw new NotATable("not an XLSX workbook");
            }
            Map<String, Table> out = new LinkedHashMap<>();
            out.put(DATASETS_CSV, csv(content));
            return out;
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            throw new NotATable(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        }
    }

    private static boolean zip(byte[] b) {
        return b.length >= 4 && b[0] == 'P' && b[1] == 'K' && b[2] == 3 && b[3] == 4;
    }

    private static boolean containsAscii(byte[] content, String text) {
        byte[] needle = text.getBytes(StandardCharsets.US_ASCII);
        outer:
        for (int i = 0; i <= content.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (content[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    private static List<String> entries(byte[] content) throws IOException {
        List<String> out = new ArrayList<>();
        try (ZipInputStream zin = new ZipInputStream(new ByteArrayInputStream(content))) {
            for (ZipEntry e = zin.getNextEntry(); e != null; e = zin.getNextEntry()) {
                out.add(e.getName());
            }
        }
        return out;
    }

    private static Map<String, Table> csvZip(byte[] content) throws IOException, NotATable {
        Map<String, Table> out = new LinkedHashMap<>();
        try (ZipInputStream zin = new ZipInputStream(new ByteArrayInputStream(content))) {
            for (ZipEntry e = zin.getNextEntry(); e != null; e = zin.getNextEntry()) {
                if (e.getName().endsWith(".csv")) {
                    out.put(e.getName(), csv(zin.readAllBytes()));
                }
            }
        }
        return out;
    }

    static Table csv(byte[] content) throws IOException, NotATable {
        String text = decode(content);
        if (text.indexOf('\0') >= 0) {
            throw new NotATable("binary content");
        }
        char delimiter = delimiter(text);
        CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(delimiter).setIgnoreSurroundingSpaces(false)
                .setIgnoreEmptyLines(true).build();
        List<String> headers = null;
        List<Line> lines = new ArrayList<>();
        try (CSVParser parser = CSVParser.parse(new StringReader(text), format)) {
            for (CSVRecord r : parser) {
                List<Object> cells = new ArrayList<>(r.size());
                r.forEach(cells::add);
                if (headers == null) {
                    headers = cells.stream().map(Object::toString).toList();
                } else {
                    lines.add(new Line((int) r.getRecordNumber(), cells));
                }
            }
        }
        return new Table(headers == null ? List.of() : headers, lines);
    }

    /** UTF-8 (a BOM dropped); a file that is not valid UTF-8 is read as Windows-1251, the usual older export. */
    private static String decode(byte[] content) {
        int start = content.length >= 3 && (content[0] & 0xFF) == 0xEF && (content[1] & 0xFF) == 0xBB
                && (content[2] & 0xFF) == 0xBF ? 3 : 0;
        ByteBuffer bytes = ByteBuffer.wrap(content, start, content.length - start);
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(bytes).toString();
        } catch (CharacterCodingException e) {
            return new String(content, start, content.length - start, Charset.forName("windows-1251"));
        }
    }

    /** The most frequent of ";", "," and tab in the header line (outside quotes); ";" on a tie. */
    static char delimiter(String text) {
        int semicolons = 0;
        int commas = 0;
        int tabs = 0;
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (ch == '"') {
                quoted = !quoted;
            } else if (!quoted && (ch == '\n' || ch == '\r')) {
                break;
            } else if (!quoted && ch == ';') {
                semicolons++;
            } else if (!quoted && ch == ',') {
                commas++;
            } else if (!quoted && ch == '\t') {
                tabs++;
            }
        }
        if (tabs > semicolons && tabs > commas) {
            return '\t';
        }
        return commas > semicolons ? ',' : ';';
    }

    private static Map<String, Table> xlsx(byte[] content) throws IOException {
        Map<String, Table> out = new LinkedHashMap<>();
        try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(content))) {
            for (Sheet sheet : wb.getSheets().toList()) {
                List<String> headers = null;
                List<Line> lines = new ArrayList<>();
                try (Stream<Row> rows = sheet.openStream()) {
                    for (Row row : (Iterable<Row>) rows::iterator) {
                        List<Object> cells = new ArrayList<>();
                        for (int i = 0; i < row.getCellCount(); i++) {
                            cells.add(value(row.getCell(i)));
                        }
                        if (headers == null) {
                            if (cells.stream().allMatch(c -> c == null || c.toString().isBlank())) {
                                continue;
                            }
                            headers = cells.stream().map(c -> c == null ? "" : c.toString()).toList();
                        } else {
                            lines.add(new Line(row.getRowNum(), cells));
                        }
                    }
                }
                out.put(sheet.getName(), new Table(headers == null ? List.of() : headers, lines));
            }
        }
        return out;
    }

    private static Object value(Cell cell) {
        if (cell == null) {
            return null;
        }
        CellType type = cell.getType();
        if (type == CellType.NUMBER) {
            return cell.asNumber();
        }
        if (type == CellType.BOOLEAN) {
            return Boolean.TRUE.equals(cell.asBoolean()) ? "так" : "ні";
        }
        if (type == CellType.EMPTY || type == CellType.ERROR) {
            return null;
        }
        if (type == CellType.FORMULA) {
            String raw = cell.getRawValue();
            if (raw != null && raw.matches("-?[0-9]+(\\.[0-9]+)?")) {
                return new BigDecimal(raw);
            }
            return raw;
        }
        return cell.getText();
    }

    /** Writes CSV text UTF-8 with a BOM (so spreadsheet programs read Cyrillic right). */
    static byte[] utf8WithBom(String text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(text.length() * 2 + 3);
        out.write(0xEF);
        out.write(0xBB);
        out.write(0xBF);
        out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }
}
