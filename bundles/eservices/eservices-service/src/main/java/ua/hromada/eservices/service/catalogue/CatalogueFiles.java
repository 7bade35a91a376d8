package ua.hromada.eservices.service.catalogue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;

import ua.hromada.eservices.api.TransferFormat;

/**
 * The catalogue's table as a file: rows of text cells read from a CSV (UTF-8, a BOM dropped, ";" or
 * "," between cells) or the first sheet of an XLSX workbook, and written the same way.
 */
final class CatalogueFiles {
    /** Most data rows an import reads; a catalogue has dozens. */
    static final int MAX_ROWS = 2000;
    /** Most bytes a workbook may unpack to: a catalogue's sheet is well under a megabyte. */
    static final long MAX_UNPACKED = 50L * 1024 * 1024;
    /** The sheet name of an export. */
    static final String SHEET = "Сервіси";

    /** One line of the file: its number as a spreadsheet shows it (the header is 1) and its cells. */
    record Line(int number, List<String> cells) {
        String cell(int index) {
            if (index < 0 || index >= cells.size() || cells.get(index) == null) {
                return null;
            }
            String value = cells.get(index).strip();
            return value.isEmpty() ? null : value;
        }

        boolean blank() {
            return cells.stream().allMatch(c -> c == null || c.isBlank());
        }
    }

    /** A file that is not a table of the kind expected. */
    static final class Unreadable extends Exception {
        private static final long serialVersionUID = 1L;

        Unreadable(String reason) {
            super(reason);
        }
    }

    private CatalogueFiles() {
    }

    /** The lines of the file, the header first; at most {@link #MAX_ROWS} + 1 of them. */
    static List<Line> read(String fileName, byte[] content) throws Unreadable {
        boolean zip = content.length > 3 && content[0] == 'P' && content[1] == 'K';
        String name = fileName == null ? "" : fileName.toLowerCase(java.util.Locale.ROOT);
        try {
            if (zip) {
                return xlsx(content);
            }
            if (name.endsWith(".xlsx") || name.endsWith(".xls")) {
                throw new Unreadable("not an XLSX workbook");
            }
            return csv(content);
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            throw new Unreadable(String.valueOf(e.getMessage()));
        }
    }

    private static List<Line> csv(byte[] content) throws IOException, Unreadable {
        int skip = content.length >= 3 && (content[0] & 0xFF) == 0xEF && (content[1] & 0xFF) == 0xBB
                && (content[2] & 0xFF) == 0xBF ? 3 : 0;
        String text = new String(content, skip, content.length - skip, StandardCharsets.UTF_8);
        if (text.indexOf('\0') >= 0 || text.indexOf('\uFFFD') >= 0) {
            throw new Unreadable("not UTF-8 text");
        }
        String first = text.lines().findFirst().orElse("");
        char delimiter = first.chars().filter(ch -> ch == ';').count() >= first.chars().filter(ch -> ch == ',').count()
                ? ';' : ',';
        List<Line> lines = new ArrayList<>();
        try (Reader reader = new java.io.StringReader(text)) {
            Iterator<CSVRecord> records = CSVFormat.DEFAULT.builder().setDelimiter(delimiter).setIgnoreEmptyLines(true)
                    .build().parse(reader).iterator();
            while (records.hasNext() && lines.size() <= MAX_ROWS + 1) {
                CSVRecord r = records.next();
                lines.add(new Line((int) r.getRecordNumber(), r.toList()));
            }
        }
        return lines;
    }

    private static List<Line> xlsx(byte[] content) throws IOException, Unreadable {
        refuseBomb(content);
        List<Line> lines = new ArrayList<>();
        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(content))) {
            Optional<Sheet> sheet = Optional.ofNullable(workbook.getFirstSheet());
            if (sheet.isEmpty()) {
                throw new Unreadable("a workbook without sheets");
            }
            try (Stream<Row> rows = sheet.get().openStream()) {
                Iterator<Row> it = rows.iterator();
                while (it.hasNext() && lines.size() <= MAX_ROWS + 1) {
                    Row row = it.next();
                    List<String> cells = new ArrayList<>();
                    for (int i = 0; i < row.getCellCount(); i++) {
                        cells.add(text(row.getCell(i)));
                    }
                    Line line = new Line(row.getRowNum(), cells);
                    if (!line.blank()) {
                        lines.add(line);
                    }
                }
            }
        }
        return lines;
    }

    /**
     * Unpacks the workbook's parts once, counting, before the reader holds any of them (its shared
     * strings are kept in memory): a few compressed megabytes must not become gigabytes. Through
     * the central directory of a temporary copy: workbooks' parts may carry trailing size records
     * that a streaming ZIP reader cannot walk.
     */
    private static void refuseBomb(byte[] content) throws IOException, Unreadable {
        Path copy = Files.createTempFile("hromada-eservices-import-", ".xlsx");
        try {
            Files.write(copy, content);
            long total = 0;
            byte[] buffer = new byte[64 * 1024];
            try (ZipFile zip = new ZipFile(copy.toFile())) {
                for (ZipEntry entry : Collections.list(zip.entries())) {
                    try (InputStream part = zip.getInputStream(entry)) {
                        for (int n = part.read(buffer); n > 0; n = part.read(buffer)) {
                            total += n;
                            if (total > MAX_UNPACKED) {
                                throw new Unreadable("unpacks to more than " + MAX_UNPACKED + " bytes");
                            }
                        }
                    }
                }
            }
        } finally {
            Files.deleteIfExists(copy);
        }
    }

    /** A cell as the person typed it: numbers without a trailing ".0", formulas by their cached value. */
    private static String text(Cell cell) {
        if (cell == null) {
            return null;
        }
        return switch (cell.getType()) {
            case NUMBER -> cell.asNumber().stripTrailingZeros().toPlainString();
            case EMPTY, ERROR -> null;
            case FORMULA -> cell.getRawValue();
            default -> cell.getText();
        };
    }

    /** The header and rows as a file of the format. */
    static byte[] write(TransferFormat format, String[] header, List<List<String>> rows) {
        try {
            return format == TransferFormat.XLSX ? xlsx(header, rows) : csv(header, rows);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] csv(String[] header, List<List<String>> rows) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        // a BOM so that spreadsheet programs read the Cyrillic as UTF-8; ";" as they expect in Ukraine
        out.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        try (Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
                CSVPrinter printer = new CSVPrinter(writer, CSVFormat.DEFAULT.builder().setDelimiter(';').build())) {
            printer.printRecord((Object[]) header);
            for (List<String> row : rows) {
                printer.printRecord(row);
            }
        }
        return out.toByteArray();
    }

    private static byte[] xlsx(String[] header, List<List<String>> rows) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Workbook workbook = new Workbook(out, "Hromada", "1.0");
        Worksheet sheet = workbook.newWorksheet(SHEET);
        for (int col = 0; col < header.length; col++) {
            sheet.value(0, col, header[col]);
            sheet.style(0, col).bold().set();
        }
        for (int r = 0; r < rows.size(); r++) {
            List<String> row = rows.get(r);
            for (int col = 0; col < row.size(); col++) {
                if (row.get(col) != null) {
                    sheet.value(r + 1, col, row.get(col));
                }
            }
        }
        workbook.finish();
        return out.toByteArray();
    }
}
