package ua.hromada.oks.service;

import static org.junit.jupiter.api.Assertions.*;
import static ua.hromada.oks.api.ActionKind.*;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import ua.hromada.oks.api.OksAnalytics;
import ua.hromada.oks.api.OksAnalytics.AgeRow;
import ua.hromada.oks.api.OksAnalytics.Organisation;
import ua.hromada.oks.api.OksAnalytics.OverdueRow;
import ua.hromada.oks.api.OksAnalytics.StatusSelection;
import ua.hromada.oks.api.StatusGroup;
import ua.hromada.oks.api.TransitionRequest;
import ua.hromada.oks.api.ViolationQuery;
import ua.hromada.oks.api.Violations;

/**
 * The two clocks of a case kept apart: "> 7 / > 30 днів" is the time in the current status (since
 * the last step), "прострочено" is the deadline passed while the executor has not reported. Day 0:
 * four cases sent and accepted — A due on day 3, B due on day 60, C due on day 3 but extended on
 * day 9 to day 20, D due on day 3 and reported done on day 2. "Now" is day 10.
 */
class TimeInStatusTest {
    private static OksTestSetup oks;
    private static Violations service;
    private static OksAnalytics analytics;

    @BeforeAll
    static void fixture() {
        oks = new OksTestSetup();
        service = oks.violations();
        analytics = oks.analytics();
        long a = accepted("A", 3);
        long b = accepted("B", 60);
        long c = accepted("C", 3);
        long d = accepted("D", 3);
        days(2);
        service.transition(oks.executor, d, OksTestSetup.report());
        days(7);
        service.transition(oks.inspector, c, new TransitionRequest(EXTENDED, null, null, oks.today().plusDays(11),
                List.of()));
        days(1);
        assertTrue(a > 0 && b > 0);
    }

    @AfterAll
    static void close() {
        oks.close();
    }

    private static long accepted(String what, int deadlineDays) {
        long id = oks.register(what).id();
        service.transition(oks.inspector, id, new TransitionRequest(SENT, null, oks.org.id(),
                oks.today().plusDays(deadlineDays), List.of()));
        service.transition(oks.executor, id, TransitionRequest.of(ACCEPTED));
        return id;
    }

    private static void days(int n) {
        oks.clock().advance(Duration.ofDays(n));
    }

    @Test
    void agesCountTheTimeInTheCurrentStatus() {
        Map<StatusGroup, List<Long>> got = analytics.byStatusGroup(oks.viewer).stream()
                .collect(Collectors.toMap(AgeRow::key, r -> List.of(r.count(), r.over7(), r.over30())));
        assertEquals(List.of(3L, 2L, 0L), got.get(StatusGroup.IN_PROGRESS),
                "A and B accepted 10 days ago; C's extension yesterday put it in a new status");
        assertEquals(List.of(1L, 1L, 0L), got.get(StatusGroup.DONE), "D reported 8 days ago, waiting for the inspector");
    }

    @Test
    void overdueCountsTheDeadlineWhateverTheTimeInStatus() {
        Map<StatusGroup, List<Long>> byGroup = analytics.overdueByGroup(oks.viewer, StatusSelection.ALL).stream()
                .collect(Collectors.toMap(OverdueRow::key, r -> List.of(r.count(), r.overdue())));
        assertEquals(List.of(3L, 1L), byGroup.get(StatusGroup.IN_PROGRESS), "only A: C's deadline was extended");
        assertEquals(List.of(1L, 0L), byGroup.get(StatusGroup.DONE), "D is reported: late no more");
        assertEquals(List.of(0L, 0L), byGroup.get(StatusGroup.SENT));
        assertEquals(5, byGroup.size(), "every current group, the archive left out");

        List<OverdueRow<Organisation>> byExecutor = analytics.overdueByExecutor(oks.viewer, StatusSelection.ALL);
        assertEquals(List.of(new OverdueRow<>(new Organisation(oks.org.id(), oks.org.name()), 4, 1)), byExecutor);
    }

    @Test
    void everyOverdueCellOpensTheListOfWhatItCounts() {
        for (OverdueRow<StatusGroup> r : analytics.overdueByGroup(oks.viewer, StatusSelection.ALL)) {
            assertEquals(r.count(), service.count(oks.viewer, query(Set.of(r.key()), null, null)));
            assertEquals(r.overdue(), service.count(oks.viewer, query(Set.of(r.key()), null, true)), r.key().name());
        }
        for (OverdueRow<Organisation> r : analytics.overdueByExecutor(oks.viewer, StatusSelection.ALL)) {
            assertEquals(r.overdue(), service.count(oks.viewer, query(Set.of(), r.key().id(), true)));
        }
    }

    @Test
    void theChosenStatusNarrowsTheOverdueView() {
        List<OverdueRow<StatusGroup>> done = analytics.overdueByGroup(oks.viewer, StatusSelection.group(StatusGroup.DONE));
        assertEquals(List.of(new OverdueRow<>(StatusGroup.DONE, 1, 0)), done);
        assertEquals(List.of(new OverdueRow<>(new Organisation(oks.org.id(), oks.org.name()), 1, 0)),
                analytics.overdueByExecutor(oks.viewer, StatusSelection.group(StatusGroup.DONE)));
    }

    @Test
    void strangersSeeNoNumbers() {
        assertThrows(ua.hromada.oks.api.OksException.class, () -> analytics.overdueByGroup(oks.stranger, null));
    }

    private static ViolationQuery query(Set<StatusGroup> groups, Long executor, Boolean overdue) {
        return new ViolationQuery(groups, null, null, null, null, executor, null, overdue, null, null, null, null, null,
                null, 0, 100);
    }
}
