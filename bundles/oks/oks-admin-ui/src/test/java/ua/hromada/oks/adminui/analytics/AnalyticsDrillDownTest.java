package ua.hromada.oks.adminui.analytics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static ua.hromada.oks.api.ActionKind.ACCEPTED;
import static ua.hromada.oks.api.ActionKind.ARCHIVED;
import static ua.hromada.oks.api.ActionKind.CONFIRMED;
import static ua.hromada.oks.api.ActionKind.DISPUTED;
import static ua.hromada.oks.api.ActionKind.REDIRECTED;
import static ua.hromada.oks.api.ActionKind.REPORTED;
import static ua.hromada.oks.api.ActionKind.SENT;

import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import ua.hromada.oks.adminui.analytics.AnalyticsTables.Line;
import ua.hromada.oks.adminui.analytics.AnalyticsTables.ReportLine;
import ua.hromada.oks.api.ActionKind;
import ua.hromada.oks.api.OksAnalytics;
import ua.hromada.oks.api.OksAnalytics.PeriodReport;
import ua.hromada.oks.api.OksAnalytics.StatusSelection;
import ua.hromada.oks.api.ExecutorOrganisation;
import ua.hromada.oks.api.NewViolation;
import ua.hromada.oks.api.ResponsibleGroup;
import ua.hromada.oks.api.StatusGroup;
import ua.hromada.oks.api.TransitionRequest;
import ua.hromada.oks.api.Urgency;
import ua.hromada.oks.api.ViolationQuery;
import ua.hromada.oks.api.Violations;
import ua.hromada.oks.api.ViolationType;
import ua.hromada.oks.api.WorkflowAction;
import ua.hromada.oks.service.OksTestSetup;
import ua.hromada.portal.api.PortalUser;

/**
 * The analytics rows computed by the real service on PostgreSQL for a hand-made fixture, and
 * every number's drill-down query (as this bundle builds it for the link) counted by the
 * violation service: a click lists exactly what the number says.
 */
class AnalyticsDrillDownTest {

    private static OksTestSetup oks;
    private static Violations service;
    private static OksAnalytics analytics;
    private static PortalUser viewer;
    private static ViolationType signs;
    private static LocalDate day0;
    private static LocalDate day30;
    private static LocalDate day40;

    /*
     * "now" is day 40. Types: trees (seeded), signs (added here). org = КП «Декоративні культури»,
     * other = the operational-response unit.
     *  a1 trees  day 0  detected, nothing more                      -> 1-1  UNASSIGNED, 40 days
     *  a2 signs  day 0  sent org, accepted, day 1 reported           -> 4-4  DONE, 39 days
     *  a3 trees  day 20 sent other, accepted, reported; day 25 confirmed -> 4-5 DONE, 15 days (fixed in 5)
     *  a4 signs  day 32 urgent, sent org                             -> 2-2  SENT, 8 days
     *  a5 trees  day 35 detected, archived                           -> 6-10 ARCHIVED
     *  a6 signs  day 36 sent org; day 38 disputed                    -> 5-7  CONFLICT, 2 days
     *  a7 trees  day 38 sent other, accepted; day 39 reported; day 40 confirmed -> 4-5 DONE, 0 days
     *  a8 trees  day 39 sent org, redirected to other                -> 2-8  SENT, 1 day
     */
    @BeforeAll
    static void fixture() {
        oks = new OksTestSetup();
        service = oks.violations();
        analytics = oks.analytics();
        viewer = oks.viewer;
        signs = oks.catalog().saveType(oks.admin, new ViolationType(0, "signs-test", "Вивіски", null, true));
        ExecutorOrganisation org = oks.org;
        ExecutorOrganisation other = oks.otherOrg;
        day0 = oks.today();

        register("a1", "trees", false);
        long a2 = register("a2", "signs", false);
        send(a2, org);
        step(oks.executor, a2, ACCEPTED);
        days(1);
        step(oks.executor, a2, REPORTED);
        days(19);
        long a3 = register("a3", "trees", false);
        send(a3, other);
        step(oks.otherExecutor, a3, ACCEPTED);
        step(oks.otherExecutor, a3, REPORTED);
        days(5);
        step(oks.inspector, a3, CONFIRMED);
        days(7);
        long a4 = register("a4", "signs", true);
        send(a4, org);
        days(3);
        long a5 = register("a5", "trees", false);
        step(oks.admin, a5, ARCHIVED);
        days(1);
        long a6 = register("a6", "signs", false);
        send(a6, org);
        days(2);
        service.transition(oks.executor, a6, new TransitionRequest(DISPUTED, "не наша ділянка", null, null, List.of()));
        long a7 = register("a7", "trees", false);
        send(a7, other);
        step(oks.otherExecutor, a7, ACCEPTED);
        days(1);
        step(oks.otherExecutor, a7, REPORTED);
        long a8 = register("a8", "trees", false);
        send(a8, org);
        service.transition(oks.inspector, a8, new TransitionRequest(REDIRECTED, "це до відділу реагування", other.id(),
                null, List.of()));
        days(1);
        step(oks.inspector, a7, CONFIRMED);
        day30 = day0.plusDays(30);
        day40 = oks.today();
        assertEquals(day0.plusDays(40), day40);
    }

    @AfterAll
    static void close() {
        oks.close();
    }

    @Test
    void statusGroupCellsOpenWhatTheyCount() {
        Map<StatusGroup, List<Long>> shown = new LinkedHashMap<>();
        for (Line<StatusGroup> line : AnalyticsTables.byStatusGroup(analytics.byStatusGroup(viewer))) {
            shown.put(line.key(), values(line));
            assertDrillDowns(line);
        }
        // the hand count of the timeline above
        assertEquals(List.of(1L, 1L, 1L), shown.get(StatusGroup.UNASSIGNED));
        assertEquals(List.of(2L, 1L, 0L), shown.get(StatusGroup.SENT));
        assertEquals(List.of(0L, 0L, 0L), shown.get(StatusGroup.IN_PROGRESS));
        assertEquals(List.of(3L, 2L, 1L), shown.get(StatusGroup.DONE));
        assertEquals(List.of(1L, 0L, 0L), shown.get(StatusGroup.CONFLICT));
    }

    @Test
    void responsibilityCellsOpenWhatTheyCount() {
        Map<ResponsibleGroup, Long> shown = new LinkedHashMap<>();
        for (Line<ResponsibleGroup> line : AnalyticsTables.byResponsibility(analytics.byResponsibility(viewer))) {
            shown.put(line.key(), line.cells().get(0).value());
            assertDrillDowns(line);
        }
        // seed 000's mapping (migration V10): confirmed and disputed cases wait for the inspector
        assertEquals(Map.of(ResponsibleGroup.INSPECTORS, 5L, ResponsibleGroup.EXECUTORS, 2L,
                ResponsibleGroup.ADMINISTRATORS, 0L), shown);
    }

    @Test
    void actionCellsOpenWhatTheyCount() {
        Map<String, List<Long>> shown = new LinkedHashMap<>();
        for (Line<WorkflowAction> line : AnalyticsTables.byAction(analytics.byAction(viewer))) {
            shown.put(line.key().displayCode(), values(line));
            assertDrillDowns(line);
        }
        assertEquals(List.of(1L, 1L, 1L), shown.get("1-1"));
        assertEquals(List.of(0L, 0L, 0L), shown.get("1-18"), "a4 was urgent but has moved on");
        assertEquals(List.of(1L, 1L, 0L), shown.get("2-2"));
        assertEquals(List.of(1L, 0L, 0L), shown.get("2-8"));
        assertEquals(List.of(1L, 1L, 1L), shown.get("4-4"));
        assertEquals(List.of(2L, 1L, 0L), shown.get("4-5"));
        assertEquals(List.of(1L, 0L, 0L), shown.get("5-7"));
    }

    @Test
    void reportCellsOpenWhatTheyCount() {
        PeriodReport whole = analytics.periodReport(viewer, day0, day40);
        assertEquals(8, whole.registered(), "the archived case counts as registered");
        assertEquals(2, whole.fixed());
        assertTrue(whole.byExecutor().stream().anyMatch(b -> b.id() == null && b.registered() > 0),
                "some case of the period has no executor");
        assertReportDrillDowns(whole);

        PeriodReport last = analytics.periodReport(viewer, day30, day40);
        assertEquals(5, last.registered());
        assertEquals(1, last.fixed());
        assertReportDrillDowns(last);
        Map<String, Long> byType = new LinkedHashMap<>();
        AnalyticsTables.byType(last).forEach(l -> byType.put(l.source().name(), l.registered().value()));
        assertEquals(Map.of("Дерева", 3L, "Вивіски", 2L), byType);
    }

    @Test
    void archiveLinkListsTheArchivedCase() {
        assertEquals(1, service.count(viewer, DrillDown.archive()));
        assertEquals("a5", service.search(viewer, DrillDown.archive()).get(0).description());
    }

    private static void assertReportDrillDowns(PeriodReport report) {
        List<Cell> totals = AnalyticsTables.totals(report);
        assertCount(totals.get(0), "registered");
        assertCount(totals.get(1), "fixed");
        List<ReportLine> lines = new java.util.ArrayList<>(AnalyticsTables.byType(report));
        lines.addAll(AnalyticsTables.byExecutor(report));
        int linked = 0;
        for (ReportLine line : lines) {
            for (Cell c : List.of(line.registered(), line.fixed())) {
                if (c.linked()) {
                    assertCount(c, line.source().name());
                    linked++;
                }
            }
        }
        assertTrue(linked >= 6, "types and executors are linked");
        assertTrue(AnalyticsTables.byExecutor(report).stream().filter(l -> l.source().id() == null)
                .allMatch(l -> l.registered().linked() && l.fixed().linked()), "«Без виконавця» opens its list too");
        for (Line<DailyChart.Bucket> day : AnalyticsTables.chartData(report)) {
            assertDrillDowns(day);
        }
    }

    /** «Оберіть статус»: for every status one may choose, every number of every table opens what it counts. */
    @Test
    void everyChosenStatusAndOverdueCellOpensWhatItCounts() {
        List<StatusSelection> choices = new java.util.ArrayList<>(List.of(StatusSelection.ALL));
        for (StatusGroup g : StatusGroup.values()) {
            if (g.current()) {
                choices.add(StatusSelection.group(g));
            }
        }
        analytics.byAction(viewer).forEach(r -> choices.add(StatusSelection.action(r.key())));
        int cells = 0;
        for (StatusSelection sel : choices) {
            List<Line<?>> lines = new java.util.ArrayList<>();
            lines.addAll(AnalyticsTables.byStatusGroup(analytics.byStatusGroup(viewer, sel), sel));
            lines.addAll(AnalyticsTables.byResponsibility(analytics.byResponsibility(viewer, sel), sel));
            lines.addAll(AnalyticsTables.byAction(analytics.byAction(viewer, sel)));
            lines.addAll(AnalyticsTables.overdueByGroup(analytics.overdueByGroup(viewer, sel), sel));
            lines.addAll(AnalyticsTables.overdueByExecutor(analytics.overdueByExecutor(viewer, sel), sel));
            long chosen = analytics.byStatusGroup(viewer, sel).stream().mapToLong(OksAnalytics.AgeRow::count).sum();
            assertEquals(chosen, service.count(viewer, DrillDown.selected(sel)), "the chosen status's list " + sel);
            for (Line<?> line : lines) {
                assertDrillDowns(line);
                cells += line.cells().size();
            }
        }
        assertTrue(cells > 100, "every table under every choice: " + cells);
        // a confirmed case that only waits for the archive is no overdue work: its ages are not highlighted
        Line<WorkflowAction> confirmed = AnalyticsTables.byAction(analytics.byAction(viewer)).stream()
                .filter(l -> l.key().kind() == CONFIRMED).findFirst().orElseThrow();
        assertTrue(confirmed.cells().get(1).value() > 0, "a3 was confirmed 15 days ago");
        assertTrue(confirmed.cells().stream().noneMatch(Cell::highlight));
    }

    private static void assertDrillDowns(Line<?> line) {
        for (Cell c : line.cells()) {
            assertCount(c, String.valueOf(line.key()));
        }
    }

    /**
     * The list's count and size per query, asked once: many cells share a query (the zeros, a group
     * under several choices of the selector) and the cases do not change after the fixture; asking
     * each cell's twice took 96 s of this class's time in CI.
     */
    private static final java.util.Map<ViolationQuery, List<Long>> LISTED = new java.util.HashMap<>();

    private static void assertCount(Cell cell, String what) {
        ViolationQuery q = cell.query();
        List<Long> listed = LISTED.computeIfAbsent(q, k -> List.of(service.count(viewer, k),
                (long) service.search(viewer, k.page(0, 1000)).size()));
        assertEquals(cell.value(), listed.get(0), what + " -> " + DrillDown.href(q));
        // the list view reads the link back into the same query
        assertEquals(cell.value(), listed.get(1), what);
    }

    private static List<Long> values(Line<?> line) {
        return line.cells().stream().map(Cell::value).toList();
    }

    private static long register(String description, String type, boolean urgent) {
        long typeId = "signs".equals(type) ? signs.id() : oks.type("trees").id();
        return service.register(oks.inspector, new NewViolation(typeId, description, "вул. Соборності, 1",
                OksTestSetup.LAT, OksTestSetup.LON, urgent ? Urgency.URGENT : Urgency.NORMAL, null, null, List.of()))
                .id();
    }

    private static void send(long id, ExecutorOrganisation to) {
        service.transition(oks.inspector, id, new TransitionRequest(SENT, null, to.id(), oks.today().plusDays(60),
                List.of()));
    }

    private static void step(PortalUser who, long id, ActionKind kind) {
        service.transition(who, id, OksTestSetup.plainStep(kind));
    }

    private static void days(int n) {
        oks.clock().advance(Duration.ofDays(n));
    }
}
