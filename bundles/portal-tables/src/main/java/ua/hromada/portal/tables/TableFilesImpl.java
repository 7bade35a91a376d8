package ua.hromada.portal.tables;

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
import org.osgi.service.component.annotations.Component;

import ua.hromada.portal.api.table.TableFiles;
import ua.hromada.portal.api.table.TableFormat;
import ua.hromada.portal.api.table.TableLine;
import ua.hromada.portal.api.table.UnreadableTableException;

/** The portal's {@link TableFiles}: Commons CSV and FastExcel (writer and reader), embedded here. */
@Component(service = TableFiles.class)
public class TableFilesImpl implements TableFiles {
    /** Most bytes a workbook's parts may unpack to: the sheets of imports are well under a megabyte. */
    static final long MAX_UNPACKED = 50L * 1024 * 1024;
    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    @Override
    public List<TableLine> read(byte[] content, int maxRows) throws UnreadableTableException {
        try {
            boolean zip = content.length > 3 && content[0] == 'P' && content[1] == 'K';
            return zip ? workbook(content, maxRows) : csv(content, maxRows);
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            throw new UnreadableTableException(String.valueOf(e.getMessage()));
        }
    }

    private static List<TableLine> csv(byte[] content, int maxRows) throws IOException, UnreadableTableException {
        int skip = content.length >= 3 && content[0] == BOM[0] && content[1] == BOM[1] && content[2] == BOM[2] ? 3 : 0;
        String text = new String(content, skip, content.length - skip, StandardCharsets.UTF_8);
        if (text.indexOf('\0') >= 0 || text.indexOf('\uFFFD') >= 0) {
            throw new UnreadableTableException("not UTF-8 text");
        }
        String header = text.lines().findFirst().orElse("");
        long semicolons = header.chars().filter(ch -> ch == ';').count();
        long commas = header.chars().filter(ch -> ch == ',').count();
        CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(semicolons >= commas ? ';' : ',')
                .setIgnoreEmptyLines(true).build();
        List<TableLine> lines = new ArrayList<>();
        for (CSVRecord r : format.parse(new StringReader(text))) {
            lines.add(new TableLine((int) r.getRecordNumber(), r.toList()));
            if (lines.size() > maxRows + 1) {
                break;
            }
        }
        return lines;
    }

    private static List<TableLine> workbook(byte[] content, int maxRows) throws IOException, UnreadableTableException {
        checkUnpackedSize(content);
        List<TableLine> lines = new ArrayList<>();
        try (ReadableWorkbook book = new ReadableWorkbook(new ByteArrayInputStream(content))) {
            Sheet sheet = book.getFirstSheet();
            if (sheet == null) {
                throw new UnreadableTableException("a workbook without sheets");
            }
            try (Stream<Row> rows = sheet.openStream()) {
                for (Row row : (Iterable<Row>) rows::iterator) {
                    List<String> cells = new ArrayList<>();
                    for (int i = 0; i < row.getCellCount(); i++) {
                        cells.add(text(row.getCell(i)));
                    }
                    if (cells.stream().anyMatch(v -> v != null && !v.isBlank())) {
                        lines.add(new TableLine(row.getRowNum(), cells));
                    }
                    if (lines.size() > maxRows + 1) {
                        break;
                    }
                }
            }
        }
        return lines;
    }

    /**
     * Unpacks every part once, counting, before the reader keeps any in memory (it holds the shared
     * strings): a few packed megabytes must not become gigabytes. A temporary copy is read by its
     * central directory, as a workbook's parts may end with size records a streaming reader cannot walk.
     */
    private static void checkUnpackedSize(byte[] content) throws IOException, UnreadableTableException {
        Path copy = Files.createTempFile("hromada-table-", ".xlsx");
        try {
            Files.write(copy, content);
            long total = 0;
            byte[] buffer = new byte[64 * 1024];
            try (ZipFile zip = new ZipFile(copy.toFile())) {
                for (ZipEntry part : Collections.list(zip.entries())) {
                    try (InputStream in = zip.getInputStream(part)) {
                        for (int n = in.read(buffer); n > 0; n = in.read(buffer)) {
                            total += n;
                            if (total > MAX_UNPACKED) {
                                throw new UnreadableTableException("unpacks to more than " + MAX_UNPACKED + " bytes");
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

    @Override
    public byte[] write(TableFormat format, String sheetName, List<String> header, List<List<String>> rows) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            if (format == TableFormat.XLSX) {
                xlsx(out, sheetName, header, rows);
            } else {
                csv(out, header, rows);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static void csv(ByteArrayOutputStream out, List<String> header, List<List<String>> rows)
            throws IOException {
        // a BOM so that spreadsheet programs read the Cyrillic as UTF-8; ";" as they expect in Ukraine
        out.write(BOM);
        try (Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
                CSVPrinter printer = new CSVPrinter(writer, CSVFormat.DEFAULT.builder().setDelimiter(';').build())) {
            printer.printRecord(header);
            for (List<String> row : rows) {
                printer.printRecord(row);
            }
        }
    }

    private static void xlsx(ByteArrayOutputStream out, String sheetName, List<String> header,
            List<List<String>> rows) throws IOException {
        Workbook book = new Workbook(out, "Hromada", "1.0");
        Worksheet sheet = book.newWorksheet(sheetName);
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
        if (!header.isEmpty()) {
            sheet.range(0, 0, 0, header.size() - 1).style().bold().set();
        }
        book.finish();
    }
}
