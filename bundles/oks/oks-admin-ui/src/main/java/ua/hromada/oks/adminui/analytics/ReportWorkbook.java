package ua.hromada.oks.adminui.analytics;

import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.function.Function;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

import ua.hromada.oks.api.OksAnalytics.AgeRow;
import ua.hromada.oks.api.OksAnalytics.Breakdown;
import ua.hromada.oks.api.OksAnalytics.CountRow;
import ua.hromada.oks.api.OksAnalytics.Daily;
import ua.hromada.oks.api.OksAnalytics.PeriodReport;
import ua.hromada.oks.api.ResponsibleGroup;
import ua.hromada.oks.api.StatusGroup;
import ua.hromada.oks.api.WorkflowAction;

/**
 * The analytics as XLSX workbooks: the current tables (a)–(c), and the period report (the totals,
 * the lines by type and by executor, the numbers of the chart day by day). Dates are real date cells and counts real numbers, so the
 * file can be filtered and summed in a spreadsheet.
 */
public final class ReportWorkbook {

    public static final String CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    /** Every text the workbook asks for, so a view can translate them before the download runs. */
    public static final List<String> MESSAGE_KEYS = List.of("oks.adminui.report.sheet.summary",
            "oks.adminui.report.sheet.byType", "oks.adminui.report.sheet.byExecutor", "oks.adminui.report.sheet.daily",
            "oks.adminui.report.title", "oks.adminui.report.from", "oks.adminui.report.to",
            "oks.adminui.report.registered", "oks.adminui.report.fixed", "oks.adminui.report.averageDays",
            "oks.adminui.report.type", "oks.adminui.report.noType", "oks.adminui.report.executor",
            "oks.adminui.report.noExecutor", "oks.adminui.report.day");
    static final String DATE_FORMAT = "dd.mm.yyyy";
    static final String DAYS_FORMAT = "0.0";

    private ReportWorkbook() {
    }

    /** The file name offered for download, e.g. {@code oks-report-2026-11-01_2026-11-30.xlsx}. */
    public static String fileName(PeriodReport report) {
        return "oks-report-" + report.from() + "_" + report.to() + ".xlsx";
    }

    /**
     * @param text the page's translations by message key
     */
    public static void write(PeriodReport report, Function<String, String> text, OutputStream out) throws IOException {
        Workbook wb = new Workbook(out, "Hromada", "1.0");
        Worksheet summary = wb.newWorksheet(text.apply("oks.adminui.report.sheet.summary"));
        summary.value(0, 0, text.apply("oks.adminui.report.title"));
        summary.style(0, 0).bold().fontSize(14).set();
        summary.value(1, 0, text.apply("oks.adminui.report.from"));
        date(summary, 1, 1, report.from());
        summary.value(2, 0, text.apply("oks.adminui.report.to"));
        date(summary, 2, 1, report.to());
        summary.value(4, 0, text.apply("oks.adminui.report.registered"));
        summary.value(4, 1, report.registered());
        summary.value(5, 0, text.apply("oks.adminui.report.fixed"));
        summary.value(5, 1, report.fixed());
        summary.value(6, 0, text.apply("oks.adminui.report.averageDays"));
        days(summary, 6, 1, report.averageDaysToFix());
        summary.width(0, 36);
        summary.width(1, 14);

        breakdown(wb.newWorksheet(text.apply("oks.adminui.report.sheet.byType")), report.byType(),
                text.apply("oks.adminui.report.type"), text.apply("oks.adminui.report.noType"), text);
        breakdown(wb.newWorksheet(text.apply("oks.adminui.report.sheet.byExecutor")), report.byExecutor(),
                text.apply("oks.adminui.report.executor"), text.apply("oks.adminui.report.noExecutor"), text);

        Worksheet daily = wb.newWorksheet(text.apply("oks.adminui.report.sheet.daily"));
        header(daily, text.apply("oks.adminui.report.day"), text.apply("oks.adminui.report.registered"),
                text.apply("oks.adminui.report.fixed"));
        int r = 1;
        for (Daily d : report.daily()) {
            date(daily, r, 0, d.day());
            daily.value(r, 1, d.registered());
            daily.value(r, 2, d.fixed());
            r++;
        }
        daily.width(0, 14);
        daily.width(1, 16);
        daily.width(2, 16);
        wb.finish();
    }

    /** The current tables (a)–(c) as the screen showed them, at one moment and for one chosen status. */
    public record CurrentTables(LocalDateTime at, String status, List<AgeRow<StatusGroup>> groups,
            List<CountRow<ResponsibleGroup>> responsibility, List<AgeRow<WorkflowAction>> actions) {
    }

    /** Every text {@link #writeCurrent} asks for, besides the names of groups and actions. */
    public static final List<String> CURRENT_KEYS = List.of("oks.adminui.analytics.sheet.groups",
            "oks.adminui.analytics.sheet.responsibility", "oks.adminui.analytics.sheet.actions",
            "oks.adminui.analytics.byGroup", "oks.adminui.analytics.byResponsibility", "oks.adminui.analytics.byAction",
            "oks.adminui.analytics.col.status", "oks.adminui.analytics.col.count", "oks.adminui.analytics.col.over7",
            "oks.adminui.analytics.col.over30", "oks.adminui.analytics.col.responsibleGroup",
            "oks.adminui.analytics.col.code", "oks.adminui.analytics.col.lastAction",
            "oks.adminui.analytics.col.responsible", "oks.adminui.analytics.xlsx.at", "oks.adminui.analytics.xlsx.status");

    /** E.g. {@code oks-analytics-2026-11-05_1430.xlsx}. */
    public static String fileName(CurrentTables tables) {
        return "oks-analytics-" + tables.at().toLocalDate() + "_"
                + String.format("%02d%02d", tables.at().getHour(), tables.at().getMinute()) + ".xlsx";
    }

    /**
     * (a), (b) and (c) on three sheets, each headed by its caption, the moment and the chosen
     * status; counts are numbers.
     *
     * @param text   the page's translations by message key ({@link #CURRENT_KEYS}, the groups' and
     *               responsible groups' {@code messageKey()})
     * @param action an action's name in the page's language
     */
    public static void writeCurrent(CurrentTables tables, Function<String, String> text,
            Function<WorkflowAction, String> action, OutputStream out) throws IOException {
        Workbook wb = new Workbook(out, "Hromada", "1.0");
        Worksheet a = currentSheet(wb, tables, text, "groups", "byGroup", "oks.adminui.analytics.col.status",
                "oks.adminui.analytics.col.count", "oks.adminui.analytics.col.over7", "oks.adminui.analytics.col.over30");
        int r = 4;
        for (AgeRow<StatusGroup> row : tables.groups()) {
            a.value(r, 0, text.apply(row.key().messageKey()));
            ages(a, r++, 1, row);
        }
        Worksheet b = currentSheet(wb, tables, text, "responsibility", "byResponsibility",
                "oks.adminui.analytics.col.responsibleGroup", "oks.adminui.analytics.col.count");
        r = 4;
        for (CountRow<ResponsibleGroup> row : tables.responsibility()) {
            b.value(r, 0, text.apply(row.key().messageKey()));
            b.value(r++, 1, row.count());
        }
        Worksheet c = currentSheet(wb, tables, text, "actions", "byAction", "oks.adminui.analytics.col.code",
                "oks.adminui.analytics.col.status", "oks.adminui.analytics.col.lastAction", "oks.adminui.analytics.col.count",
                "oks.adminui.analytics.col.over7", "oks.adminui.analytics.col.over30", "oks.adminui.analytics.col.responsible");
        r = 4;
        for (AgeRow<WorkflowAction> row : tables.actions()) {
            WorkflowAction w = row.key();
            c.value(r, 0, w.displayCode());
            c.value(r, 1, text.apply(w.group().messageKey()));
            c.value(r, 2, action.apply(w));
            ages(c, r, 3, row);
            c.value(r++, 6, text.apply(w.responsible().messageKey()));
        }
        c.width(2, 40);
        wb.finish();
    }

    private static Worksheet currentSheet(Workbook wb, CurrentTables tables, Function<String, String> text, String sheet,
            String caption, String... columns) {
        Worksheet ws = wb.newWorksheet(text.apply("oks.adminui.analytics.sheet." + sheet));
        ws.value(0, 0, text.apply("oks.adminui.analytics." + caption));
        ws.style(0, 0).bold().fontSize(14).set();
        ws.value(1, 0, text.apply("oks.adminui.analytics.xlsx.at"));
        ws.value(1, 1, tables.at());
        ws.style(1, 1).format("dd.mm.yyyy hh:mm").set();
        ws.value(2, 0, text.apply("oks.adminui.analytics.xlsx.status"));
        ws.value(2, 1, tables.status());
        for (int i = 0; i < columns.length; i++) {
            ws.value(3, i, text.apply(columns[i]));
            ws.width(i, i == 0 ? 28 : 16);
        }
        ws.range(3, 0, 3, columns.length - 1).style().bold().fillColor("E8EEF7").set();
        ws.freezePane(0, 4);
        return ws;
    }

    private static void ages(Worksheet ws, int r, int c, AgeRow<?> row) {
        ws.value(r, c, row.count());
        ws.value(r, c + 1, row.over7());
        ws.value(r, c + 2, row.over30());
    }

    private static void breakdown(Worksheet ws, List<Breakdown> lines, String what, String none,
            Function<String, String> text) {
        header(ws, what, text.apply("oks.adminui.report.registered"), text.apply("oks.adminui.report.fixed"),
                text.apply("oks.adminui.report.averageDays"));
        int r = 1;
        for (Breakdown b : lines) {
            ws.value(r, 0, b.id() == null || b.name() == null ? none : b.name());
            ws.value(r, 1, b.registered());
            ws.value(r, 2, b.fixed());
            days(ws, r, 3, b.averageDaysToFix());
            r++;
        }
        ws.width(0, 40);
        for (int c = 1; c <= 3; c++) {
            ws.width(c, 18);
        }
    }

    private static void header(Worksheet ws, String... titles) {
        for (int c = 0; c < titles.length; c++) {
            ws.value(0, c, titles[c]);
        }
        ws.range(0, 0, 0, titles.length - 1).style().bold().fillColor("E8EEF7").set();
        ws.freezePane(0, 1);
    }

    private static void date(Worksheet ws, int r, int c, LocalDate day) {
        ws.value(r, c, day);
        ws.style(r, c).format(DATE_FORMAT).set();
    }

    /** Mean days rounded to a tenth; an empty cell when nothing was fixed. */
    private static void days(Worksheet ws, int r, int c, Double value) {
        if (value != null) {
            ws.value(r, c, Math.round(value * 10) / 10.0);
            ws.style(r, c).format(DAYS_FORMAT).set();
        }
    }
}
