package ua.hromada.oks.adminui.analytics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;

import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;
import org.junit.jupiter.api.Test;

import ua.hromada.oks.api.ActionKind;
import ua.hromada.oks.api.OksAnalytics.AgeRow;
import ua.hromada.oks.api.OksAnalytics.Breakdown;
import ua.hromada.oks.api.OksAnalytics.CountRow;
import ua.hromada.oks.api.OksAnalytics.Daily;
import ua.hromada.oks.api.OksAnalytics.PeriodReport;
import ua.hromada.oks.api.ResponsibleGroup;
import ua.hromada.oks.api.StatusGroup;
import ua.hromada.oks.api.WorkflowAction;

class ReportWorkbookTest {

    private static final ResourceBundle UK = ResourceBundle.getBundle("i18n.oks-admin-ui", Locale.ROOT);
    private static final LocalDate FROM = LocalDate.of(2026, 11, 1);

    @Test
    void workbookHoldsTheReportAsNumbersAndDates() throws Exception {
        PeriodReport report = new PeriodReport(FROM, LocalDate.of(2026, 11, 3), 12, 7, 3.25,
                List.of(new Breakdown(5L, "Дерева", 8, 5, 2.04), new Breakdown(6L, "Вивіски", 4, 2, null)),
                List.of(new Breakdown(9L, "КП «Декоративні культури»", 8, 7, 3.25), new Breakdown(null, null, 4, 0, null)),
                List.of(new Daily(FROM, 2, 0), new Daily(FROM.plusDays(1), 10, 3), new Daily(FROM.plusDays(2), 0, 4)));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ReportWorkbook.write(report, UK::getString, out);

        try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
            List<Sheet> sheets = wb.getSheets().toList();
            assertEquals(List.of("Звіт", "За типами", "За виконавцями", "По днях"), sheets.stream().map(Sheet::getName).toList());

            List<Row> summary = byNumber(sheets.get(0).read());
            assertEquals("Загальний звіт ОКС", summary.get(0).getCellAsString(0).orElseThrow());
            assertEquals(FROM, summary.get(1).getCellAsDate(1).orElseThrow().toLocalDate());
            assertEquals(LocalDate.of(2026, 11, 3), summary.get(2).getCellAsDate(1).orElseThrow().toLocalDate());
            assertEquals("Зареєстровано", summary.get(4).getCellAsString(0).orElseThrow());
            assertEquals(new BigDecimal("12"), summary.get(4).getCellAsNumber(1).orElseThrow());
            assertEquals(new BigDecimal("7"), summary.get(5).getCellAsNumber(1).orElseThrow());
            assertEquals(0, new BigDecimal("3.3").compareTo(summary.get(6).getCellAsNumber(1).orElseThrow()),
                    "mean days rounded to a tenth");

            List<Row> types = sheets.get(1).read();
            assertEquals(List.of("Тип порушення", "Зареєстровано", "Виконано (підтверджено)", "Середній час усунення, днів"),
                    strings(types.get(0), 4));
            assertEquals("Дерева", types.get(1).getCellAsString(0).orElseThrow());
            assertEquals(new BigDecimal("8"), types.get(1).getCellAsNumber(1).orElseThrow());
            assertEquals(new BigDecimal("5"), types.get(1).getCellAsNumber(2).orElseThrow());
            assertEquals(0, new BigDecimal("2").compareTo(types.get(1).getCellAsNumber(3).orElseThrow()));
            assertTrue(types.get(2).getOptionalCell(3).map(c -> c.getType() == CellType.EMPTY).orElse(true),
                    "nothing fixed: no mean");
            assertEquals(3, types.size());

            List<Row> executors = sheets.get(2).read();
            assertEquals("КП «Декоративні культури»", executors.get(1).getCellAsString(0).orElseThrow());
            assertEquals("Без виконавця", executors.get(2).getCellAsString(0).orElseThrow());
            assertEquals(new BigDecimal("4"), executors.get(2).getCellAsNumber(1).orElseThrow());

            List<Row> daily = sheets.get(3).read();
            assertEquals(4, daily.size());
            assertEquals(FROM.plusDays(1), daily.get(2).getCellAsDate(0).orElseThrow().toLocalDate());
            assertEquals(new BigDecimal("10"), daily.get(2).getCellAsNumber(1).orElseThrow());
            assertEquals(new BigDecimal("4"), daily.get(3).getCellAsNumber(2).orElseThrow());
        }
        assertEquals("oks-report-2026-11-01_2026-11-03.xlsx", ReportWorkbook.fileName(report));
    }

    @Test
    void everyWorkbookTextExistsInBothLanguages() {
        ResourceBundle en = ResourceBundle.getBundle("i18n.oks-admin-ui", Locale.ENGLISH);
        for (String key : ReportWorkbook.MESSAGE_KEYS) {
            assertTrue(UK.containsKey(key), key);
            assertTrue(en.containsKey(key), key);
            assertTrue(UK.getString(key).length() <= 31 || !key.contains(".sheet."), "sheet names fit Excel's 31 characters");
        }
    }

    /** Tables (a)–(c) with seed 000's numbers: three sheets, captions, the moment, the chosen status, numbers. */
    @Test
    void currentTablesAreThreeSheetsOfNumbers() throws Exception {
        java.util.Map<String, String> names = new java.util.HashMap<>();
        ResourceBundle oks = ResourceBundle.getBundle("i18n.oks", Locale.ROOT);
        oks.keySet().forEach(k -> names.put(k, oks.getString(k)));
        UK.keySet().forEach(k -> names.put(k, UK.getString(k)));
        WorkflowAction detected = new WorkflowAction(ActionKind.DETECTED, 1, "Виявлено порушення", StatusGroup.UNASSIGNED,
                ResponsibleGroup.INSPECTORS);
        WorkflowAction sent = new WorkflowAction(ActionKind.SENT, 2, "Направлено виконавцю", StatusGroup.SENT,
                ResponsibleGroup.EXECUTORS);
        ReportWorkbook.CurrentTables tables = new ReportWorkbook.CurrentTables(java.time.LocalDateTime.of(2026, 5, 8, 19, 13),
                "Усі поточні статуси",
                List.of(new AgeRow<>(StatusGroup.UNASSIGNED, 1, 0, 0), new AgeRow<>(StatusGroup.SENT, 5, 0, 0),
                        new AgeRow<>(StatusGroup.IN_PROGRESS, 1, 0, 0), new AgeRow<>(StatusGroup.DONE, 2, 0, 0),
                        new AgeRow<>(StatusGroup.CONFLICT, 1, 0, 0)),
                List.of(new CountRow<>(ResponsibleGroup.ADMINISTRATORS, 0), new CountRow<>(ResponsibleGroup.INSPECTORS, 4),
                        new CountRow<>(ResponsibleGroup.EXECUTORS, 6)),
                List.of(new AgeRow<>(detected, 1, 0, 0), new AgeRow<>(sent, 4, 0, 0)));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ReportWorkbook.writeCurrent(tables, names::get, WorkflowAction::name, out);

        try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
            List<Sheet> sheets = wb.getSheets().toList();
            assertEquals(List.of("За статусами", "За відповідальністю", "Детальна статистика"),
                    sheets.stream().map(Sheet::getName).toList());
            List<Row> a = sheets.get(0).read();
            assertEquals("Кількість порушень за останніми статусами", a.get(0).getCellAsString(0).orElseThrow());
            assertEquals(java.time.LocalDateTime.of(2026, 5, 8, 19, 13), a.get(1).getCellAsDate(1).orElseThrow());
            assertEquals("Усі поточні статуси", a.get(2).getCellAsString(1).orElseThrow());
            assertEquals(List.of("Статус", "Кількість", "Більше 7 днів", "Більше 30 днів"), strings(a.get(3), 4));
            assertEquals("Направлено", a.get(5).getCellAsString(0).orElseThrow());
            assertEquals(new BigDecimal("5"), a.get(5).getCellAsNumber(1).orElseThrow());
            assertEquals(9, a.size());
            List<Row> b = sheets.get(1).read();
            assertEquals(List.of("Адміністратори", "0", "Інспектори", "4", "Виконавці", "6"),
                    b.subList(4, 7).stream().flatMap(r -> texts(r, 2).stream()).toList());
            List<Row> c = sheets.get(2).read();
            assertEquals(List.of("1-1", "Без виконавця", "Виявлено порушення", "1", "0", "0", "Інспектори"),
                    texts(c.get(4), 7));
            assertEquals(List.of("2-2", "Направлено", "Направлено виконавцю", "4", "0", "0", "Виконавці"),
                    texts(c.get(5), 7));
        }
        assertEquals("oks-analytics-2026-05-08_1913.xlsx", ReportWorkbook.fileName(tables));
        for (String key : ReportWorkbook.CURRENT_KEYS) {
            assertTrue(UK.containsKey(key), key);
            assertTrue(ResourceBundle.getBundle("i18n.oks-admin-ui", Locale.ENGLISH).containsKey(key), key);
            assertTrue(UK.getString(key).length() <= 31 || !key.contains(".sheet."), "sheet names fit Excel's 31 characters");
        }
    }

    /** Rows at their sheet positions (the reader skips empty rows), null where a row is empty. */
    private static List<Row> byNumber(List<Row> rows) {
        List<Row> out = new java.util.ArrayList<>();
        for (Row r : rows) {
            while (out.size() < r.getRowNum() - 1) {
                out.add(null);
            }
            out.add(r);
        }
        return out;
    }

    /** Every cell as its text, numbers included. */
    private static List<String> texts(Row row, int n) {
        return java.util.stream.IntStream.range(0, n).mapToObj(row::getCellText).toList();
    }

    private static List<String> strings(Row row, int n) {
        return java.util.stream.IntStream.range(0, n).mapToObj(i -> row.getCellAsString(i).orElse("")).toList();
    }
}
