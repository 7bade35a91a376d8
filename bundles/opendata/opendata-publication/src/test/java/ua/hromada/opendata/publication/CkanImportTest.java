package ua.hromada.opendata.publication;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ServerSocket;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import ua.hromada.opendata.api.CkanImport;
import ua.hromada.opendata.api.CkanImport.Change;
import ua.hromada.opendata.api.CkanImport.CkanPreview;
import ua.hromada.opendata.api.CkanImport.CkanResult;
import ua.hromada.opendata.api.CkanImport.CkanRow;
import ua.hromada.opendata.api.Dataset;
import ua.hromada.opendata.api.DatasetQuery;
import ua.hromada.opendata.api.OpendataException;
import ua.hromada.opendata.api.Resource;
import ua.hromada.opendata.api.UpdateFrequency;
import ua.hromada.opendata.service.OpendataTestSetup;
import ua.hromada.portal.api.PortalException.Reason;
import ua.hromada.portal.api.jobs.JobProgress;

/**
 * The CKAN import reading a second portal's CKAN Action API: this module's own publication over a
 * registry of its own, served by Jetty on 127.0.0.1, imported into another registry (another
 * database). Dry run, commit, re-import without duplicates, a cancelled commit that leaves nothing.
 */
class CkanImportTest {
    private PublicationFixture source;
    private OpendataTestSetup target;
    private CkanImport ckan;

    @BeforeEach
    void start() throws Exception {
        source = new PublicationFixture().serve();
        target = new OpendataTestSetup();
        ckan = target.ckanImport();
    }

    @AfterEach
    void stop() throws Exception {
        target.close();
        source.close();
    }

    private CkanPreview preview(String organization) {
        return ckan.preview(target.steward, source.base() + "/", organization, JobProgress.NONE);
    }

    private List<Dataset> datasets() {
        return target.registry().datasets(target.steward, DatasetQuery.all());
    }

    private static CkanRow row(CkanPreview p, String name) {
        return p.rows().stream().filter(r -> r.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void dryRunWritesNothingThenCommitImportsPassportsAndLinks() {
        AtomicLong read = new AtomicLong();
        CkanPreview p = ckan.preview(target.steward, source.base(), source.finance.edrpou(),
                (done, total) -> read.set(done * 1000 + total));
        assertEquals(2002, read.get(), "progress: 2 of 2 packages read");
        assertEquals(List.of("budget-2025", "budget-2026"), p.rows().stream().map(CkanRow::name).sorted().toList());
        assertTrue(p.rows().stream().allMatch(r -> r.change() == Change.NEW), p.rows().toString());
        assertTrue(p.newManager());
        assertEquals("Департамент фінансів (ЄДРПОУ " + source.finance.edrpou() + ")", p.manager());
        assertTrue(datasets().isEmpty(), "a dry run saves nothing");
        assertTrue(target.registry().managers(target.steward).isEmpty());

        CkanResult r = ckan.commit(target.steward, p, JobProgress.NONE);
        // budget-2026: its uploaded CSV and its passport's link; budget-2025: its passport's link
        assertEquals(new CkanResult(2, 0, 0, 0, 3, true), r);
        Dataset budget = target.registry().datasetByIdentifier("budget-2026").orElseThrow();
        Dataset original = source.budget2026;
        assertEquals(original.title(), budget.title());
        assertEquals(original.description(), budget.description());
        assertEquals(UpdateFrequency.YEARLY, budget.frequency());
        assertEquals(original.keywords(), budget.keywords());
        assertEquals(original.tags(), budget.tags());
        assertEquals(original.legalBasis(), budget.legalBasis());
        assertEquals(original.purpose(), budget.purpose());
        assertEquals(original.responsibleEmail(), budget.responsibleEmail());
        assertEquals(original.structure(), budget.structure());
        assertEquals(original.firstPublishedAt(), budget.firstPublishedAt(), "date and time through CKAN's UTC form");
        assertEquals(source.od.registry().dataset(original.id()).orElseThrow().lastModifiedAt(), budget.lastModifiedAt());
        assertFalse(budget.published(), "publishing here stays the steward's decision");
        assertEquals("Департамент фінансів", budget.managerName());
        List<Resource> links = target.registry().resources(budget.id());
        assertEquals(2, links.size(), links.toString());
        assertTrue(links.stream().allMatch(l -> !l.uploaded() && "CSV".equals(l.format())), links.toString());
        assertTrue(links.stream().anyMatch(l -> l.name().equals(source.budgetCsv.name())), links.toString());
        assertTrue(links.stream().anyMatch(l -> l.url().equals(original.links().get(0))), links.toString());
        assertThrows(OpendataException.class, () -> ckan.commit(target.steward, p, JobProgress.NONE),
                "a preview is used once");
    }

    @Test
    void reImportUpdatesWithoutDuplicatesAndShowsTheChangedFields() {
        ckan.commit(target.steward, preview(source.finance.edrpou()), JobProgress.NONE);
        CkanPreview again = preview(source.finance.edrpou());
        assertTrue(again.rows().stream().allMatch(r -> r.change() == Change.UNCHANGED), again.rows().toString());
        assertFalse(again.newManager());

        Dataset b = source.od.registry().datasetByIdentifier("budget-2026").orElseThrow();
        source.od.registry().saveDataset(source.od.steward, new Dataset(b.id(), b.identifier(), "Бюджет Полтави на 2026 рік",
                b.description(), b.language(), b.formats(), b.compression(), b.firstPublishedAt(), b.lastModifiedAt(),
                b.actualityDate(), b.frequency(), b.keywords(), b.links(), b.responsiblePerson(), b.responsibleEmail(),
                b.legalBasis(), b.purpose(), b.managerId(), null, b.tags(), b.structure(), b.obligationId(), b.published(),
                null, null, b.createdAt(), b.version()));
        source.od.registry().addLink(source.od.steward, b.id(), "Бюджет (JSON)", "JSON", "https://example.org/budget.json");
        source.publication.registryChanged();

        CkanPreview changed = preview(source.finance.edrpou());
        CkanRow row = row(changed, "budget-2026");
        assertEquals(Change.CHANGED, row.change());
        assertTrue(row.changes().contains("Назва набору даних"), row.changes().toString());
        assertTrue(row.changes().contains("нове посилання https://example.org/budget.json"), row.changes().toString());
        assertEquals(Change.UNCHANGED, row(changed, "budget-2025").change());

        assertEquals(new CkanResult(0, 1, 1, 0, 1, false), ckan.commit(target.steward, changed, JobProgress.NONE));
        assertEquals(2, datasets().size(), "no duplicates");
        Dataset updated = target.registry().datasetByIdentifier("budget-2026").orElseThrow();
        assertEquals("Бюджет Полтави на 2026 рік", updated.title());
        assertEquals(3, target.registry().resources(updated.id()).size(), "the JSON link added, none twice");
    }

    @Test
    void aCancelledCommitLeavesNothingHalfSaved() {
        CkanPreview p = preview(source.finance.edrpou());
        AtomicLong checks = new AtomicLong();
        JobProgress cancelAfterFirst = new JobProgress() {
            @Override
            public void update(long done, long total) {
            }

            @Override
            public boolean cancelled() {
                return checks.incrementAndGet() > 1;
            }
        };
        assertThrows(CancellationException.class, () -> ckan.commit(target.steward, p, cancelAfterFirst));
        assertTrue(datasets().isEmpty(), "the first dataset was rolled back with the rest");
        assertTrue(target.registry().managers(target.steward).isEmpty());
    }

    @Test
    void refusals() throws Exception {
        OpendataException unknown = assertThrows(OpendataException.class, () -> preview("no-such-organisation"));
        assertEquals("opendata.error.ckan.notFound", unknown.messageKey());
        OpendataException notAPortal = assertThrows(OpendataException.class,
                () -> ckan.preview(target.steward, "ftp://example.org", "x", JobProgress.NONE));
        assertEquals("opendata.error.ckan.portal", notAPortal.messageKey());
        int closed;
        try (ServerSocket s = new ServerSocket(0)) {
            closed = s.getLocalPort();
        }
        OpendataException down = assertThrows(OpendataException.class,
                () -> ckan.preview(target.steward, "http://127.0.0.1:" + closed, "x", JobProgress.NONE));
        assertEquals("opendata.error.ckan.unreachable", down.messageKey());
        OpendataException viewer = assertThrows(OpendataException.class,
                () -> ckan.preview(target.viewer, source.base(), source.finance.edrpou(), JobProgress.NONE));
        assertEquals(Reason.FORBIDDEN, viewer.reason());
    }
}
