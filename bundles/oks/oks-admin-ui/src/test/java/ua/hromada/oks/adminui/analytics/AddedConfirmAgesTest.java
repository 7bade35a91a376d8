package ua.hromada.oks.adminui.analytics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import ua.hromada.oks.adminui.analytics.AnalyticsTables.Line;
import ua.hromada.oks.api.ActionEffect;
import ua.hromada.oks.api.ActionKind;
import ua.hromada.oks.api.OksAnalytics.AgeRow;
import ua.hromada.oks.api.ResponsibleGroup;
import ua.hromada.oks.api.StatusGroup;
import ua.hromada.oks.api.WorkflowAction;

/** Table (c) leaves the ages of every confirming action unhighlighted, an added one's as the shipped one's. */
class AddedConfirmAgesTest {

    @Test
    void agesOfAnAddedConfirmActionAreNotHighlighted() {
        WorkflowAction confirmed = new WorkflowAction(ActionKind.CONFIRMED, 5, "Виконання підтверджено", StatusGroup.DONE,
                ResponsibleGroup.INSPECTORS);
        WorkflowAction paid = new WorkflowAction("ACTION_21", 21, "Сплачено штраф", StatusGroup.DONE,
                ResponsibleGroup.INSPECTORS, ActionEffect.CONFIRM, true, Set.of(WorkflowAction.Role.INSPECTOR),
                Set.of("ACCEPTED"), null, null, null, 0);
        WorkflowAction partly = new WorkflowAction("ACTION_22", 22, "Виконано частково", StatusGroup.DONE,
                ResponsibleGroup.INSPECTORS, ActionEffect.REPORT, true, Set.of(WorkflowAction.Role.EXECUTOR),
                Set.of("ACCEPTED"), null, null, null, 0);
        List<Line<WorkflowAction>> lines = AnalyticsTables.byAction(List.of(new AgeRow<>(confirmed, 4, 4, 2),
                new AgeRow<>(paid, 3, 3, 1), new AgeRow<>(partly, 2, 2, 1)));

        assertEquals(List.of(3L, 3L, 1L), lines.get(1).cells().stream().map(Cell::value).toList());
        for (int line = 0; line < 2; line++) {
            assertFalse(lines.get(line).cells().get(1).highlight(), "done work waits only for the archive: line " + line);
            assertFalse(lines.get(line).cells().get(2).highlight(), "line " + line);
        }
        assertTrue(lines.get(2).cells().get(2).highlight(), "a report still waits for the inspector");
    }
}
