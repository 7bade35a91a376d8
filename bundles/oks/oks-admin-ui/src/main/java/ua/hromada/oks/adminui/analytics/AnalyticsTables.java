package ua.hromada.oks.adminui.analytics;

import java.util.ArrayList;
import java.util.List;

import ua.hromada.oks.adminui.analytics.DailyChart.Bucket;
import ua.hromada.oks.api.ActionEffect;
import ua.hromada.oks.api.OksAnalytics.AgeRow;
import ua.hromada.oks.api.OksAnalytics.Breakdown;
import ua.hromada.oks.api.OksAnalytics.CountRow;
import ua.hromada.oks.api.OksAnalytics.Organisation;
import ua.hromada.oks.api.OksAnalytics.OverdueRow;
import ua.hromada.oks.api.OksAnalytics.PeriodReport;
import ua.hromada.oks.api.OksAnalytics.StatusSelection;
import ua.hromada.oks.api.ResponsibleGroup;
import ua.hromada.oks.api.StatusGroup;
import ua.hromada.oks.api.ViolationQuery;
import ua.hromada.oks.api.WorkflowAction;

/**
 * Turns the service's rows into table rows whose every number carries its drill-down query. The
 * view only draws them; the rules of which list a number opens live (and are tested) here.
 */
public final class AnalyticsTables {

    /** A table line: what it is about, and its numbers left to right. */
    public record Line<K>(K key, List<Cell> cells) {
        public Line {
            cells = List.copyOf(cells);
        }
    }

    /** A report line (type or executor): registered, fixed, and the mean days to fix. */
    public record ReportLine(Breakdown source, Cell registered, Cell fixed) {
    }

    private AnalyticsTables() {
    }

    /** (a) Кількість | Більше 7 днів | Більше 30 днів by status group. */
    public static List<Line<StatusGroup>> byStatusGroup(List<AgeRow<StatusGroup>> rows) {
        List<Line<StatusGroup>> lines = new ArrayList<>();
        for (AgeRow<StatusGroup> row : rows) {
            StatusGroup g = row.key();
            lines.add(new Line<>(g, List.of(Cell.of(row.count(), DrillDown.group(g, null)),
                    Cell.aged(row.over7(), DrillDown.group(g, 7)), Cell.aged(row.over30(), DrillDown.group(g, 30)))));
        }
        return lines;
    }

    /**
     * (b) Кількість by responsibility group. "Nobody" (only the archive action has it) is shown
     * only when some current case has it, i.e. an administrator configured an action so.
     */
    public static List<Line<ResponsibleGroup>> byResponsibility(List<CountRow<ResponsibleGroup>> rows) {
        List<Line<ResponsibleGroup>> lines = new ArrayList<>();
        for (CountRow<ResponsibleGroup> row : rows) {
            if (row.key() == ResponsibleGroup.NONE && row.count() == 0) {
                continue;
            }
            lines.add(new Line<>(row.key(), List.of(Cell.of(row.count(), DrillDown.responsible(row.key())))));
        }
        return lines;
    }

    /**
     * (c) Кількість | >7 | >30 by last action, every catalogue action (zeros included). The ages of
     * «Виконання підтверджено» are not highlighted: that work is done, the case only waits for the
     * archive (automatic after the configured days), it is no overdue work.
     */
    public static List<Line<WorkflowAction>> byAction(List<AgeRow<WorkflowAction>> rows) {
        List<Line<WorkflowAction>> lines = new ArrayList<>();
        for (AgeRow<WorkflowAction> row : rows) {
            WorkflowAction a = row.key();
            boolean done = a.effect() == ActionEffect.CONFIRM;
            lines.add(new Line<>(a, List.of(Cell.of(row.count(), DrillDown.action(a, null)),
                    age(row.over7(), DrillDown.action(a, 7), done), age(row.over30(), DrillDown.action(a, 30), done))));
        }
        return lines;
    }

    private static Cell age(long value, ViolationQuery query, boolean finished) {
        return finished ? Cell.of(value, query) : Cell.aged(value, query);
    }

    /** (a) under «Оберіть статус»: each number opens the group's cases of the chosen status. */
    public static List<Line<StatusGroup>> byStatusGroup(List<AgeRow<StatusGroup>> rows, StatusSelection selection) {
        List<Line<StatusGroup>> lines = new ArrayList<>();
        for (AgeRow<StatusGroup> row : rows) {
            StatusGroup g = row.key();
            lines.add(new Line<>(g, List.of(Cell.of(row.count(), DrillDown.group(g, selection, null)),
                    Cell.aged(row.over7(), DrillDown.group(g, selection, 7)),
                    Cell.aged(row.over30(), DrillDown.group(g, selection, 30)))));
        }
        return lines;
    }

    /** (b) under «Оберіть статус». */
    public static List<Line<ResponsibleGroup>> byResponsibility(List<CountRow<ResponsibleGroup>> rows,
            StatusSelection selection) {
        List<Line<ResponsibleGroup>> lines = new ArrayList<>();
        for (CountRow<ResponsibleGroup> row : rows) {
            if (row.key() == ResponsibleGroup.NONE && row.count() == 0) {
                continue;
            }
            lines.add(new Line<>(row.key(), List.of(Cell.of(row.count(), DrillDown.responsible(row.key(), selection)))));
        }
        return lines;
    }

    /**
     * Overdue against the deadline by status group: current cases | past their deadline (highlighted
     * when any), each opening its list.
     */
    public static List<Line<StatusGroup>> overdueByGroup(List<OverdueRow<StatusGroup>> rows, StatusSelection selection) {
        return rows.stream().map(r -> new Line<>(r.key(), List.of(
                Cell.of(r.count(), DrillDown.overdue(r.key(), selection, false)),
                Cell.aged(r.overdue(), DrillDown.overdue(r.key(), selection, true))))).toList();
    }

    /** The same by executor organisation. */
    public static List<Line<Organisation>> overdueByExecutor(List<OverdueRow<Organisation>> rows,
            StatusSelection selection) {
        return rows.stream().map(r -> new Line<>(r.key(), List.of(
                Cell.of(r.count(), DrillDown.overdue(r.key().id(), selection, false)),
                Cell.aged(r.overdue(), DrillDown.overdue(r.key().id(), selection, true))))).toList();
    }

    /** (d) The period's totals: registered, then fixed. */
    public static List<Cell> totals(PeriodReport report) {
        return List.of(Cell.of(report.registered(), DrillDown.registered(report.from(), report.to(), null, null)),
                Cell.of(report.fixed(), DrillDown.fixed(report.from(), report.to(), null, null)));
    }

    /** (d) By type; a line without a type id has no list to open. */
    public static List<ReportLine> byType(PeriodReport report) {
        return report.byType().stream().map(b -> new ReportLine(b,
                cell(b.registered(), b.id() == null ? null : DrillDown.registered(report.from(), report.to(), b.id(), null)),
                cell(b.fixed(), b.id() == null ? null : DrillDown.fixed(report.from(), report.to(), b.id(), null))))
                .toList();
    }

    /** (d) By current executor; "no executor" opens the list of cases without one, like every other number. */
    public static List<ReportLine> byExecutor(PeriodReport report) {
        return report.byExecutor().stream().map(b -> {
            long executor = b.id() == null ? ViolationQuery.NO_EXECUTOR : b.id();
            return new ReportLine(b, cell(b.registered(), DrillDown.registered(report.from(), report.to(), null, executor)),
                    cell(b.fixed(), DrillDown.fixed(report.from(), report.to(), null, executor)));
        }).toList();
    }

    /**
     * (d) The chart's data as a table, in the chart's own buckets (days, weeks or months): registered
     * and fixed in each, opening the list of that day, week or month.
     */
    public static List<Line<Bucket>> chartData(PeriodReport report) {
        return DailyChart.buckets(report.daily()).stream().map(b -> new Line<>(b, List.of(
                Cell.of(b.registered(), DrillDown.registered(b.first(), b.last(), null, null)),
                Cell.of(b.fixed(), DrillDown.fixed(b.first(), b.last(), null, null))))).toList();
    }

    private static Cell cell(long value, ViolationQuery query) {
        return new Cell(value, query, false);
    }
}
