package ua.hromada.opendata.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import ua.hromada.opendata.api.DataManager;
import ua.hromada.opendata.api.Dataset;
import ua.hromada.opendata.api.OpendataException;
import ua.hromada.opendata.api.RegistryActions;
import ua.hromada.opendata.api.RegistryActions.BulkResult;
import ua.hromada.opendata.api.DatasetRegistry;
import ua.hromada.opendata.api.Resource;
import ua.hromada.portal.api.jdbc.EditConflictException;

/**
 * Issue 20, items 26–29 and 33 on real PostgreSQL: an unchanged save moves no date, publishing fills
 * the first-publication date, an upload is the last change and keeps its charset, stale forms are
 * refused, and deletion with its refusals and the bulk actions.
 */
class RegistryChangesTest {
    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Europe/Kyiv"));

    private OpendataTestSetup setup;
    private DatasetRegistry registry;
    private DataManager council;

    @BeforeEach
    void start() {
        setup = new OpendataTestSetup();
        registry = setup.registry();
        council = setup.manager("Полтавська міська рада", "24388300");
    }

    @AfterEach
    void stop() {
        setup.close();
    }

    private Dataset draftWithoutFirstPublication(String identifier) {
        Dataset d = OpendataTestSetup.passport(council.id(), identifier, "Набір " + identifier);
        return registry.saveDataset(setup.steward, d.withPublication(false, null, TODAY.minusMonths(2)));
    }

    @Test
    void unchangedSaveMovesNothingAndCreatedNeverMoves() throws InterruptedException {
        Dataset saved = draftWithoutFirstPublication("budget");
        assertNotNull(saved.createdAt());
        Thread.sleep(5); // now() of a later transaction is later
        Dataset again = registry.saveDataset(setup.steward, saved);
        assertEquals(saved, again, "nothing changed: no write, the same updatedAt and version");
        Dataset changed = registry.saveDataset(setup.steward, new Dataset(saved.id(), saved.identifier(), "Інша назва",
                saved.description(), saved.language(), saved.formats(), saved.compression(), saved.firstPublishedAt(),
                saved.lastModifiedAt(), saved.actualityDate(), saved.frequency(), saved.keywords(), saved.links(),
                saved.responsiblePerson(), saved.responsibleEmail(), saved.legalBasis(), saved.purpose(),
                saved.managerId(), null, saved.tags(), saved.structure(), saved.obligationId(), false, null, null,
                null, saved.version()));
        assertTrue(changed.updatedAt().isAfter(saved.updatedAt()));
        assertEquals(saved.version() + 1, changed.version());
        assertEquals(saved.createdAt(), changed.createdAt(), "created stays when the passport changes");
    }

    @Test
    void publishingFillsTheFirstPublicationDate() {
        Dataset draft = draftWithoutFirstPublication("draft");
        assertNull(draft.firstPublished());
        Dataset published = registry.saveDataset(setup.steward, draft.withPublication(true, null, TODAY));
        assertEquals(TODAY, published.firstPublished());
        // an older last change is the first publication's day at the latest (the dates rule holds)
        Dataset old = draftWithoutFirstPublication("old");
        BulkResult r = setup.actions().setPublished(setup.steward, List.of(old.id()), true);
        assertEquals(1, r.done());
        assertEquals(TODAY.minusMonths(2), registry.dataset(old.id()).orElseThrow().firstPublished());
        // published again: nothing to do, the date stays
        assertEquals(0, setup.actions().setPublished(setup.steward, List.of(old.id()), true).done());
    }

    @Test
    void uploadIsTheLastChangeAndKeepsTheCharset() {
        Dataset d = draftWithoutFirstPublication("stops");
        assertEquals(TODAY.minusMonths(2), d.lastModified());
        byte[] cp1251 = "id;назва\n1;Центральна площа\n".getBytes(Charset.forName("windows-1251"));
        Resource old = registry.upload(setup.steward, d.id(), null, null, "stops-1251.csv", cp1251);
        assertEquals("text/csv; charset=windows-1251", old.mediaType());
        Dataset after = registry.dataset(d.id()).orElseThrow();
        assertEquals(TODAY, after.lastModified(), "a fresh upload updates the last-change date");
        assertTrue(after.version() > d.version(), "a form opened before the upload is stale");
        Resource utf8 = registry.upload(setup.steward, d.id(), null, null, "stops.csv",
                "id;назва\n1;Центр\n".getBytes(StandardCharsets.UTF_8));
        assertEquals("text/csv", utf8.mediaType());
        Resource pdf = registry.upload(setup.steward, d.id(), null, null, "scan.pdf", new byte[] {(byte) 0xC0, 1, 2});
        assertEquals("application/pdf", pdf.mediaType());
    }

    @Test
    void staleDatasetAndManagerFormsAreRefusedAndNothingChanges() {
        Dataset d = draftWithoutFirstPublication("lease");
        Dataset first = registry.saveDataset(setup.steward, new Dataset(d.id(), d.identifier(), "Перша правка",
                d.description(), d.language(), d.formats(), d.compression(), d.firstPublishedAt(), d.lastModifiedAt(),
                d.actualityDate(), d.frequency(), d.keywords(), d.links(), d.responsiblePerson(), d.responsibleEmail(),
                d.legalBasis(), d.purpose(), d.managerId(), null, d.tags(), d.structure(), null, false, null, null,
                null, d.version()));
        Dataset stale = new Dataset(d.id(), d.identifier(), "Друга правка", d.description(), d.language(), d.formats(),
                d.compression(), d.firstPublishedAt(), d.lastModifiedAt(), d.actualityDate(), d.frequency(), d.keywords(),
                d.links(), d.responsiblePerson(), d.responsibleEmail(), d.legalBasis(), d.purpose(), d.managerId(), null,
                d.tags(), d.structure(), null, false, null, null, null, d.version());
        assertThrows(EditConflictException.class, () -> registry.saveDataset(setup.steward, stale));
        assertEquals(first, registry.dataset(d.id()).orElseThrow(), "the second save of the old version changed nothing");

        DataManager m = registry.manager(council.id()).orElseThrow();
        DataManager renamed = registry.saveManager(setup.steward, new DataManager(m.id(), "Полтавська міська рада (нова)",
                m.edrpou(), m.responsiblePerson(), m.email(), m.phone(), null, null, m.version()));
        assertThrows(EditConflictException.class, () -> registry.saveManager(setup.steward, new DataManager(m.id(),
                "Стара назва", m.edrpou(), m.responsiblePerson(), m.email(), m.phone(), null, null, m.version())));
        assertEquals(renamed, registry.manager(m.id()).orElseThrow());
        long audited = setup.audit().stream().filter(e -> e.entityType().equals("data-manager")
                && e.action().equals("update")).count();
        assertEquals(1, audited, "the refused save is not in the audit log");
    }

    @Test
    void deletionIsAuditedAndRefusedWhereOthersDependOnIt() {
        RegistryActions actions = setup.actions(managerId -> managerId == council.id() ? Optional.empty()
                : Optional.of(new OpendataException(OpendataException.Reason.CONFLICT, "opendata.audit.error.deleteManagerRequests",
                        "x", 1)));
        Dataset d = draftWithoutFirstPublication("mistake");
        Resource file = registry.upload(setup.steward, d.id(), null, null, "a.csv", "a;b\n1;2\n".getBytes(StandardCharsets.UTF_8));

        OpendataException busy = assertThrows(OpendataException.class, () -> actions.deleteManager(setup.steward, council.id()));
        assertEquals("opendata.error.deleteManagerDatasets", busy.messageKey());
        assertEquals(OpendataException.Reason.CONFLICT, busy.reason());
        assertEquals(1L, busy.args()[1]);

        assertEquals(OpendataException.Reason.FORBIDDEN, assertThrows(OpendataException.class,
                () -> actions.deleteDataset(setup.viewer, d.id())).reason());
        actions.deleteDataset(setup.steward, d.id());
        assertTrue(registry.dataset(d.id()).isEmpty());
        assertTrue(registry.resource(file.id()).isEmpty());
        assertTrue(registry.content(file.id()).isEmpty());
        assertTrue(setup.audit().stream().anyMatch(e -> e.entityType().equals("dataset") && e.action().equals("delete")
                && e.entityId().equals(Long.toString(d.id())) && e.changes().contains("mistake")));

        DataManager child = registry.saveManager(setup.steward, new DataManager(0, "Відділ звернень",
                OpendataTestSetup.edrpou(7_000_001), null, null, null, council.id(), null));
        assertEquals("opendata.error.deleteManagerSubordinates", assertThrows(OpendataException.class,
                () -> actions.deleteManager(setup.steward, council.id())).messageKey());
        // the audit's requests refer to the child (the reference service above says so)
        assertEquals("opendata.audit.error.deleteManagerRequests", assertThrows(OpendataException.class,
                () -> actions.deleteManager(setup.steward, child.id())).messageKey());
        assertTrue(registry.manager(child.id()).isPresent());

        DataManager lone = setup.manager("Помилково імпортований", OpendataTestSetup.edrpou(7_000_002));
        RegistryActions free = new RegistryActionsImpl(setup.registryImpl());
        free.deleteManager(setup.steward, lone.id());
        assertTrue(registry.manager(lone.id()).isEmpty());
        assertTrue(setup.audit().stream().anyMatch(e -> e.entityType().equals("data-manager") && e.action().equals("delete")
                && e.changes().contains("Помилково імпортований")));
        assertEquals(OpendataException.Reason.NOT_FOUND, assertThrows(OpendataException.class,
                () -> free.deleteManager(setup.steward, lone.id())).reason());
    }

    @Test
    void bulkActionsChangeEachSelectedDataset() {
        Dataset a = draftWithoutFirstPublication("bulk-a");
        Dataset b = draftWithoutFirstPublication("bulk-b");
        RegistryActions actions = setup.actions();
        BulkResult published = actions.setPublished(setup.steward, List.of(a.id(), b.id(), 999_999L), true);
        assertEquals(2, published.done());
        assertEquals(1, published.refused().size());
        assertEquals(OpendataException.Reason.NOT_FOUND, published.refused().get(0).reason().reason());
        assertTrue(registry.dataset(a.id()).orElseThrow().published());
        assertTrue(registry.dataset(b.id()).orElseThrow().published());
        assertEquals(2, setup.audit().stream().filter(e -> e.action().equals("publish")).count());

        assertEquals(2, actions.setPublished(setup.steward, List.of(a.id(), b.id()), false).done());
        assertTrue(!registry.dataset(a.id()).orElseThrow().published());
        BulkResult deleted = actions.deleteDatasets(setup.steward, List.of(a.id(), b.id()));
        assertEquals(2, deleted.done());
        assertTrue(registry.dataset(a.id()).isEmpty() && registry.dataset(b.id()).isEmpty());
    }
}
