package ua.hromada.oks.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.Locale;

import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

import ua.hromada.oks.api.ActionKind;
import ua.hromada.oks.api.OksCatalog;
import ua.hromada.oks.api.WorkflowAction;

/**
 * Statuses in the reader's language (issue 20 item 31): every shipped workflow action has an English
 * name by its kind; Ukrainian is the catalogue's name, including an administrator's rename.
 */
class ActionNamesTest {
    private static final Locale UK = Locale.forLanguageTag("uk");
    @AutoClose
    private static final OksTestSetup oks = new OksTestSetup();
    private static final OksCatalog catalog = oks.catalog();

    @Test
    void everyShippedActionHasAnEnglishName() {
        assertEquals(ShippedCatalogue.ACTIONS.size(), catalog.actions().size());
        for (WorkflowAction a : catalog.actions()) {
            assertEquals(a.name(), a.name(UK), "Ukrainian is the catalogue's name of " + a.kind());
            assertNotEquals(a.name(), a.name(Locale.ENGLISH), "English name of " + a.kind());
        }
        assertEquals("Sent to the executor", action(ActionKind.SENT).name(Locale.ENGLISH));
        // a language without names of its own: the catalogue's
        assertEquals("Направлено виконавцю", action(ActionKind.SENT).name(Locale.GERMAN));
    }

    @Test
    void anAdministratorsRenameIsTheUkrainianNameAndEnglishStaysByKind() {
        WorkflowAction read = action(ActionKind.ACCEPTED);
        catalog.saveAction(oks.admin, new WorkflowAction(read.kind(), read.code(), "Взято в роботу", read.group(),
                read.responsible(), read.version()));
        WorkflowAction renamed = action(ActionKind.ACCEPTED);
        assertEquals("Взято в роботу", renamed.name(UK));
        assertEquals("Accepted for execution", renamed.name(Locale.ENGLISH));
    }

    private static WorkflowAction action(ActionKind kind) {
        return catalog.actions().stream().filter(a -> a.kind() == kind).findFirst().orElseThrow();
    }
}
