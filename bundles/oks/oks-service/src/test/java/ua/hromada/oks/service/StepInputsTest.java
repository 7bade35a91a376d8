package ua.hromada.oks.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;

import org.junit.jupiter.api.Test;

import ua.hromada.oks.api.ActionKind;
import ua.hromada.oks.api.StepInputs;
import ua.hromada.oks.api.StepInputs.Input;

/** The inputs of each step of a card (Workflow.inputs, asked by the card's dialog through Violations.stepInputs). */
class StepInputsTest {
    /** The shipped catalogue's rules (migration V9 gives existing communities the same). */
    private static final Workflow WORKFLOW = Workflow.shipped();

    @Test
    void sendingAsksForAnExecutorAndADeadlineOnlyWhenTheCardHasNone() {
        StepInputs withoutDeadline = WORKFLOW.inputs(ActionKind.SENT, false);
        assertEquals(Set.of(Input.EXECUTOR, Input.DEADLINE, Input.COMMENT), withoutDeadline.inputs());
        assertTrue(withoutDeadline.requires(Input.DEADLINE));
        StepInputs withDeadline = WORKFLOW.inputs(ActionKind.SENT, true);
        assertTrue(withDeadline.shows(Input.DEADLINE));
        assertFalse(withDeadline.requires(Input.DEADLINE));
        assertTrue(withDeadline.requires(Input.EXECUTOR));
    }

    @Test
    void theRulesRequiredInputsAreRequired() {
        assertEquals(Set.of(Input.EXECUTOR, Input.COMMENT), WORKFLOW.inputs(ActionKind.REDIRECTED, true).required());
        assertEquals(Set.of(Input.COMMENT), WORKFLOW.inputs(ActionKind.DISPUTED, true).required());
        assertEquals(Set.of(Input.COMMENT), WORKFLOW.inputs(ActionKind.RETURNED, true).required());
        assertEquals(Set.of(Input.DEADLINE), WORKFLOW.inputs(ActionKind.EXTENDED, true).required());
        assertEquals(Set.of(Input.PHOTOS), WORKFLOW.inputs(ActionKind.REPORTED, true).required(),
                "the report of the work done carries its photo");
        assertTrue(WORKFLOW.inputs(ActionKind.RETURNED, true).shows(Input.DEADLINE));
    }

    @Test
    void onlyTheReportTakesPhotosAndSimpleStepsOnlyAComment() {
        for (ActionKind kind : ActionKind.values()) {
            if (kind == ActionKind.DETECTED || kind == ActionKind.DETECTED_URGENT) {
                continue;
            }
            StepInputs form = WORKFLOW.inputs(kind, true);
            assertEquals(kind == ActionKind.REPORTED, form.shows(Input.PHOTOS), kind.name());
            assertTrue(form.shows(Input.COMMENT), kind.name());
        }
        for (ActionKind kind : new ActionKind[] {ActionKind.ACCEPTED, ActionKind.CONFIRMED, ActionKind.ARCHIVED}) {
            assertEquals(Set.of(Input.COMMENT), WORKFLOW.inputs(kind, false).inputs());
            assertTrue(WORKFLOW.inputs(kind, false).required().isEmpty());
        }
    }

    @Test
    void registrationIsNoStepOfACard() {
        assertThrows(IllegalArgumentException.class, () -> WORKFLOW.inputs(ActionKind.DETECTED, false));
        assertThrows(IllegalArgumentException.class, () -> WORKFLOW.inputs(ActionKind.DETECTED_URGENT, false));
    }
}
