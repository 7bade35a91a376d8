package ua.hromada.oks.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

import ua.hromada.oks.api.ActionEffect;
import ua.hromada.oks.api.ActionKind;
import ua.hromada.oks.api.JournalEntry;
import ua.hromada.oks.api.TransitionRequest;
import ua.hromada.oks.api.WorkflowAction;
import ua.hromada.portal.testing.TestDatabase;

/**
 * Migration V9 (the open action catalogue) on a database that had cases before it: the journal
 * written under V8 is read as it was, and the case moves on by the rules the migration filled in.
 */
class CatalogueMigrationTest {

    @Test
    void aJournalWrittenBeforeTheOpenCatalogueStaysValid() {
        TestDatabase db = TestDatabase.create();
        db.execute("CREATE EXTENSION IF NOT EXISTS postgis");
        Flyway.configure().dataSource(db.dataSource()).schemas("oks").createSchemas(true)
                .locations("classpath:db/migration/oks").target("8").load().migrate();
        db.isolate("oks");
        // a case detected, sent and accepted, with the rows the V8 service wrote
        db.execute("INSERT INTO oks.executor_org (id, name, community) VALUES (900, 'КП «Старий виконавець»', 'default')");
        db.execute("INSERT INTO oks.executor_member (org_id, username, community) VALUES (900, 'executor', 'default')");
        db.execute("INSERT INTO oks.violation (id, inspector, inspector_name, created_at, deadline, type_id, description,"
                + " location, urgency, community) SELECT 900, 'inspector', 'Інна Інспекторка', '2026-05-07 14:21+03',"
                + " '2026-05-21', id, 'Сміття біля контейнерів', ST_SetSRID(ST_MakePoint(34.55, 49.59), 4326), 'NORMAL',"
                + " 'default' FROM oks.violation_type WHERE code = 'waste'");
        db.execute("INSERT INTO oks.journal (id, violation_id, at, author, author_name, action_kind, deadline, executor_id,"
                + " community) VALUES"
                + " (901, 900, '2026-05-07 14:21+03', 'inspector', 'Інна Інспекторка', 'DETECTED', '2026-05-21', NULL, 'default'),"
                + " (902, 900, '2026-05-07 14:52+03', 'inspector', 'Інна Інспекторка', 'SENT', '2026-05-21', 900, 'default'),"
                + " (903, 900, '2026-05-07 15:18+03', 'executor', 'Петро Виконавець', 'ACCEPTED', '2026-05-21', 900, 'default')");
        db.execute("UPDATE oks.violation SET last_entry_id = 903, status_kind = 'ACCEPTED', status_at = '2026-05-07 15:18+03',"
                + " executor_id = 900 WHERE id = 900");

        db.migrate("oks");
        try (OksTestSetup oks = new OksTestSetup(db)) {
            List<JournalEntry> journal = oks.violations().journal(oks.inspector, 900);
            assertEquals(List.of(ActionKind.DETECTED, ActionKind.SENT, ActionKind.ACCEPTED),
                    journal.stream().map(e -> e.action().kind()).toList());
            assertEquals(List.of("1-1", "2-2", "3-3"), journal.stream().map(e -> e.action().displayCode()).toList());
            assertEquals("КП «Старий виконавець»", journal.get(1).executorName());
            assertEquals(ActionEffect.ASSIGN, journal.get(1).action().effect());

            // the next steps are the ones Workflow.java allowed before: report or dispute, by the executor
            assertEquals(List.of("REPORTED", "DISPUTED"), oks.violations().allowedActions(oks.executor, 900).stream()
                    .map(WorkflowAction::key).toList());
            assertEquals(List.of("REDIRECTED", "EXTENDED"), oks.violations().allowedActions(oks.inspector, 900).stream()
                    .map(WorkflowAction::key).toList());
            oks.violations().transition(oks.executor, 900, OksTestSetup.report());
            assertEquals(List.of("RETURNED", "CONFIRMED"), oks.violations().allowedActions(oks.inspector, 900).stream()
                    .map(WorkflowAction::key).toList());
            assertEquals(4, oks.violations().journal(oks.inspector, 900).size());
        }
    }
}
