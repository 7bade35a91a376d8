package ua.hromada.portal.tables;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.junit.jupiter.api.Test;

import ua.hromada.portal.api.table.TableFormat;
import ua.hromada.portal.api.table.TableLine;
import ua.hromada.portal.api.table.UnreadableTableException;

/** The reading and writing rules of table files, once for every module that imports or exports them. */
class TableFilesImplTest {
    private final TableFilesImpl tables = new TableFilesImpl();

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void csvWithBomAndSemicolonsKeepsItsLineNumbersAndSkipsEmptyLines() throws Exception {
        byte[] text = utf8("code;name;note\nA-1;\"Перша; з крапкою з комою\";  \n\nA-2;Друга\n");
        byte[] withBom = new byte[text.length + 3];
        System.arraycopy(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, 0, withBom, 0, 3);
        System.arraycopy(text, 0, withBom, 3, text.length);
        List<TableLine> lines = tables.read(withBom, 10);
        assertEquals(3, lines.size());
        assertEquals(List.of("code", "name", "note"), lines.get(0).cells());
        assertEquals(1, lines.get(0).number());
        assertEquals("Перша; з крапкою з комою", lines.get(1).cell(1));
        assertNull(lines.get(1).cell(2), "a blank cell is absent");
        assertNull(lines.get(2).cell(2), "a missing cell is absent");
        assertNull(lines.get(2).cell(-1));
        assertEquals(3, lines.get(2).number(), "record numbers, the empty line not counted");
    }

    @Test
    void theHeaderChoosesCommasWhenItHasMoreOfThem() throws Exception {
        List<TableLine> lines = tables.read(utf8("code,name,url\n x ,\"a, b\",https://a.example/?q=1;2\n"), 10);
        assertEquals(3, lines.get(0).cells().size());
        assertEquals("x", lines.get(1).cell(0), "trimmed");
        assertEquals("a, b", lines.get(1).cell(1));
        assertEquals("https://a.example/?q=1;2", lines.get(1).cell(2));
    }

    @Test
    void textThatIsNotUtf8IsUnreadable() {
        assertThrows(UnreadableTableException.class,
                () -> tables.read("code;name\nA;Перша\n".getBytes(java.nio.charset.Charset.forName("windows-1251")), 10));
        assertThrows(UnreadableTableException.class, () -> tables.read(new byte[] {'a', 0, 'b', '\n'}, 10));
    }

    @Test
    void readingStopsOneRowAfterTheLimitSoTheCallerSeesTooMany() throws Exception {
        StringBuilder csv = new StringBuilder("code;name\n");
        List<List<String>> rows = new ArrayList<>();
        for (int i = 1; i <= 10; i++) {
            csv.append("A-").append(i).append(";Назва\n");
            rows.add(List.of("A-" + i, "Назва"));
        }
        assertEquals(11, tables.read(utf8(csv.toString()), 10).size(), "exactly the limit: all of it");
        assertEquals(6, tables.read(utf8(csv.toString()), 4).size(), "header, 4 rows and one more");
        byte[] workbook = tables.write(TableFormat.XLSX, "Аркуш", List.of("code", "name"), rows);
        assertEquals(11, tables.read(workbook, 10).size());
        assertEquals(6, tables.read(workbook, 4).size());
    }

    @Test
    void aWorkbookIsReadFromItsFirstSheetAsTyped() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Workbook book = new Workbook(out, "Test", "1.0");
        Worksheet first = book.newWorksheet("Перший");
        first.value(0, 0, "code");
        first.value(0, 1, "term_days");
        first.value(0, 2, "fee");
        first.value(1, 0, "A-1");
        first.value(1, 1, 25);
        first.value(1, 2, new BigDecimal("120.50"));
        // row 3 (index 2) left empty; row 4 holds only blanks
        first.value(3, 0, "   ");
        first.value(4, 0, "A-2");
        first.value(4, 1, 3.0);
        book.newWorksheet("Другий").value(0, 0, "other");
        book.finish();

        List<TableLine> lines = tables.read(out.toByteArray(), 10);
        assertEquals(List.of(1, 2, 5), lines.stream().map(TableLine::number).toList(), "blank rows left out");
        assertEquals(List.of("code", "term_days", "fee"), lines.get(0).cells());
        assertEquals(List.of("A-1", "25", "120.5"), lines.get(1).cells());
        assertEquals("3", lines.get(2).cell(1), "no trailing .0");
        assertNull(lines.get(2).cell(2));
    }

    @Test
    void brokenWorkbooksAndZipBombsAreUnreadable() throws Exception {
        assertThrows(UnreadableTableException.class, () -> tables.read(new byte[] {'P', 'K', 3, 4, 0, 0, 0}, 10));
        assertThrows(UnreadableTableException.class,
                () -> tables.read("PK\u0003\u0004 broken".getBytes(StandardCharsets.ISO_8859_1), 10));
        byte[] workbook = tables.write(TableFormat.XLSX, "Сервіси", List.of("code"), List.of(List.of("a")));
        assertEquals(2, tables.read(workbook, 10).size());
        UnreadableTableException e = assertThrows(UnreadableTableException.class,
                () -> tables.read(withPadding(workbook, 60), 10));
        assertTrue(e.getMessage().contains("unpacks to more than"), e.getMessage());
    }

    /** The workbook's parts and one more that unpacks to {@code megabytes} of zeros (a few kilobytes packed). */
    private static byte[] withPadding(byte[] workbook, int megabytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Map.Entry<String, byte[]> part : parts(workbook).entrySet()) {
                zip.putNextEntry(new ZipEntry(part.getKey()));
                zip.write(part.getValue());
                zip.closeEntry();
            }
            zip.putNextEntry(new ZipEntry("xl/media/padding.bin"));
            byte[] zeros = new byte[1024 * 1024];
            for (int i = 0; i < megabytes; i++) {
                zip.write(zeros);
            }
            zip.closeEntry();
        }
        return out.toByteArray();
    }

    /** The parts of a workbook, read by its central directory (its parts may end with size records). */
    private static Map<String, byte[]> parts(byte[] workbook) throws IOException {
        Path copy = Files.createTempFile("table-test-", ".xlsx");
        try {
            Files.write(copy, workbook);
            Map<String, byte[]> out = new LinkedHashMap<>();
            try (ZipFile zip = new ZipFile(copy.toFile())) {
                for (ZipEntry e : Collections.list(zip.entries())) {
                    try (InputStream in = zip.getInputStream(e)) {
                        out.put(e.getName(), in.readAllBytes());
                    }
                }
            }
            return out;
        } finally {
            Files.deleteIfExists(copy);
        }
    }

    @Test
    void csvIsWrittenWithABomAndSemicolonsForSpreadsheetPrograms() throws Exception {
        byte[] file = tables.write(TableFormat.CSV, "ignored", List.of("code", "name"),
                List.of(Arrays.asList("A-1", "Перша; друга"), Arrays.asList("A-2", null)));
        assertArrayEquals(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, Arrays.copyOf(file, 3));
        assertEquals("code;name\r\nA-1;\"Перша; друга\"\r\nA-2;\r\n",
                new String(file, 3, file.length - 3, StandardCharsets.UTF_8));
        List<TableLine> back = tables.read(file, 10);
        assertEquals("Перша; друга", back.get(1).cell(1));
        assertNull(back.get(2).cell(1));
    }

    @Test
    void xlsxIsWrittenAsOneNamedSheetWithABoldHeader() throws Exception {
        byte[] file = tables.write(TableFormat.XLSX, "Інформаційні картки", List.of("code", "name"),
                List.of(Arrays.asList("A-1", null), List.of("A-2", "Друга")));
        try (ReadableWorkbook book = new ReadableWorkbook(new ByteArrayInputStream(file))) {
            assertEquals(List.of("Інформаційні картки"), book.getSheets().map(s -> s.getName()).toList());
        }
        String styles = new String(parts(file).get("xl/styles.xml"), StandardCharsets.UTF_8);
        assertTrue(styles.contains("<b/>") || styles.contains("<b val=\"true\"/>"), styles);
        List<TableLine> back = tables.read(file, 10);
        assertEquals(List.of(List.of("code", "name"), List.of("A-1"), List.of("A-2", "Друга")),
                back.stream().map(TableLine::cells).toList(), "a null cell is not written");
        assertNull(back.get(1).cell(1));
        assertEquals("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", TableFormat.XLSX.mediaType());
        assertEquals("csv", TableFormat.CSV.extension());
    }
}
