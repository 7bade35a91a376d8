package ua.hromada.oks.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

import ua.hromada.oks.api.ActionKind;
import ua.hromada.oks.api.OksCatalog;
import ua.hromada.oks.api.ExecutorOrganisation;
import ua.hromada.oks.api.OksException;
import ua.hromada.oks.api.ViolationType;
import ua.hromada.oks.api.WorkflowAction;
import ua.hromada.portal.api.jdbc.EditConflictException;

/**
 * Two administrators with the same catalogue entry open (issue 20 item 33): the first save wins, the
 * second one, made from the version both read, is refused and changes nothing.
 */
class CatalogVersionsTest {
    @AutoClose
    private static final OksTestSetup oks = new OksTestSetup();
    private static final OksCatalog catalog = oks.catalog();

    @Test
    void aStaleTypeIsRefusedAndNothingChanges() {
        ViolationType read = catalog.saveType(oks.admin, new ViolationType(0, "lavky", "Лавки", null, true));
        ViolationType first = catalog.saveType(oks.admin, new ViolationType(read.id(), "lavky", "Лавки та урни",
                null, true, read.version()));
        assertEquals(read.version() + 1, first.version());
        EditConflictException e = assertThrows(EditConflictException.class, () -> catalog.saveType(oks.admin,
                new ViolationType(read.id(), "lavky", "Лавки (застаріла форма)", "інший опис", false, read.version())));
        assertEquals("oks.violation_type", e.entity());
        ViolationType now = catalog.typeByCode("lavky").orElseThrow();
        assertEquals(new ViolationType(read.id(), "lavky", "Лавки та урни", null, true, first.version()), now);
        assertEquals(OksException.Reason.NOT_FOUND, assertThrows(OksException.class, () -> catalog.saveType(oks.admin,
                new ViolationType(987_654, "nema", "Немає", null, true, 0))).reason());
    }

    @Test
    void aStaleOrganisationIsRefusedWithItsMembersKept() {
        ExecutorOrganisation read = catalog.saveExecutor(oks.admin, new ExecutorOrganisation(0, "КП «Теплоенерго»",
                "teplo@example.org", null, true, List.of("executor")));
        ExecutorOrganisation first = catalog.saveExecutor(oks.admin, new ExecutorOrganisation(read.id(), read.name(),
                "dyspetcher@example.org", null, true, List.of("executor", "other"), read.version()));
        assertEquals(read.version() + 1, first.version());
        assertThrows(EditConflictException.class, () -> catalog.saveExecutor(oks.admin, new ExecutorOrganisation(read.id(),
                "КП «Теплоенерго» (стара назва)", null, "0532 111111", false, List.of(), read.version())));
        ExecutorOrganisation now = catalog.executor(read.id()).orElseThrow();
        assertEquals(first, now, "the first save stands, members included");
        assertEquals(List.of("executor", "other"), now.members());
    }

    @Test
    void aStaleActionIsRefused() {
        WorkflowAction read = action(ActionKind.EXTENDED);
        WorkflowAction first = catalog.saveAction(oks.admin, new WorkflowAction(read.kind(), read.code(),
                "Термін подовжено", read.group(), read.responsible(), read.version()));
        assertThrows(EditConflictException.class, () -> catalog.saveAction(oks.admin, new WorkflowAction(read.kind(),
                read.code(), "Старе ім’я з іншої вкладки", read.group(), read.responsible(), read.version())));
        WorkflowAction now = action(ActionKind.EXTENDED);
        assertEquals("Термін подовжено", now.name());
        assertEquals(first.version(), now.version());
    }

    private static WorkflowAction action(ActionKind kind) {
        return catalog.actions().stream().filter(a -> a.kind() == kind).findFirst().orElseThrow();
    }
}
