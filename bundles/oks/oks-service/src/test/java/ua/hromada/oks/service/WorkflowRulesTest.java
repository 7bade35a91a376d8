package ua.hromada.oks.service;

import static org.junit.jupiter.api.Assertions.*;
import static ua.hromada.oks.api.ActionKind.*;

import org.junit.jupiter.api.Test;

import ua.hromada.oks.api.ActionKind;

/** The transition table of docs/oks-workflow.md, rule by rule, without a database. */
class WorkflowRulesTest {
    private static final Workflow.Actor INSPECTOR = new Workflow.Actor(true, false, false);
    private static final Workflow.Actor ADMIN = new Workflow.Actor(false, true, false);
    private static final Workflow.Actor EXECUTOR = new Workflow.Actor(false, false, true);

    @Test
    void everyStepFollowsOnlyItsPredecessors() {
        assertTrue(Workflow.follows(DETECTED, SENT));
        assertTrue(Workflow.follows(DETECTED_URGENT, SENT));
        assertFalse(Workflow.follows(SENT, SENT));
        assertTrue(Workflow.follows(SENT, ACCEPTED));
        assertTrue(Workflow.follows(REDIRECTED, ACCEPTED));
        assertFalse(Workflow.follows(DETECTED, ACCEPTED));
        assertTrue(Workflow.follows(ACCEPTED, REPORTED));
        assertTrue(Workflow.follows(RETURNED, REPORTED));
        assertTrue(Workflow.follows(EXTENDED, REPORTED));
        assertFalse(Workflow.follows(SENT, REPORTED), "accept first");
        assertTrue(Workflow.follows(REPORTED, CONFIRMED));
        assertTrue(Workflow.follows(REPORTED, RETURNED));
        assertFalse(Workflow.follows(ACCEPTED, CONFIRMED));
        assertTrue(Workflow.follows(DISPUTED, REDIRECTED));
        assertFalse(Workflow.follows(REPORTED, DISPUTED));
        for (ActionKind k : ActionKind.values()) {
            assertEquals(k != ARCHIVED, Workflow.follows(k, ARCHIVED), k.name());
            assertFalse(Workflow.follows(ARCHIVED, k), "nothing after the archive: " + k);
            assertFalse(Workflow.follows(k, DETECTED));
        }
    }

    @Test
    void everyStepChecksTheRole() {
        assertTrue(Workflow.permitted(DETECTED, SENT, INSPECTOR));
        assertFalse(Workflow.permitted(DETECTED, SENT, EXECUTOR));
        assertTrue(Workflow.permitted(SENT, ACCEPTED, EXECUTOR));
        assertFalse(Workflow.permitted(SENT, ACCEPTED, INSPECTOR));
        assertFalse(Workflow.permitted(SENT, ACCEPTED, ADMIN), "only people of the organisation accept");
        assertTrue(Workflow.permitted(REPORTED, CONFIRMED, INSPECTOR));
        assertFalse(Workflow.permitted(REPORTED, CONFIRMED, EXECUTOR), "nobody confirms their own work");
        assertTrue(Workflow.permitted(SENT, REDIRECTED, INSPECTOR));
        assertFalse(Workflow.permitted(DISPUTED, REDIRECTED, INSPECTOR), "disputes go to administrators");
        assertTrue(Workflow.permitted(DISPUTED, REDIRECTED, ADMIN));
        assertTrue(Workflow.permitted(SENT, ARCHIVED, ADMIN));
        assertFalse(Workflow.permitted(SENT, ARCHIVED, INSPECTOR));
    }
}
