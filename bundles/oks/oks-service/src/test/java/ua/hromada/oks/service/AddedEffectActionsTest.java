package ua.hromada.oks.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static ua.hromada.oks.api.ActionKind.ACCEPTED;
import static ua.hromada.oks.api.ActionKind.ARCHIVED;
import static ua.hromada.oks.api.ActionKind.SENT;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

import ua.hromada.oks.api.ActionEffect;
import ua.hromada.oks.api.OksAnalytics.OverdueRow;
import ua.hromada.oks.api.ResponsibleGroup;
import ua.hromada.oks.api.StatusGroup;
import ua.hromada.oks.api.OksAnalytics.StatusSelection;
import ua.hromada.oks.api.StepInputs.Input;
import ua.hromada.oks.api.TransitionRequest;
import ua.hromada.oks.api.ViolationMap;
import ua.hromada.oks.api.ViolationMap.Marker;
import ua.hromada.oks.api.ViolationQuery;
import ua.hromada.oks.api.Violations;
import ua.hromada.oks.api.WorkflowAction;
import ua.hromada.oks.api.WorkflowAction.Role;
import ua.hromada.portal.api.map.BoundingBox;
import ua.hromada.portal.testing.RecordingAuditLog;

/**
 * An action an administrator adds behaves as the shipped action of the same effect: a REPORT ends
 * the overdue and awaits confirmation, a CONFIRM is archived as «Виконання підтверджено» is, and
 * the map's popup carries the added action's own key and effect.
 */
class AddedEffectActionsTest {
    @AutoClose
    private final OksTestSetup oks = new OksTestSetup();
    private final Violations service = oks.violations();

    private WorkflowAction add(int code, String name, ActionEffect effect, Role role, String after) {
        return oks.catalog().saveAction(oks.admin, new WorkflowAction("", code, name, StatusGroup.DONE,
                ResponsibleGroup.INSPECTORS, effect, true, Set.of(role), Set.of(after), Set.of(Input.COMMENT), Set.of(),
                null, 0));
    }

    /** Registered, sent with a deadline in two days and accepted by the executor. */
    private long accepted(String what) {
        long id = oks.register(what).id();
        service.transition(oks.inspector, id, new TransitionRequest(SENT, null, oks.org.id(), oks.today().plusDays(2),
                List.of()));
        service.transition(oks.executor, id, TransitionRequest.of(ACCEPTED));
        return id;
    }

    private long overdue(List<OverdueRow<StatusGroup>> rows, StatusGroup group) {
        return rows.stream().filter(r -> r.key() == group).mapToLong(OverdueRow::overdue).sum();
    }

    @Test
    void anAddedReportActionEndsTheOverdueAndAwaitsConfirmation() {
        WorkflowAction done = add(22, "Виконано частково", ActionEffect.REPORT, Role.EXECUTOR, "ACCEPTED");
        long reported = accepted("звітовано доданою дією");
        long late = accepted("ще не виконано");
        service.transition(oks.executor, reported, TransitionRequest.of(done.key()));
        oks.clock().advance(Duration.ofDays(5));

        List<OverdueRow<StatusGroup>> rows = oks.analytics().overdueByGroup(oks.viewer, StatusSelection.ALL);
        assertEquals(0, overdue(rows, StatusGroup.DONE), "the added report finished the work: not overdue");
        assertEquals(1, overdue(rows, StatusGroup.IN_PROGRESS), "the accepted case " + late + " is overdue");
        assertEquals(1, service.summary(oks.viewer).awaitingConfirmation(), "the added report awaits confirmation");
        assertEquals(List.of(reported), service.search(oks.viewer, service.awaitingConfirmation()).stream()
                .map(ua.hromada.oks.api.Violation::id).toList(), "the count's link lists what it counts");
        assertEquals(1, service.summary(oks.viewer).overdue());
    }

    @Test
    void aCaseConfirmedByAnAddedActionIsArchivedLikeAConfirmedOne() {
        WorkflowAction paid = add(23, "Сплачено штраф", ActionEffect.CONFIRM, Role.INSPECTOR, "ACCEPTED");
        Archiving archiving = new Archiving(service, new RecordingAuditLog(), oks.communities(), 30, null);
        long auto = accepted("сплачено давно");
        long chosen = accepted("сплачено, обрано адміністратором");
        long open = accepted("ще не сплачено");
        service.transition(oks.inspector, auto, TransitionRequest.of(paid.key()));
        service.transition(oks.inspector, chosen, TransitionRequest.of(paid.key()));
        assertEquals(2, service.count(oks.admin, archiving.confirmedOlderThan(0)), "the archive tab's list has both");

        assertEquals(List.of(chosen), archiving.archive(oks.admin, List.of(chosen, open)).archived(),
                "the chosen case confirmed by the added action is archived, the open one skipped");
        oks.clock().advance(Duration.ofDays(31));
        assertEquals(List.of(auto), archiving.archiveDue().archived(), "archived 30 days after the added confirmation");
        assertEquals(ARCHIVED, service.find(oks.admin, auto).orElseThrow().lastAction().kind());
        assertEquals(ACCEPTED, service.find(oks.admin, open).orElseThrow().lastAction().kind());
    }

    @Test
    void theMapCarriesTheAddedActionAsTheCatalogueRow() {
        WorkflowAction done = add(24, "Виконано частково", ActionEffect.REPORT, Role.EXECUTOR, "ACCEPTED");
        long id = accepted("на мапі");
        service.transition(oks.executor, id, TransitionRequest.of(done.key()));
        ViolationMap map = new ViolationMapImpl(oks.database(), new OksSettings(1024 * 1024, 40_000_000L, 14, 1,
                new double[] {49.48, 34.39, 49.70, 34.72}, java.time.ZoneId.of("Europe/Kyiv"), 200));

        List<Marker> markers = map.markers(oks.admin, ViolationQuery.current(), new BoundingBox(49.4, 34.3, 49.8, 34.8),
                18);
        assertEquals(1, markers.size());
        WorkflowAction last = markers.get(0).lastAction();
        assertEquals(done.key(), last.key());
        assertEquals(ActionEffect.REPORT, last.effect());
        assertNull(last.kind(), "an added action is no shipped kind");
        assertEquals(done.displayCode(), last.displayCode());
        assertEquals("Виконано частково", last.name());
    }
}
