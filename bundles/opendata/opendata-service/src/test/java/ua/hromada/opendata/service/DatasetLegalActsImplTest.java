package ua.hromada.opendata.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import ua.hromada.opendata.api.DataManager;
import ua.hromada.opendata.api.Dataset;
import ua.hromada.opendata.api.DatasetLegalActs.Citing;
import ua.hromada.opendata.api.OpendataException;
import ua.hromada.portal.api.PortalException.Reason;
import ua.hromada.portal.api.audit.AuditLog.AuditEntry;
import ua.hromada.portal.api.jdbc.EditConflictException;
import ua.hromada.portal.api.legal.LegalActLookup;
import ua.hromada.portal.api.legal.LegalActSummary;

/** A dataset's legal basis names an act of document search (issue 16), on PostgreSQL. */
class DatasetLegalActsImplTest {
    private static OpendataTestSetup setup;
    private static DatasetLegalActsImpl acts;
    private static DataManager council;

    @BeforeAll
    static void setUp() {
        setup = new OpendataTestSetup();
        acts = new DatasetLegalActsImpl(setup.registryImpl(), setup.auditLog());
        council = setup.manager("Полтавська міська рада", "24388300");
    }

    @AfterAll
    static void tearDown() {
        setup.close();
    }

    private static List<String> citing(long actId) {
        return acts.citing(setup.viewer, actId).stream().map(Citing::title).toList();
    }

    @Test
    void linkedChangedAndUnlinkedByAnEditorAndAudited() {
        Dataset budget = setup.dataset(council, "budget-2026", "Бюджет громади", false);
        Dataset parking = setup.dataset(council, "parking-zones", "Зони паркування", true);
        assertEquals(Optional.empty(), acts.legalAct(budget.id()));

        acts.link(setup.steward, budget.id(), 790L);
        acts.link(setup.steward, parking.id(), 790L);
        assertEquals(Optional.of(790L), acts.legalAct(budget.id()));
        assertEquals(List.of("Бюджет громади", "Зони паркування"), citing(790));
        List<Citing> found = acts.citing(setup.viewer, 790);
        assertEquals("budget-2026", found.get(0).identifier());
        assertEquals(budget.id(), found.get(0).datasetId());

        acts.link(setup.steward, budget.id(), 12L);
        assertEquals(List.of("Зони паркування"), citing(790));
        assertEquals(List.of("Бюджет громади"), citing(12));
        acts.link(setup.steward, budget.id(), null);
        assertEquals(Optional.empty(), acts.legalAct(budget.id()));
        assertEquals(List.of(), citing(12));

        AuditEntry last = setup.audit().get(setup.audit().size() - 1);
        assertEquals("dataset", last.entityType());
        assertEquals(Long.toString(budget.id()), last.entityId());
        assertTrue(last.changes().contains("legalAct"), last.changes());
        // the same act again changes nothing and writes no entry
        int entries = setup.audit().size();
        acts.link(setup.steward, parking.id(), 790L);
        assertEquals(entries, setup.audit().size());
    }

    @Test
    void onlyEditorsLinkAndOnlyExistingDatasets() {
        Dataset d = setup.dataset(council, "schools", "Заклади освіти", false);
        assertEquals(Reason.FORBIDDEN, assertThrows(OpendataException.class,
                () -> acts.link(setup.viewer, d.id(), 790L)).reason());
        assertEquals(Reason.NOT_FOUND, assertThrows(OpendataException.class,
                () -> acts.link(setup.steward, 999_999L, 790L)).reason());
        assertEquals(Reason.FORBIDDEN, assertThrows(OpendataException.class,
                () -> acts.citing(setup.stranger, 790)).reason());
        assertEquals(Optional.empty(), acts.legalAct(d.id()));
    }

    /** Document search knowing just these acts. */
    private static LegalActLookup search(long... ids) {
        return new DocumentSearchForTests(java.util.Arrays.stream(ids).mapToObj(id -> new LegalActSummary(id, "Рішення",
                Long.toString(id), LocalDate.of(2024, 4, 26), "Рішення № " + id, "dokumenty/" + id))
                .toArray(LegalActSummary[]::new));
    }

    @Test
    void passportAndActSavedInOneTransaction() {
        DatasetLegalActsImpl withSearch = new DatasetLegalActsImpl(setup.registryImpl(), setup.auditLog());
        withSearch.setActs(search(790, 12));
        Dataset created = withSearch.saveDataset(setup.steward,
                OpendataTestSetup.passport(council.id(), "roads-2026", "Ремонт доріг"), 790L);
        assertEquals(Optional.of(790L), acts.legalAct(created.id()));
        assertEquals(created, setup.registry().dataset(created.id()).orElseThrow());

        // the passport is written first, then the act is refused: the passport's change is rolled back
        Dataset changed = created.withPublication(true, created.firstPublishedAt(),
                created.lastModifiedAt().minusDays(1));
        OpendataException refused = assertThrows(OpendataException.class,
                () -> withSearch.saveDataset(setup.steward, changed, 44L));
        assertEquals(Reason.INVALID, refused.reason());
        assertEquals("opendata.error.legalActUnknown", refused.messageKey());
        assertEquals(created, setup.registry().dataset(created.id()).orElseThrow(), "the passport stays as it was");
        assertEquals(Optional.of(790L), acts.legalAct(created.id()));

        // a new dataset with an unknown act is not created at all
        assertThrows(OpendataException.class, () -> withSearch.saveDataset(setup.steward,
                OpendataTestSetup.passport(council.id(), "lighting", "Вуличне освітлення"), 44L));
        assertEquals(Optional.empty(), setup.registry().datasetByIdentifier("lighting"));

        // a refused passport (changed meanwhile) leaves the link as it was
        assertThrows(EditConflictException.class, () -> withSearch.saveDataset(setup.steward,
                changed.withVersion(created.version() + 7), 12L));
        assertEquals(Optional.of(790L), acts.legalAct(created.id()));

        Dataset saved = withSearch.saveDataset(setup.steward, changed, 12L);
        assertTrue(saved.published());
        assertEquals(Optional.of(12L), acts.legalAct(created.id()));

        // an act removed from document search since stays linked while the link is not changed
        withSearch.setActs(search());
        Dataset again = withSearch.saveDataset(setup.steward, saved.withPublication(false, saved.firstPublishedAt(),
                saved.lastModifiedAt()), 12L);
        assertEquals(false, again.published());
        assertEquals(Optional.of(12L), acts.legalAct(created.id()));
        // and without document search (not installed) any id is taken as given
        withSearch.setActs(null);
        withSearch.saveDataset(setup.steward, again, 44L);
        assertEquals(Optional.of(44L), acts.legalAct(created.id()));
    }
}
