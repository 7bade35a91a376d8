package ua.hromada.eservices.ui.appeals;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

import ua.hromada.eservices.api.AppealStatistics;

/**
 * The statistics as the page shows them: the service's rows (month × topic × unit) summed by the
 * dimension the person picks, their total, and the same table as CSV (UTF-8 with a byte-order
 * mark, so spreadsheet programs read the Ukrainian names).
 */
final class StatisticsRows {

    /** What the rows are summed by; a dimension left out is empty in the rows. */
    enum Grouping {
        DETAIL, MONTH, TOPIC, UNIT
    }

    private StatisticsRows() {
    }

    static List<AppealStatistics> group(List<AppealStatistics> rows, Grouping by) {
        if (by == Grouping.DETAIL) {
            return rows;
        }
        Map<String, AppealStatistics> sums = new LinkedHashMap<>();
        for (AppealStatistics r : rows) {
            AppealStatistics key = switch (by) {
                case MONTH -> new AppealStatistics(r.month(), "", "", 0, 0, 0, 0);
                case TOPIC -> new AppealStatistics("", r.topicName(), "", 0, 0, 0, 0);
                default -> new AppealStatistics("", "", r.unitName(), 0, 0, 0, 0);
            };
            sums.merge(key.month() + '\u0000' + key.topicName() + '\u0000' + key.unitName(), plus(key, r),
                    StatisticsRows::plus);
        }
        List<AppealStatistics> out = new ArrayList<>(sums.values());
        if (by != Grouping.MONTH) {
            out.sort((a, b) -> (a.topicName() + a.unitName()).compareToIgnoreCase(b.topicName() + b.unitName()));
        }
        return out;
    }

    static AppealStatistics total(List<AppealStatistics> rows) {
        AppealStatistics sum = new AppealStatistics("", "", "", 0, 0, 0, 0);
        for (AppealStatistics r : rows) {
            sum = plus(sum, r);
        }
        return sum;
    }

    private static AppealStatistics plus(AppealStatistics a, AppealStatistics b) {
        return new AppealStatistics(a.month(), a.topicName(), a.unitName(), a.received() + b.received(),
                a.answered() + b.answered(), a.answeredLate() + b.answeredLate(), a.overdueNow() + b.overdueNow());
    }

    /** The rows as CSV under {@code headers} (month, topic, unit, the four numbers). */
    static void csv(List<AppealStatistics> rows, List<String> headers, OutputStream out) throws IOException {
        Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        w.write('\uFEFF');
        w.write(line(headers));
        for (AppealStatistics r : rows) {
            w.write(line(List.of(r.month(), r.topicName(), r.unitName(), Integer.toString(r.received()),
                    Integer.toString(r.answered()), Integer.toString(r.answeredLate()), Integer.toString(r.overdueNow()))));
        }
        w.flush();
    }

    private static String line(List<String> values) {
        StringJoiner joined = new StringJoiner(",", "", "\r\n");
        values.stream().map(StatisticsRows::quoted).forEach(joined::add);
        return joined.toString();
    }

    /** RFC 4180: a value with a comma, quote or line break in quotes, its quotes doubled. */
    static String quoted(String value) {
        String v = value == null ? "" : value;
        return v.chars().anyMatch(c -> c == ',' || c == '"' || c == '\n' || c == '\r')
                ? '"' + v.replace("\"", "\"\"") + '"' : v;
    }
}
