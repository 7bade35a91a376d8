package ua.hromada.crm.service.cards;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
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

import ua.hromada.crm.api.CardFileFormat;

/**
 * The cards' table as a file: text cells read from a CSV (UTF-8, a BOM dropped, ";" or "," between
 * cells) or the first sheet of an XLSX workbook, and written the same way.
 */
final class CardFiles {
    /** Most data rows an import reads: a centre has hundreds of services (406 for a city). */
    static final int MAX_ROWS = 2000;
    /** Most bytes a workbook's parts may unpack to. */
    static final long MAX_UNPACKED = 50L * 1024 * 1024;
    static final String SHEET = "Інформаційні картки";

    /** A line of the file: its number as a spreadsheet shows it (the header is 1) and its cells. */
    record Line(int number, List<String> cells) {
        /** The cell, trimmed; null when absent or blank. */
        String cell(int index) {
            String v = index >= 0 && index < cells.size() ? cells.get(index) : null;
            return v == null || v.isBlank() ? null : v.strip();
        }
    }

    /** The file cannot be read as a table. */
    static final class Unreadable extends Exception {
        private static final long serialVersionUID = 1L;

        Unreadable(String why) {
            super(why);
        }
    }

    private CardFiles() {
    }

    /** The lines of the file, the header first; at most {@link #MAX_ROWS} + 2 (the caller refuses more). */
    static List<Line> read(byte[] content) throws Unreadable {
        try {
            boolean zip = content.length > 3 && content[0] == 'P' && content[1] == 'K';
            return zip ? workbook(content) : csv(content);
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            throw new Unreadable(String.valueOf(e.getMessage()));
        }
    }

    private static List<Line> csv(byte[] content) throws IOException, Unreadable {
        boolean bom = content.length >= 3 && (content[0] & 0xFF) == 0xEF && (content[1] & 0xFF) == 0xBB
                && (content[2] & 0xFF) == 0xBF;
        String text = bom ? new String(content, 3, content.length - 3, StandardCharsets.UTF_8)
                : new String(content, StandardCharsets.UTF_8);
        if (text.indexOf('\0') >= 0 || text.indexOf('\uFFFD') >= 0) {
            throw new Unreadable("not UTF-8 text");
        }
        String header = text.lines().findFirst().orElse("");
        long semicolons = header.chars().filter(ch -> ch == ';').count();
        long commas = header.chars().filter(ch -> ch == ',').count();
        CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(semicolons >= commas ? ';' : ',')
                .setIgnoreEmptyLines(true).build();
        List<Line> lines = new ArrayList<>();
        for (CSVRecord r : format.parse(new StringReader(text))) {
            lines.add(new Line((int) r.getRecordNumber(), r.toList()));
            if (lines.size() > MAX_ROWS + 1) {
                break;
            }
        }
        return lines;
    }

    private static List<Line> workbook(byte[] content) throws IOException, Unreadable {
        checkUnpackedSize(content);
        List<Line> lines = new ArrayList<>();
        try (ReadableWorkbook book = new ReadableWorkbook(new ByteArrayInputStream(content))) {
            Sheet sheet = book.getFirstSheet();
            if (sheet == null) {
                throw new Unreadable("no sheet");
            }
            try (Stream<Row> rows = sheet.openStream()) {
                for (Row row : (Iterable<Row>) rows::iterator) {
                    List<String> cells = new ArrayList<>();
                    row.forEach(cell -> cells.add(text(cell)));
                    if (cells.stream().anyMatch(v -> v != null && !v.isBlank())) {
                        lines.add(new Line(row.getRowNum(), cells));
                    }
                    if (lines.size() > MAX_ROWS + 1) {
                        break;
                    }
                }
            }
        }
        return lines;
    }

    /**
     * Unpacks every part once, counting, before the reader keeps any in memory: a few packed
     * megabytes must not become gigabytes. A temporary copy is read by its central directory, as a
     * workbook's parts may end with size records a streaming reader cannot walk.
     */
    private static void checkUnpackedSize(byte[] content) throws IOException, Unreadable {
        Path copy = Files.createTempFile("hromada-crm-cards-", ".xlsx");
        try {
            Files.write(copy, content);
            long total = 0;
            byte[] buffer = new byte[65536];
            try (ZipFile zip = new ZipFile(copy.toFile())) {
                for (ZipEntry part : Collections.list(zip.entries())) {
                    try (InputStream in = zip.getInputStream(part)) {
                        int n;
                        while ((n = in.read(buffer)) > 0) {
                            total += n;
                            if (total > MAX_UNPACKED) {
                                throw new Unreadable("too large unpacked");
                            }
                        }
                    }
                }
            }
        } finally {
            Files.deleteIfExists(copy);
        }
    }

    /** A cell as typed: numbers without a trailing ".0", formulas by their cached value. */
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

    static byte[] write(CardFileFormat format, List<String> header, List<List<String>> rows) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            if (format == CardFileFormat.XLSX) {
                Workbook book = new Workbook(out, "Hromada", "1.0");
                Worksheet sheet = book.newWorksheet(SHEET);
                List<List<String>> all = new ArrayList<>();
                all.add(header);
                all.addAll(rows);
                for (int r = 0; r < all.size(); r++) {
                    for (int col = 0; col < all.get(r).size(); col++) {
                        String value = all.get(r).get(col);
                        if (value != null) {
                            sheet.value(r, col, value);
                        }
                    }
                }
                sheet.range(0, 0, 0, header.size() - 1).style().bold().set();
                book.finish();
            } else {
                // a BOM so that spreadsheet programs read the Cyrillic as UTF-8; ";" as they expect here
                out.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
                try (Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
                        CSVPrinter printer = new CSVPrinter(writer, CSVFormat.DEFAULT.builder().setDelimiter(';').build())) {
                    printer.printRecord(header);
                    for (List<String> row : rows) {
                        printer.printRecord(row);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
