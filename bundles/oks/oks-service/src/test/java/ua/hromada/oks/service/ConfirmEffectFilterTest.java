package ua.hromada.oks.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

import ua.hromada.oks.api.ActionEffect;
import ua.hromada.oks.api.ResponsibleGroup;
import ua.hromada.oks.api.StatusGroup;
import ua.hromada.oks.api.StepInputs.Input;
import ua.hromada.oks.api.TransitionRequest;
import ua.hromada.oks.api.Violation;
import ua.hromada.oks.api.ViolationQuery;
import ua.hromada.oks.api.WorkflowAction;
import ua.hromada.oks.api.WorkflowAction.Role;

/**
 * The list's "confirmed between" filter (what a report's "fixed" number opens) follows the
 * catalogue's effect: a step of an action an administrator added with the effect CONFIRM counts.
 */
class ConfirmEffectFilterTest {
    @AutoClose
    private final OksTestSetup oks = new OksTestSetup();

    @Test
    void anAddedConfirmActionCountsAsAConfirmation() {
        WorkflowAction paid = oks.catalog().saveAction(oks.admin, new WorkflowAction("", 21, "Сплачено штраф",
                StatusGroup.DONE, ResponsibleGroup.INSPECTORS, ActionEffect.CONFIRM, true, Set.of(Role.INSPECTOR),
                Set.of("DETECTED"), Set.of(Input.COMMENT), Set.of(), null, 0));
        Violation closed = oks.register("штраф сплачено");
        Violation open = oks.register("ще не сплачено");
        oks.violations().transition(oks.inspector, closed.id(), TransitionRequest.of(paid.key()));

        ViolationQuery confirmedToday = new ViolationQuery(Set.of(), null, null, null, null, null, null, null, null,
                null, oks.today(), oks.today(), null, ViolationQuery.Sort.NEWEST, 0, 100);
        List<Long> ids = oks.violations().search(oks.admin, confirmedToday).stream().map(Violation::id).toList();
        assertEquals(List.of(closed.id()), ids, "the case confirmed by the added action, not the open one " + open.id());
        assertEquals(1, oks.violations().count(oks.admin, confirmedToday));
    }
}
