package ua.hromada.oks.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

import ua.hromada.oks.api.ActionEffect;
import ua.hromada.oks.api.ActionKind;
import ua.hromada.oks.api.JournalEntry;
import ua.hromada.oks.api.OksCatalog;
import ua.hromada.oks.api.OksException;
import ua.hromada.oks.api.PhotoUpload;
import ua.hromada.oks.api.ResponsibleGroup;
import ua.hromada.oks.api.StatusGroup;
import ua.hromada.oks.api.StepInputs.Input;
import ua.hromada.oks.api.TransitionRequest;
import ua.hromada.oks.api.Violation;
import ua.hromada.oks.api.ViolationDocuments;
import ua.hromada.oks.api.Violations;
import ua.hromada.oks.api.WorkflowAction;
import ua.hromada.oks.api.WorkflowAction.Role;
import ua.hromada.portal.api.jdbc.EditConflictException;

/**
 * The open action catalogue (issue 15): an administrator's additions and changes are what the
 * engine offers and enforces, the catalogue refuses what would break the workflow's invariants,
 * and the shipped rows carry the rules as shipped.
 */
class OpenCatalogueTest {
    @AutoClose
    private final OksTestSetup oks = new OksTestSetup();
    private final OksCatalog catalog = oks.catalog();
    private final Violations service = oks.violations();

    static PhotoUpload pdf(String name) {
        return new PhotoUpload(name, "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
                .getBytes(StandardCharsets.ISO_8859_1));
    }

    /** «Складено протокол» after a detection, by inspectors, requiring a PDF, producing the protocol. */
    private WorkflowAction addProtocol() {
        return catalog.saveAction(oks.admin, new WorkflowAction("", 19, "Складено протокол", StatusGroup.IN_PROGRESS,
                ResponsibleGroup.INSPECTORS, ActionEffect.NONE, true, Set.of(Role.INSPECTOR),
                Set.of("DETECTED", "DETECTED_URGENT"), Set.of(Input.COMMENT), Set.of(Input.DOCUMENT),
                ViolationDocuments.Kind.PROTOCOL, 0));
    }

    private static List<String> keys(List<WorkflowAction> actions) {
        return actions.stream().map(WorkflowAction::key).toList();
    }

    private WorkflowAction stored(String key) {
        return catalog.action(key).orElseThrow();
    }

    private static WorkflowAction with(WorkflowAction a, boolean active, Set<String> after, Set<Input> required) {
        return new WorkflowAction(a.key(), a.code(), a.name(), a.group(), a.responsible(), a.effect(), active, a.roles(),
                after, a.inputs(), required, a.document(), a.version());
    }

    @Test
    void theShippedRowsCarryTheShippedRules() {
        // the default community's rows come from migration V9, a new community's from ShippedCatalogue
        for (WorkflowAction shipped : ShippedCatalogue.ACTIONS) {
            WorkflowAction row = stored(shipped.key());
            assertEquals(shipped.kind(), row.kind());
            assertEquals(shipped.effect(), row.effect(), shipped.key());
            if (shipped.kind() != null) {
                assertEquals(shipped.kind().effect(), row.effect(), shipped.key());
            }
            assertEquals(shipped.roles(), row.roles(), shipped.key());
            assertEquals(shipped.after(), row.after(), shipped.key());
            assertEquals(shipped.inputs(), row.inputs(), shipped.key());
            assertEquals(shipped.required(), row.required(), shipped.key());
            assertEquals(shipped.code(), row.code(), shipped.key());
            assertTrue(row.active());
            assertEquals(shipped.document(), row.document(), shipped.key());
        }
        assertEquals(ShippedCatalogue.ACTIONS.size(), catalog.actions().size());
    }

    @Test
    void theShippedPrescriptionCourtAndFineStepsFollowEachOther() {
        WorkflowAction prescribed = stored(ShippedCatalogue.PRESCRIBED);
        assertEquals("3-11", prescribed.displayCode());
        assertEquals(ViolationDocuments.Kind.WARNING, prescribed.document(), "the prescription produces the warning");
        assertEquals("4-13", stored(ShippedCatalogue.FINE_PAID).displayCode());
        Violation v = oks.register("Паркан на газоні");
        // the prescription sets the deadline to put it right: required
        assertEquals("oks.error.deadlineRequired", assertThrows(OksException.class, () -> service.transition(oks.inspector,
                v.id(), TransitionRequest.of(ShippedCatalogue.PRESCRIBED))).messageKey());
        assertEquals(List.of(), keys(service.allowedActions(oks.viewer, v.id())), "an inspector's step");
        Violation prescribedCase = service.transition(oks.inspector, v.id(), new TransitionRequest(
                ShippedCatalogue.PRESCRIBED, "Демонтувати до строку", null, oks.today().plusDays(10), List.of()));
        assertEquals(oks.today().plusDays(10), prescribedCase.deadline());
        assertEquals(StatusGroup.IN_PROGRESS, prescribedCase.group());
        // not complied: to court, or to an executor
        assertEquals(List.of("SENT", ShippedCatalogue.TO_COURT),
                keys(service.allowedActions(oks.inspector, v.id())));
        assertEquals("oks.error.commentRequired", assertThrows(OksException.class, () -> service.transition(
                oks.inspector, v.id(), TransitionRequest.of(ShippedCatalogue.TO_COURT))).messageKey());
        service.transition(oks.inspector, v.id(), new TransitionRequest(ShippedCatalogue.TO_COURT,
                "Октябрський районний суд м. Полтави", null, null, List.of(pdf("pozov.pdf"))));
        assertEquals(List.of(ShippedCatalogue.FINE_PAID), keys(service.allowedActions(oks.inspector, v.id())));
        Violation paid = service.transition(oks.inspector, v.id(), new TransitionRequest(ShippedCatalogue.FINE_PAID,
                "Квитанція № 1204 від сьогодні", null, null, List.of()));
        assertEquals("4-13", paid.lastAction().displayCode());
        assertEquals(List.of(), keys(service.allowedActions(oks.inspector, v.id())));
        assertEquals(List.of("ARCHIVED"), keys(service.allowedActions(oks.admin, v.id())), "it ends archived");
    }

    @Test
    void anAddedActionIsOfferedAfterItsPredecessorsToItsRolesAndAsksForWhatItRequires() {
        WorkflowAction protocol = addProtocol();
        assertTrue(protocol.key().startsWith("ACTION_"), protocol.key());
        assertNull(protocol.kind());
        assertTrue(protocol.producesDocument());
        assertEquals(Set.of(Input.COMMENT, Input.DOCUMENT), protocol.inputs(), "what is required is shown");
        assertEquals("3-19", protocol.displayCode());

        Violation v = oks.register("Будівельне сміття на тротуарі");
        assertEquals(List.of("SENT", ShippedCatalogue.PRESCRIBED, protocol.key()),
                keys(service.allowedActions(oks.inspector, v.id())));
        assertEquals(List.of(), keys(service.allowedActions(oks.viewer, v.id())), "only the roles it names");
        var form = service.stepInputs(protocol.key(), true);
        assertTrue(form.requires(Input.DOCUMENT));
        assertFalse(form.shows(Input.EXECUTOR));

        // without the required PDF: refused, nothing written
        OksException missing = assertThrows(OksException.class, () -> service.transition(oks.inspector, v.id(),
                new TransitionRequest(protocol.key(), "Складено на місці", null, null,
                        List.of(OksTestSetup.png("photo.png", 400, 300)))));
        assertEquals("oks.error.documentRequired", missing.messageKey());
        assertEquals(1, service.journal(oks.inspector, v.id()).size());
        assertEquals("1-1", service.find(oks.inspector, v.id()).orElseThrow().lastAction().displayCode());

        Violation after = service.transition(oks.inspector, v.id(), new TransitionRequest(protocol.key(),
                "Складено на місці", null, null, List.of(pdf("protokol.pdf"))));
        assertEquals(protocol.key(), after.lastAction().key());
        assertEquals(StatusGroup.IN_PROGRESS, after.group());
        JournalEntry last = service.journal(oks.inspector, v.id()).get(1);
        assertEquals("Складено протокол", last.action().name());
        assertEquals("application/pdf", last.photos().get(0).contentType());
        // nothing follows the new step but the archive until an administrator says so
        assertEquals(List.of(), keys(service.allowedActions(oks.inspector, v.id())));
    }

    @Test
    void allowingAnActionAfterAnotherOffersItThereAndDeactivatingItOffersItNowhere() {
        WorkflowAction protocol = addProtocol();
        Violation v = oks.register("Незаконна вивіска");
        Violation sent = service.transition(oks.inspector, v.id(), new TransitionRequest(ActionKind.SENT, null,
                oks.org.id(), null, List.of()));
        assertFalse(keys(service.allowedActions(oks.inspector, sent.id())).contains(protocol.key()));

        WorkflowAction widened = catalog.saveAction(oks.admin, with(protocol, true, Set.of("DETECTED", "SENT"),
                protocol.required()));
        assertTrue(keys(service.allowedActions(oks.inspector, sent.id())).contains(protocol.key()));

        WorkflowAction off = catalog.saveAction(oks.admin, with(widened, false, widened.after(), widened.required()));
        assertFalse(off.active());
        assertFalse(keys(service.allowedActions(oks.inspector, sent.id())).contains(protocol.key()));
        OksException e = assertThrows(OksException.class, () -> service.transition(oks.inspector, sent.id(),
                new TransitionRequest(protocol.key(), null, null, null, List.of(pdf("p.pdf")))));
        assertEquals(OksException.Reason.CONFLICT, e.reason());
        assertEquals("oks.error.actionInactive", e.messageKey());
        assertEquals(2, service.journal(oks.inspector, sent.id()).size());
        // still in the catalogue, for the journals that name it
        assertEquals("Складено протокол", catalog.action(protocol.key()).orElseThrow().name());
        assertFalse(catalog.actions(false).contains(catalog.action(protocol.key()).orElseThrow()));
    }

    @Test
    void theShippedReportRefusesAReportWithoutAPhotoUntilAnAdministratorLiftsIt() {
        assertEquals(Set.of(Input.PHOTOS), stored("REPORTED").required());
        Violation v = oks.register("Переповнений контейнер");
        service.transition(oks.inspector, v.id(), new TransitionRequest(ActionKind.SENT, null, oks.org.id(), null,
                List.of()));
        service.transition(oks.executor, v.id(), TransitionRequest.of(ActionKind.ACCEPTED));
        OksException e = assertThrows(OksException.class, () -> service.transition(oks.executor, v.id(),
                new TransitionRequest(ActionKind.REPORTED, "Вивезено", null, null, List.of(pdf("akt.pdf")))));
        assertEquals("oks.error.photoRequired", e.messageKey());
        assertEquals(3, service.journal(oks.inspector, v.id()).size());
        assertEquals(ActionKind.REPORTED, service.transition(oks.executor, v.id(), TransitionRequest.of(ActionKind.REPORTED)
                .withPhotos(List.of(OksTestSetup.jpeg("after.jpg", 400, 300)))).lastAction().kind());

        // configurable per action: without the requirement a report needs no photo
        WorkflowAction reported = stored("REPORTED");
        catalog.saveAction(oks.admin, with(reported, true, reported.after(), Set.of()));
        service.transition(oks.inspector, v.id(), new TransitionRequest(ActionKind.RETURNED, "Ще не все", null, null,
                List.of()));
        assertEquals(ActionKind.REPORTED, service.transition(oks.executor, v.id(), TransitionRequest.of(ActionKind.REPORTED))
                .lastAction().kind());
    }

    @Test
    void anAddedActionWithAnEffectBehavesAsTheShippedOneOfThatEffect() {
        // a second way to hand a case over: assigns the executor and counts as overdue work
        WorkflowAction handOver = catalog.saveAction(oks.admin, new WorkflowAction("", 20, "Передано балансоутримувачу",
                StatusGroup.SENT, ResponsibleGroup.EXECUTORS, ActionEffect.ASSIGN, true, Set.of(Role.ADMIN),
                Set.of("DETECTED"), Set.of(Input.COMMENT), Set.of(Input.EXECUTOR), null, 0));
        Violation v = oks.register("Пошкоджена лава");
        Violation handed = service.transition(oks.admin, v.id(), new TransitionRequest(handOver.key(), null,
                oks.otherOrg.id(), null, List.of()));
        assertEquals(oks.otherOrg.id(), handed.executor().id());
        assertEquals(v.deadline(), handed.deadline(), "the card's deadline stays");
        assertEquals("oks.error.executorRequired", assertThrows(OksException.class, () -> service.transition(oks.admin,
                oks.register("Ще одна лава").id(), TransitionRequest.of(handOver.key()))).messageKey());
    }

    @Test
    void theCatalogueRefusesWhatWouldBreakTheWorkflow() {
        WorkflowAction protocol = addProtocol();
        assertEquals("oks.error.actionCodeTaken", refused(new WorkflowAction("", 19, "Інша дія", StatusGroup.IN_PROGRESS,
                ResponsibleGroup.INSPECTORS, ActionEffect.NONE, true, Set.of(Role.INSPECTOR), Set.of("DETECTED"),
                Set.of(), Set.of(), null, 0)));
        assertEquals("oks.error.actionAfterRequired", refused(with(protocol, true, Set.of(), protocol.required())));
        assertEquals("oks.error.actionAfterArchived", refused(with(protocol, true, Set.of("ARCHIVED"), protocol.required())));
        assertEquals("oks.error.actionAfterUnknown", refused(with(protocol, true, Set.of("NO_SUCH"), protocol.required())));
        assertEquals("oks.error.actionRolesRequired", refused(new WorkflowAction(protocol.key(), 19, protocol.name(),
                protocol.group(), protocol.responsible(), ActionEffect.NONE, true, Set.of(), protocol.after(),
                protocol.inputs(), protocol.required(), protocol.document(), protocol.version())));
        WorkflowAction archived = stored("ARCHIVED");
        assertEquals("oks.error.actionAlwaysActive", refused(with(archived, false, Set.of(), Set.of())));
        WorkflowAction detected = stored("DETECTED");
        assertEquals("oks.error.actionAlwaysActive", refused(with(detected, false, Set.of(), Set.of())));
        WorkflowAction accepted = stored("ACCEPTED");
        assertEquals("oks.error.actionEffectFixed", refused(new WorkflowAction("ACCEPTED", accepted.code(), accepted.name(),
                accepted.group(), accepted.responsible(), ActionEffect.CONFIRM, true, accepted.roles(), accepted.after(),
                accepted.inputs(), accepted.required(), null, accepted.version())));
        assertEquals("oks.error.actionEffectReserved", refused(new WorkflowAction("", 30, "Ще одне виявлення",
                StatusGroup.UNASSIGNED, ResponsibleGroup.INSPECTORS, ActionEffect.DETECT, true, Set.of(), Set.of(),
                Set.of(), Set.of(), null, 0)));
        assertEquals("oks.error.actionNeedsExecutor", refused(new WorkflowAction("", 31, "Передано", StatusGroup.SENT,
                ResponsibleGroup.EXECUTORS, ActionEffect.ASSIGN, true, Set.of(Role.ADMIN), Set.of("DETECTED"),
                EnumSet.of(Input.EXECUTOR), Set.of(), null, 0)));
        // a stale form is refused as every catalogue edit is, and changes nothing
        catalog.saveAction(oks.admin, with(protocol, true, Set.of("DETECTED"), protocol.required()));
        assertThrows(EditConflictException.class, () -> catalog.saveAction(oks.admin, with(protocol, false,
                protocol.after(), protocol.required())));
        assertTrue(stored(protocol.key()).active());
        assertEquals(Set.of("DETECTED"), stored(protocol.key()).after());
    }

    private String refused(WorkflowAction a) {
        return assertThrows(OksException.class, () -> catalog.saveAction(oks.admin, a)).messageKey();
    }
}
