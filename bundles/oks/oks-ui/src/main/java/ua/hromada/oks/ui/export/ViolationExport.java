package ua.hromada.oks.ui.export;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.function.Function;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

import ua.hromada.oks.api.Violation;

/**
 * The violation list as a file: XLSX (typed cells, dates as dates, overdue deadlines in red) and
 * CSV (RFC 4180 quoting, UTF-8 with a byte-order mark so Excel shows Cyrillic). Both have the same
 * columns as the list view plus the description and the coordinates.
 */
public final class ViolationExport {

    /** Excel's limit is 1 048 576 rows; the header takes one. */
    public static final int MAX_ROWS = 1_048_575;

    /** Reads one page of the filtered list. */
    @FunctionalInterface
    public interface PageSource {
        List<Violation> page(int offset, int limit);
    }

    private static final String[] HEADER_KEYS = {"oks.ui.col.id", "oks.ui.col.created", "oks.ui.col.type",
        "oks.ui.col.address", "oks.ui.col.description", "oks.ui.col.status", "oks.ui.col.group",
        "oks.ui.col.executor", "oks.ui.col.deadline", "oks.ui.col.overdue", "oks.ui.col.inspector",
        "oks.ui.col.urgency", "oks.ui.col.latitude", "oks.ui.col.longitude"};
    private static final DateTimeFormatter CSV_DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final int PAGE = 500;

    private final Function<String, String> text;
    private final ZoneId zone;
    private final Locale locale;

    /** An export in Ukrainian (the statuses as the catalogue names them). */
    public ViolationExport(Function<String, String> text, ZoneId zone) {
        this(text, zone, Locale.forLanguageTag("uk"));
    }

    /**
     * @param text translates a resource-bundle key (column titles, group and urgency names)
     * @param zone the community's time zone for creation times
     * @param locale the reader's language, for the statuses' action names ({@code text}'s language)
     */
    public ViolationExport(Function<String, String> text, ZoneId zone, Locale locale) {
        this.text = text;
        this.zone = zone;
        this.locale = locale;
    }

    public List<String> headers() {
        List<String> headers = new ArrayList<>();
        for (String key : HEADER_KEYS) {
            headers.add(text.apply(key));
        }
        return headers;
    }

    public void writeCsv(PageSource source, OutputStream out) throws IOException {
        Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        w.write('\uFEFF');
        csvLine(w, headers());
        for (Violation v : rows(source)) {
            csvLine(w, List.of(Long.toString(v.id()), CSV_DATE_TIME.format(local(v)), typeName(v),
                    nullToEmpty(v.address()), nullToEmpty(v.description()), status(v), group(v), executor(v),
                    v.deadline() == null ? "" : v.deadline().toString(), yesNo(v.overdue()), inspector(v),
                    text.apply(v.urgency().messageKey()), coordinate(v.latitude()), coordinate(v.longitude())));
        }
        w.flush();
    }

    public void writeXlsx(PageSource source, OutputStream out) throws IOException {
        Workbook wb = new Workbook(out, "Hromada", "1.0");
        Worksheet ws = wb.newWorksheet(text.apply("oks.ui.export.sheet"));
        List<String> headers = headers();
        for (int c = 0; c < headers.size(); c++) {
            ws.value(0, c, headers.get(c));
        }
        ws.range(0, 0, 0, headers.size() - 1).style().bold().fillColor("DDDDDD").set();
        ws.freezePane(0, 1);
        int[] widths = {8, 17, 20, 35, 50, 32, 18, 30, 12, 12, 22, 12, 11, 11};
        for (int c = 0; c < widths.length; c++) {
            ws.width(c, widths[c]);
        }
        int r = 0;
        for (Violation v : rows(source)) {
            r++;
            ws.value(r, 0, v.id());
            ws.value(r, 1, local(v));
            ws.style(r, 1).format("dd.MM.yyyy HH:mm").set();
            ws.value(r, 2, typeName(v));
            ws.value(r, 3, nullToEmpty(v.address()));
            ws.value(r, 4, nullToEmpty(v.description()));
            ws.value(r, 5, status(v));
            ws.value(r, 6, group(v));
            ws.value(r, 7, executor(v));
            if (v.deadline() != null) {
                ws.value(r, 8, v.deadline());
                var style = ws.style(r, 8).format("dd.MM.yyyy");
                if (v.overdue()) {
                    style = style.fontColor("C00000").bold();
                }
                style.set();
            }
            ws.value(r, 9, yesNo(v.overdue()));
            ws.value(r, 10, inspector(v));
            ws.value(r, 11, text.apply(v.urgency().messageKey()));
            ws.value(r, 12, v.latitude());
            ws.value(r, 13, v.longitude());
        }
        wb.finish();
    }

    /** Every row of the filtered list, read page by page so a large export never sits in memory whole. */
    static Iterable<Violation> rows(PageSource source) {
        return () -> new Iterator<>() {
            private List<Violation> page = List.of();
            private int index;
            private int offset;
            private boolean last;

            @Override
            public boolean hasNext() {
                if (index < page.size()) {
                    return true;
                }
                if (last || offset >= MAX_ROWS) {
                    return false;
                }
                int limit = Math.min(PAGE, MAX_ROWS - offset);
                page = source.page(offset, limit);
                index = 0;
                offset += page.size();
                last = page.size() < limit;
                return !page.isEmpty();
            }

            @Override
            public Violation next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return page.get(index++);
            }
        };
    }

    /** RFC 4180: a field with a comma, quote or line break is quoted, quotes doubled; lines end CRLF. */
    static String csvField(String value) {
        String s = value == null ? "" : value;
        if (s.indexOf(',') >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0) {
            return '"' + s.replace("\"", "\"\"") + '"';
        }
        return s;
    }

    private static void csvLine(Writer w, List<String> fields) throws IOException {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                w.write(',');
            }
            w.write(csvField(fields.get(i)));
        }
        w.write("\r\n");
    }

    private LocalDateTime local(Violation v) {
        return LocalDateTime.ofInstant(v.createdAt(), zone);
    }

    private static String typeName(Violation v) {
        return v.type() == null ? "" : v.type().name();
    }

    private String status(Violation v) {
        return v.lastAction() == null ? "" : v.lastAction().displayCode() + " " + v.lastAction().name(locale);
    }

    private String group(Violation v) {
        return v.lastAction() == null ? "" : text.apply(v.group().messageKey());
    }

    private static String executor(Violation v) {
        return v.executor() == null ? "" : v.executor().name();
    }

    private static String inspector(Violation v) {
        return v.inspectorName() != null && !v.inspectorName().isBlank() ? v.inspectorName() : nullToEmpty(v.inspector());
    }

    private String yesNo(boolean value) {
        return text.apply(value ? "oks.ui.yes" : "oks.ui.no");
    }

    private static String coordinate(double value) {
        return String.format(Locale.ROOT, "%.6f", value);
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }

    /** File name of an export made on the given day, e.g. {@code oks-violations-2026-05-08.xlsx}. */
    public static String fileName(LocalDate day, String extension) {
        return "oks-violations-" + day + "." + extension;
    }
}
