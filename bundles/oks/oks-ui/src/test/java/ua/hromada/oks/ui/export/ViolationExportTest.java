package ua.hromada.oks.ui.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;
import org.junit.jupiter.api.Test;

import ua.hromada.oks.api.ActionKind;
import ua.hromada.oks.api.ExecutorOrganisation;
import ua.hromada.oks.api.ResponsibleGroup;
import ua.hromada.oks.api.StatusGroup;
import ua.hromada.oks.api.Urgency;
import ua.hromada.oks.api.Violation;
import ua.hromada.oks.api.ViolationType;
import ua.hromada.oks.api.WorkflowAction;

class ViolationExportTest {

    private static final ZoneId KYIV = ZoneId.of("Europe/Kyiv");
    /** Stands in for the resource bundle: the Ukrainian texts of the keys the export uses. */
    private static final Function<String, String> TEXT = key -> switch (key) {
        case "oks.ui.col.id" -> "ID";
        case "oks.ui.col.created" -> "Створено";
        case "oks.ui.col.deadline" -> "Термін";
        case "oks.group.SENT" -> "Направлено";
        case "oks.ui.yes" -> "так";
        case "oks.ui.no" -> "ні";
        case "oks.urgency.NORMAL" -> "Звичайна";
        default -> key;
    };
    private static final ViolationType TREES = new ViolationType(3, "trees", "Дерева", null, true);
    private static final WorkflowAction SENT = new WorkflowAction(ActionKind.SENT, 2, "Направлено виконавцю",
            StatusGroup.SENT, ResponsibleGroup.EXECUTORS);
    private static final ExecutorOrganisation DECOR = new ExecutorOrganisation(5, "КП «Декоративні культури»",
            null, null, true, List.of());

    private static Violation violation(long id, String description, boolean overdue) {
        return new Violation(id, "inspector1", "ОКС Тестувальник", Instant.parse("2026-05-08T16:13:00Z"),
                LocalDate.of(2026, 5, 22), TREES, description, "вул. Юліана Матвійчука, 139, кв. 31", 49.5937,
                34.5407, Urgency.NORMAL, DECOR, null, null, SENT, Instant.parse("2026-05-08T16:13:00Z"), overdue);
    }

    private static ViolationExport.PageSource listOf(List<Violation> all, List<Integer> calls) {
        return (offset, limit) -> {
            calls.add(offset);
            return all.subList(Math.min(offset, all.size()), Math.min(offset + limit, all.size()));
        };
    }

    @Test
    void csvIsUtf8WithBomAndQuotesPerRfc4180() throws Exception {
        List<Violation> rows = List.of(violation(26, "Спилили одне дерево, \"друге\" залишили\nпотрібна перевірка", true));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new ViolationExport(TEXT, KYIV).writeCsv(listOf(rows, new ArrayList<>()), out);
        byte[] bytes = out.toByteArray();
        assertEquals(0xEF, bytes[0] & 0xFF);
        assertEquals(0xBB, bytes[1] & 0xFF);
        assertEquals(0xBF, bytes[2] & 0xFF);
        String csv = new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
        assertTrue(csv.startsWith("ID,Створено,"), csv);
        assertTrue(csv.contains("\r\n26,2026-05-08 19:13,Дерева,\"вул. Юліана Матвійчука, 139, кв. 31\","
                + "\"Спилили одне дерево, \"\"друге\"\" залишили\nпотрібна перевірка\",2-2 Направлено виконавцю,"
                + "Направлено,КП «Декоративні культури»,2026-05-22,так,ОКС Тестувальник,Звичайна,49.593700,34.540700\r\n"), csv);
    }

    @Test
    void csvFieldsWithoutSpecialCharactersStayBare() {
        assertEquals("Дерева", ViolationExport.csvField("Дерева"));
        assertEquals("", ViolationExport.csvField(null));
        assertEquals("\"a\"\"b\"", ViolationExport.csvField("a\"b"));
        assertEquals("\"a\rb\"", ViolationExport.csvField("a\rb"));
    }

    @Test
    void xlsxHasTypedCellsAndEveryRowOfEveryPage() throws Exception {
        List<Violation> all = new ArrayList<>();
        for (int i = 1; i <= 1203; i++) {
            all.add(violation(i, "Опис " + i, i % 2 == 0));
        }
        List<Integer> calls = new ArrayList<>();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new ViolationExport(TEXT, KYIV).writeXlsx(listOf(all, calls), out);
        assertEquals(List.of(0, 500, 1000), calls, "read page by page, stopping at the short last page");

        try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
            Sheet sheet = wb.getFirstSheet();
            List<Row> rows = sheet.read();
            assertEquals(1204, rows.size());
            assertEquals("ID", rows.get(0).getCellText(0));
            assertEquals("Термін", rows.get(0).getCellText(8));
            Row first = rows.get(1);
            assertEquals(new BigDecimal("1"), first.getCellAsNumber(0).orElseThrow());
            assertEquals(LocalDateTime.of(2026, 5, 8, 19, 13), first.getCellAsDate(1).orElseThrow());
            assertEquals("Дерева", first.getCellText(2));
            assertEquals("вул. Юліана Матвійчука, 139, кв. 31", first.getCellText(3));
            assertEquals("2-2 Направлено виконавцю", first.getCellText(5));
            assertEquals("КП «Декоративні культури»", first.getCellText(7));
            assertEquals(LocalDate.of(2026, 5, 22), first.getCellAsDate(8).orElseThrow().toLocalDate());
            assertEquals("ні", first.getCellText(9));
            assertEquals("так", rows.get(2).getCellText(9));
            assertEquals("1203", rows.get(1203).getCellText(0));
            String ids = rows.stream().skip(1).map(r -> r.getCellText(0)).collect(Collectors.joining(","));
            assertTrue(ids.startsWith("1,2,3,") && ids.endsWith(",1202,1203"));
        }
    }

    @Test
    void anEmptyListExportsTheHeaderOnly() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        List<Integer> calls = new ArrayList<>();
        new ViolationExport(TEXT, KYIV).writeXlsx(listOf(List.of(), calls), out);
        assertEquals(List.of(0), calls);
        try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
            assertEquals(1, wb.getFirstSheet().read().size());
        }
    }

    @Test
    void fileNamesCarryTheDay() {
        assertEquals("oks-violations-2026-05-08.csv", ViolationExport.fileName(LocalDate.of(2026, 5, 8), "csv"));
    }
}
