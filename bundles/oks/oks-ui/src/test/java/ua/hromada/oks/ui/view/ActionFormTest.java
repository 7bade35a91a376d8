package ua.hromada.oks.ui.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;

import org.junit.jupiter.api.Test;

import ua.hromada.oks.api.ActionKind;
import ua.hromada.oks.ui.view.ActionForm.Input;

class ActionFormTest {

    @Test
    void sendingAsksForAnExecutorAndADeadlineOnlyWhenTheCardHasNone() {
        ActionForm withoutDeadline = ActionForm.of(ActionKind.SENT, false);
        assertEquals(Set.of(Input.EXECUTOR, Input.DEADLINE, Input.COMMENT), withoutDeadline.inputs());
        assertTrue(withoutDeadline.requires(Input.DEADLINE));
        ActionForm withDeadline = ActionForm.of(ActionKind.SENT, true);
        assertTrue(withDeadline.shows(Input.DEADLINE));
        assertFalse(withDeadline.requires(Input.DEADLINE));
        assertTrue(withDeadline.requires(Input.EXECUTOR));
    }

    @Test
    void theRulesRequiredInputsAreRequired() {
        assertEquals(Set.of(Input.EXECUTOR, Input.COMMENT), ActionForm.of(ActionKind.REDIRECTED, true).required());
        assertEquals(Set.of(Input.COMMENT), ActionForm.of(ActionKind.DISPUTED, true).required());
        assertEquals(Set.of(Input.COMMENT), ActionForm.of(ActionKind.RETURNED, true).required());
        assertEquals(Set.of(Input.DEADLINE), ActionForm.of(ActionKind.EXTENDED, true).required());
        assertTrue(ActionForm.of(ActionKind.RETURNED, true).shows(Input.DEADLINE));
    }

    @Test
    void onlyTheReportTakesPhotosAndSimpleStepsOnlyAComment() {
        for (ActionKind kind : ActionKind.values()) {
            if (kind == ActionKind.DETECTED || kind == ActionKind.DETECTED_URGENT) {
                continue;
            }
            ActionForm form = ActionForm.of(kind, true);
            assertEquals(kind == ActionKind.REPORTED, form.shows(Input.PHOTOS), kind.name());
            assertTrue(form.shows(Input.COMMENT), kind.name());
        }
        for (ActionKind kind : new ActionKind[] {ActionKind.ACCEPTED, ActionKind.CONFIRMED, ActionKind.ARCHIVED}) {
            assertEquals(Set.of(Input.COMMENT), ActionForm.of(kind, false).inputs());
            assertTrue(ActionForm.of(kind, false).required().isEmpty());
        }
    }

    @Test
    void registrationIsNoStepOfACard() {
        assertThrows(IllegalArgumentException.class, () -> ActionForm.of(ActionKind.DETECTED, false));
        assertThrows(IllegalArgumentException.class, () -> ActionForm.of(ActionKind.DETECTED_URGENT, false));
    }
}
