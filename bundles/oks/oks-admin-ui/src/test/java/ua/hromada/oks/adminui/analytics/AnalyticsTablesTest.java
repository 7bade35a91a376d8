package ua.hromada.oks.adminui.analytics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import com.vaadin.flow.router.QueryParameters;

import ua.hromada.oks.adminui.analytics.AnalyticsTables.Line;
import ua.hromada.oks.adminui.analytics.AnalyticsTables.ReportLine;
import ua.hromada.oks.api.ActionKind;
import ua.hromada.oks.api.OksAnalytics.AgeRow;
import ua.hromada.oks.api.OksAnalytics.Breakdown;
import ua.hromada.oks.api.OksAnalytics.CountRow;
import ua.hromada.oks.api.OksAnalytics.Daily;
import ua.hromada.oks.api.OksAnalytics.PeriodReport;
import ua.hromada.oks.api.ResponsibleGroup;
import ua.hromada.oks.api.StatusGroup;
import ua.hromada.oks.api.ViolationQuery;
import ua.hromada.oks.api.ViolationQueryParams;
import ua.hromada.oks.api.WorkflowAction;

class AnalyticsTablesTest {

    private static final LocalDate FROM = LocalDate.of(2026, 11, 1);
    private static final LocalDate TO = LocalDate.of(2026, 11, 30);
    private static final Set<StatusGroup> ALL = EnumSet.allOf(StatusGroup.class);

    @Test
    void statusGroupCellsFilterByGroupAndAge() {
        List<Line<StatusGroup>> lines = AnalyticsTables.byStatusGroup(List.of(
                new AgeRow<>(StatusGroup.SENT, 5, 2, 0), new AgeRow<>(StatusGroup.CONFLICT, 1, 0, 0)));
        assertEquals(2, lines.size());
        List<Cell> sent = lines.get(0).cells();
        assertEquals(List.of(5L, 2L, 0L), sent.stream().map(Cell::value).toList());
        assertQuery(sent.get(0).query(), Set.of(StatusGroup.SENT), null, null, null);
        assertQuery(sent.get(1).query(), Set.of(StatusGroup.SENT), null, null, 7);
        assertQuery(sent.get(2).query(), Set.of(StatusGroup.SENT), null, null, 30);
        // only the age columns with waiting cases are flagged; the count column never is
        assertFalse(sent.get(0).highlight());
        assertTrue(sent.get(1).highlight());
        assertFalse(sent.get(2).highlight());
        assertEquals(StatusGroup.CONFLICT, lines.get(1).key());
    }

    @Test
    void responsibilityCellsFilterByResponsibleGroupOfCurrentCases() {
        List<Line<ResponsibleGroup>> lines = AnalyticsTables.byResponsibility(List.of(
                new CountRow<>(ResponsibleGroup.ADMINISTRATORS, 0), new CountRow<>(ResponsibleGroup.INSPECTORS, 4),
                new CountRow<>(ResponsibleGroup.EXECUTORS, 6), new CountRow<>(ResponsibleGroup.NONE, 0)));
        assertEquals(List.of(ResponsibleGroup.ADMINISTRATORS, ResponsibleGroup.INSPECTORS, ResponsibleGroup.EXECUTORS),
                lines.stream().map(Line::key).toList(), "an empty 'nobody' line is left out");
        Cell executors = lines.get(2).cells().get(0);
        assertEquals(6, executors.value());
        assertQuery(executors.query(), Set.of(), null, ResponsibleGroup.EXECUTORS, null);
        // a current case left with nobody responsible (re-configured action) is still shown
        assertEquals(1, AnalyticsTables.byResponsibility(List.of(new CountRow<>(ResponsibleGroup.NONE, 3))).size());
    }

    @Test
    void actionCellsFilterByActionCodeWithinItsGroup() {
        WorkflowAction urgent = new WorkflowAction(ActionKind.DETECTED_URGENT, 18, "Виявлено порушення (терміново)",
                StatusGroup.UNASSIGNED, ResponsibleGroup.INSPECTORS);
        WorkflowAction archived = new WorkflowAction(ActionKind.ARCHIVED, 10, "Архівовано", StatusGroup.ARCHIVED,
                ResponsibleGroup.NONE);
        List<Line<WorkflowAction>> lines = AnalyticsTables.byAction(List.of(new AgeRow<>(urgent, 0, 0, 0),
                new AgeRow<>(archived, 3, 3, 1)));
        List<Cell> u = lines.get(0).cells();
        assertEquals(List.of(0L, 0L, 0L), u.stream().map(Cell::value).toList(), "zero lines are kept");
        assertQuery(u.get(0).query(), Set.of(StatusGroup.UNASSIGNED), 18, null, null);
        assertQuery(u.get(1).query(), Set.of(StatusGroup.UNASSIGNED), 18, null, 7);
        assertQuery(u.get(2).query(), Set.of(StatusGroup.UNASSIGNED), 18, null, 30);
        // the archive action names its group, or the list (current cases by default) would show none
        assertQuery(lines.get(1).cells().get(2).query(), Set.of(StatusGroup.ARCHIVED), 10, null, 30);
        assertTrue(lines.get(1).cells().get(2).highlight());
    }

    @Test
    void periodTotalsFilterByRegistrationOrConfirmationDates() {
        PeriodReport report = report();
        List<Cell> totals = AnalyticsTables.totals(report);
        assertEquals(12, totals.get(0).value());
        ViolationQuery registered = totals.get(0).query();
        assertEquals(ALL, registered.groups(), "archived cases of the period count too");
        assertEquals(FROM, registered.createdFrom());
        assertEquals(TO, registered.createdTo());
        assertNull(registered.confirmedFrom());
        ViolationQuery fixed = totals.get(1).query();
        assertEquals(7, totals.get(1).value());
        assertEquals(FROM, fixed.confirmedFrom());
        assertEquals(TO, fixed.confirmedTo());
        assertNull(fixed.createdFrom());
        assertEquals(ALL, fixed.groups());
    }

    @Test
    void breakdownCellsAddTheTypeOrExecutor() {
        PeriodReport report = report();
        List<ReportLine> types = AnalyticsTables.byType(report);
        assertEquals(5L, types.get(0).registered().query().typeId());
        assertEquals(FROM, types.get(0).registered().query().createdFrom());
        assertEquals(5L, types.get(0).fixed().query().typeId());
        assertEquals(TO, types.get(0).fixed().query().confirmedTo());
        assertNull(types.get(0).fixed().query().executorId());

        List<ReportLine> executors = AnalyticsTables.byExecutor(report);
        assertEquals(9L, executors.get(0).registered().query().executorId());
        assertNull(executors.get(0).registered().query().typeId());
        assertEquals(9L, executors.get(0).fixed().query().executorId());
        assertEquals(FROM, executors.get(0).fixed().query().confirmedFrom());
        // "no executor yet" opens the list of cases without one, like every other number
        assertTrue(executors.get(1).registered().linked());
        assertEquals(4, executors.get(1).registered().value());
        assertEquals(ViolationQuery.NO_EXECUTOR, executors.get(1).registered().query().executorId());
        assertEquals(ViolationQuery.NO_EXECUTOR, executors.get(1).fixed().query().executorId());
        assertTrue(DrillDown.href(executors.get(1).registered().query()).contains("executor=none"));
    }

    @Test
    void chartDataUsesTheChartsBuckets() {
        List<Daily> twoYears = new java.util.ArrayList<>();
        for (LocalDate d = LocalDate.of(2025, 1, 1); d.isBefore(LocalDate.of(2027, 1, 1)); d = d.plusDays(1)) {
            twoYears.add(new Daily(d, 1, 0));
        }
        PeriodReport r = new PeriodReport(LocalDate.of(2025, 1, 1), LocalDate.of(2026, 12, 31), 730, 0, null, List.of(),
                List.of(), twoYears);
        List<Line<DailyChart.Bucket>> months = AnalyticsTables.chartData(r);
        assertEquals(24, months.size(), "one row per month, not 730 daily rows");
        ViolationQuery february = months.get(1).cells().get(0).query();
        assertEquals(LocalDate.of(2025, 2, 1), february.createdFrom());
        assertEquals(LocalDate.of(2025, 2, 28), february.createdTo());
        assertEquals(28, months.get(1).cells().get(0).value());
    }

    @Test
    void dailyCellsFilterOneDay() {
        List<Line<DailyChart.Bucket>> days = AnalyticsTables.chartData(report());
        ViolationQuery second = days.get(1).cells().get(0).query();
        assertEquals(LocalDate.of(2026, 11, 2), second.createdFrom());
        assertEquals(LocalDate.of(2026, 11, 2), second.createdTo());
        ViolationQuery fixed = days.get(1).cells().get(1).query();
        assertEquals(LocalDate.of(2026, 11, 2), fixed.confirmedFrom());
        assertEquals(LocalDate.of(2026, 11, 2), fixed.confirmedTo());
        assertEquals(3, days.get(1).cells().get(1).value());
    }

    @Test
    void everyLinkReadsBackAsTheSameQueryInTheListView() {
        WorkflowAction sent = new WorkflowAction(ActionKind.SENT, 2, "Направлено виконавцю", StatusGroup.SENT,
                ResponsibleGroup.EXECUTORS);
        List<ViolationQuery> queries = List.of(DrillDown.group(StatusGroup.DONE, 30), DrillDown.action(sent, 7),
                DrillDown.responsible(ResponsibleGroup.ADMINISTRATORS), DrillDown.registered(FROM, TO, 5L, null),
                DrillDown.fixed(FROM, TO, null, 9L), DrillDown.archive());
        for (ViolationQuery q : queries) {
            String href = DrillDown.href(q);
            assertTrue(href.startsWith("oks/violations?"), href);
            QueryParameters params = QueryParameters.fromString(href.substring(href.indexOf('?') + 1));
            assertEquals(q, ViolationQueryParams.fromParameters(params.getParameters(), q.limit()), href);
        }
        String href = DrillDown.href(DrillDown.action(sent, 7));
        assertEquals(java.util.Map.of("group", List.of("SENT"), "action", List.of("2"), "older", List.of("7")),
                QueryParameters.fromString(href.substring(href.indexOf('?') + 1)).getParameters());
    }

    private static PeriodReport report() {
        return new PeriodReport(FROM, TO, 12, 7, 3.25,
                List.of(new Breakdown(5L, "Дерева", 8, 5, 2.0), new Breakdown(6L, "Вивіски", 4, 2, 6.5)),
                List.of(new Breakdown(9L, "КП «Декоративні культури»", 8, 7, 3.25), new Breakdown(null, null, 4, 0, null)),
                List.of(new Daily(FROM, 2, 0), new Daily(FROM.plusDays(1), 10, 3)));
    }

    private static void assertQuery(ViolationQuery q, Set<StatusGroup> groups, Integer action,
            ResponsibleGroup responsible, Integer older) {
        assertEquals(groups, q.groups());
        assertEquals(action, q.actionCode());
        assertEquals(responsible, q.responsible());
        assertEquals(older, q.olderThanDays());
        assertNull(q.typeId());
        assertNull(q.executorId());
        assertNull(q.createdFrom());
        assertNull(q.confirmedFrom());
        assertNull(q.overdue());
        assertNull(q.text());
    }
}
