package ua.hromada.oks.service;

import static org.junit.jupiter.api.Assertions.*;
import static ua.hromada.oks.api.ActionKind.*;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import ua.hromada.oks.api.OksAnalytics;
import ua.hromada.oks.api.OksAnalytics.AgeRow;
import ua.hromada.oks.api.OksAnalytics.PeriodReport;
import ua.hromada.oks.api.NewViolation;
import ua.hromada.oks.api.ResponsibleGroup;
import ua.hromada.oks.api.StatusGroup;
import ua.hromada.oks.api.TransitionRequest;
import ua.hromada.oks.api.Urgency;
import ua.hromada.oks.api.ViolationQuery;
import ua.hromada.oks.api.Violations;
import ua.hromada.oks.api.WorkflowAction;
import ua.hromada.portal.api.PortalUser;

/**
 * The analytics tables against a fixture whose numbers were computed by hand (see the timeline),
 * and every cell against the list it opens.
 */
class OksAnalyticsImplTest {
    private static OksTestSetup oks;
    private static Violations service;
    private static OksAnalytics analytics;
    private static LocalDate day30;
    private static LocalDate day40;

    /*
     * Timeline (days from the start; "now" is day 40):
     *  day 0:  v1 detected (stays unassigned: 40 days);  v5 detected
     *  day 5:  v5 sent, accepted, reported (waits for confirmation 35 days)
     *  day 30: v2 detected urgently (10 days); v3 detected
     *  day 32: v3 sent (8 days)
     *  day 35: v6 detected, sent, accepted, reported; v8 detected and archived
     *  day 37: v7 detected, sent;  day 38: v7 disputed (2 days); v4 detected, sent
     *  day 39: v6 confirmed (1 day; 4 days from registration to fix)
     *  day 40: v4 accepted (0 days)
     */
    @BeforeAll
    static void fixture() {
        oks = new OksTestSetup();
        service = oks.violations();
        analytics = oks.analytics();
        ZoneId kyiv = ZoneId.of("Europe/Kyiv");
        long v1 = oks.register("v1").id();
        long v5 = oks.register("v5").id();
        days(5);
        send(v5);
        step(oks.executor, v5, ACCEPTED);
        step(oks.executor, v5, REPORTED);
        days(25);
        day30 = LocalDate.ofInstant(oks.clock().instant(), kyiv);
        long v2 = service.register(oks.inspector, new NewViolation(oks.type("trees").id(), "v2", "", OksTestSetup.LAT,
                OksTestSetup.LON, Urgency.URGENT, null, null, List.of())).id();
        long v3 = oks.register("v3").id();
        days(2);
        send(v3);
        days(3);
        long v6 = oks.register("v6").id();
        send(v6);
        step(oks.executor, v6, ACCEPTED);
        step(oks.executor, v6, REPORTED);
        long v8 = oks.register("v8").id();
        step(oks.admin, v8, ARCHIVED);
        days(2);
        long v7 = oks.register("v7").id();
        send(v7);
        days(1);
        service.transition(oks.executor, v7, new TransitionRequest(DISPUTED, "не наше", null, null, List.of()));
        long v4 = oks.register("v4").id();
        send(v4);
        days(1);
        step(oks.inspector, v6, CONFIRMED);
        days(1);
        step(oks.executor, v4, ACCEPTED);
        day40 = LocalDate.ofInstant(oks.clock().instant(), kyiv);
        assertTrue(v1 > 0 && v2 > 0);
    }

    @AfterAll
    static void close() {
        oks.close();
    }

    private static void days(int n) {
        oks.clock().advance(Duration.ofDays(n));
    }

    private static void send(long id) {
        service.transition(oks.inspector, id, new TransitionRequest(SENT, null, oks.org.id(), oks.today().plusDays(20),
                List.of()));
    }

    private static void step(PortalUser who, long id, ua.hromada.oks.api.ActionKind kind) {
        service.transition(who, id, OksTestSetup.plainStep(kind));
    }

    private static ViolationQuery query(Set<StatusGroup> groups, Integer code, ResponsibleGroup responsible,
            Integer older) {
        return new ViolationQuery(groups, code, responsible, older, null, null, null, null, null, null, null, null, null,
                null, 0, 100);
    }

    @Test
    void byStatusGroupMatchesTheHandCount() {
        Map<StatusGroup, List<Long>> got = new LinkedHashMap<>();
        for (AgeRow<StatusGroup> r : analytics.byStatusGroup(oks.viewer)) {
            got.put(r.key(), List.of(r.count(), r.over7(), r.over30()));
        }
        assertEquals(Map.of(StatusGroup.UNASSIGNED, List.of(2L, 2L, 1L), StatusGroup.SENT, List.of(1L, 1L, 0L),
                StatusGroup.IN_PROGRESS, List.of(1L, 0L, 0L), StatusGroup.DONE, List.of(2L, 1L, 1L),
                StatusGroup.CONFLICT, List.of(1L, 0L, 0L)), got);
        assertEquals(List.of(StatusGroup.UNASSIGNED, StatusGroup.SENT, StatusGroup.IN_PROGRESS, StatusGroup.DONE,
                StatusGroup.CONFLICT), List.copyOf(got.keySet()), "the seed's order, no archive");
    }

    @Test
    void byResponsibilityMatchesTheHandCount() {
        Map<ResponsibleGroup, Long> got = new LinkedHashMap<>();
        analytics.byResponsibility(oks.viewer).forEach(r -> got.put(r.key(), r.count()));
        // seed 000's mapping (migration V10): after a confirmation and in a conflict the inspector acts
        assertEquals(Map.of(ResponsibleGroup.ADMINISTRATORS, 0L, ResponsibleGroup.INSPECTORS, 5L,
                ResponsibleGroup.EXECUTORS, 2L), got);
    }

    @Test
    void byActionListsEveryCurrentActionWithItsCode() {
        Map<String, List<Long>> got = new LinkedHashMap<>();
        for (AgeRow<WorkflowAction> r : analytics.byAction(oks.viewer)) {
            got.put(r.key().displayCode(), List.of(r.count(), r.over7(), r.over30()));
        }
        assertEquals(List.of(1L, 1L, 1L), got.get("1-1"));
        assertEquals(List.of(1L, 1L, 0L), got.get("1-18"));
        assertEquals(List.of(1L, 1L, 0L), got.get("2-2"));
        assertEquals(List.of(0L, 0L, 0L), got.get("2-8"));
        assertEquals(List.of(1L, 0L, 0L), got.get("3-3"));
        assertEquals(List.of(1L, 1L, 1L), got.get("4-4"));
        assertEquals(List.of(1L, 0L, 0L), got.get("4-5"));
        assertEquals(List.of(1L, 0L, 0L), got.get("5-7"));
        assertFalse(got.containsKey("6-10"), "archived cases are not current");
        assertEquals(0L, got.get("3-11").get(0), "the shipped prescription step, taken by none");
        assertEquals(13, got.size(), "every current action of the catalogue, the archive not");
    }

    @Test
    void everyCellOpensExactlyTheViolationsItCounts() {
        for (AgeRow<StatusGroup> r : analytics.byStatusGroup(oks.viewer)) {
            assertEquals(r.count(), service.count(oks.viewer, query(Set.of(r.key()), null, null, null)), r.key().name());
            assertEquals(r.over7(), service.count(oks.viewer, query(Set.of(r.key()), null, null, 7)));
            assertEquals(r.over30(), service.count(oks.viewer, query(Set.of(r.key()), null, null, 30)));
        }
        for (AgeRow<WorkflowAction> r : analytics.byAction(oks.viewer)) {
            assertEquals(r.count(), service.count(oks.viewer, query(null, r.key().code(), null, null)));
            assertEquals(r.over7(), service.count(oks.viewer, query(null, r.key().code(), null, 7)));
        }
        analytics.byResponsibility(oks.viewer).forEach(r ->
                assertEquals(r.count(), service.count(oks.viewer, query(null, null, r.key(), null))));
    }

    @Test
    void periodReportMatchesTheHandCount() {
        PeriodReport report = analytics.periodReport(oks.viewer, day30, day40);
        assertEquals(6, report.registered());
        assertEquals(1, report.fixed());
        assertEquals(4.0, report.averageDaysToFix());
        assertEquals(1, report.byType().size());
        assertEquals("Дерева", report.byType().get(0).name());
        assertEquals(6, report.byType().get(0).registered());
        Map<String, Long> byExecutor = new LinkedHashMap<>();
        report.byExecutor().forEach(b -> byExecutor.put(b.name() == null ? "-" : b.name(), b.registered()));
        assertEquals(Map.of("КП «Декоративні культури»", 4L, "-", 2L), byExecutor);
        assertEquals(11, report.daily().size());
        assertEquals(6, report.daily().stream().mapToLong(OksAnalytics.Daily::registered).sum());
        assertEquals(1, report.daily().stream().mapToLong(OksAnalytics.Daily::fixed).sum());

        Set<StatusGroup> all = EnumSet.allOf(StatusGroup.class);
        assertEquals(6, service.count(oks.viewer, new ViolationQuery(all, null, null, null, null, null, null, null,
                day30, day40, null, null, null, null, 0, 100)));
        assertEquals(1, service.count(oks.viewer, new ViolationQuery(all, null, null, null, null, null, null, null,
                null, null, day30, day40, null, null, 0, 100)));
        // the whole history
        assertEquals(8, analytics.periodReport(oks.viewer, day30.minusDays(30), day40).registered());
    }

    @Test
    void executorsSeeTheirOrganisationsNumbersOnly() {
        long total = analytics.byStatusGroup(oks.executor).stream().mapToLong(AgeRow::count).sum();
        assertEquals(5, total, "v3, v4, v5, v6, v7 are with the executor organisation");
    }
}
