package ua.hromada.oks.service;

import static org.junit.jupiter.api.Assertions.*;
import static ua.hromada.oks.api.ActionKind.*;

import org.junit.jupiter.api.Test;

import ua.hromada.oks.api.ActionKind;

/** The transition table of docs/oks-workflow.md (the shipped catalogue), rule by rule, without a database. */
class WorkflowRulesTest {
    private static final Workflow.Actor INSPECTOR = new Workflow.Actor(true, false, false);
    private static final Workflow.Actor ADMIN = new Workflow.Actor(false, true, false);
    private static final Workflow.Actor EXECUTOR = new Workflow.Actor(false, false, true);
    /** The shipped catalogue's rules (migration V9 gives existing communities the same). */
    private static final Workflow WORKFLOW = Workflow.shipped();

    @Test
    void everyStepFollowsOnlyItsPredecessors() {
        assertTrue(WORKFLOW.follows(DETECTED, SENT));
        assertTrue(WORKFLOW.follows(DETECTED_URGENT, SENT));
        assertFalse(WORKFLOW.follows(SENT, SENT));
        assertTrue(WORKFLOW.follows(SENT, ACCEPTED));
        assertTrue(WORKFLOW.follows(REDIRECTED, ACCEPTED));
        assertFalse(WORKFLOW.follows(DETECTED, ACCEPTED));
        assertTrue(WORKFLOW.follows(ACCEPTED, REPORTED));
        assertTrue(WORKFLOW.follows(RETURNED, REPORTED));
        assertTrue(WORKFLOW.follows(EXTENDED, REPORTED));
        assertFalse(WORKFLOW.follows(SENT, REPORTED), "accept first");
        assertTrue(WORKFLOW.follows(REPORTED, CONFIRMED));
        assertTrue(WORKFLOW.follows(REPORTED, RETURNED));
        assertFalse(WORKFLOW.follows(ACCEPTED, CONFIRMED));
        assertTrue(WORKFLOW.follows(DISPUTED, REDIRECTED));
        assertFalse(WORKFLOW.follows(REPORTED, DISPUTED));
        for (ActionKind k : ActionKind.values()) {
            assertEquals(k != ARCHIVED, WORKFLOW.follows(k, ARCHIVED), k.name());
            assertFalse(WORKFLOW.follows(ARCHIVED, k), "nothing after the archive: " + k);
            assertFalse(WORKFLOW.follows(k, DETECTED));
        }
    }

    @Test
    void everyStepChecksTheRole() {
        assertTrue(WORKFLOW.permitted(DETECTED, SENT, INSPECTOR));
        assertFalse(WORKFLOW.permitted(DETECTED, SENT, EXECUTOR));
        assertTrue(WORKFLOW.permitted(SENT, ACCEPTED, EXECUTOR));
        assertFalse(WORKFLOW.permitted(SENT, ACCEPTED, INSPECTOR));
        assertFalse(WORKFLOW.permitted(SENT, ACCEPTED, ADMIN), "only people of the organisation accept");
        assertTrue(WORKFLOW.permitted(REPORTED, CONFIRMED, INSPECTOR));
        assertFalse(WORKFLOW.permitted(REPORTED, CONFIRMED, EXECUTOR), "nobody confirms their own work");
        assertTrue(WORKFLOW.permitted(SENT, REDIRECTED, INSPECTOR));
        // as seed 000 has it («Конфліктне» → Інспектори): the inspectors resolve a dispute, by the catalogue's roles
        assertTrue(WORKFLOW.permitted(DISPUTED, REDIRECTED, INSPECTOR));
        assertTrue(WORKFLOW.permitted(DISPUTED, EXTENDED, INSPECTOR));
        assertTrue(WORKFLOW.permitted(DISPUTED, REDIRECTED, ADMIN));
        assertFalse(WORKFLOW.permitted(DISPUTED, REDIRECTED, EXECUTOR), "the executor who disputed does not decide");
        assertFalse(WORKFLOW.permitted(DISPUTED, ARCHIVED, INSPECTOR), "the archive stays the administrator's");
        assertTrue(WORKFLOW.permitted(SENT, ARCHIVED, ADMIN));
        assertFalse(WORKFLOW.permitted(SENT, ARCHIVED, INSPECTOR));
    }
}
