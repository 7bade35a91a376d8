package ua.hromada.opendata.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import ua.hromada.opendata.api.AuditRun;
import ua.hromada.opendata.api.DataManager;
import ua.hromada.opendata.api.Dataset;
import ua.hromada.opendata.api.Finding;
import ua.hromada.opendata.api.Obligation;
import ua.hromada.opendata.api.OfficialRequest;
import ua.hromada.opendata.service.CommunityReferences;
import ua.hromada.portal.api.jobs.JobProgress;
import ua.hromada.portal.testing.CommunityIsolationCheck;
import ua.hromada.portal.testing.TestCommunities;

/**
 * Regional hosting: a community's audit runs, results, findings and official requests are its
 * own; another community audits only its registry and may reuse the request numbers; the schedule
 * audits every community.
 */
class AuditCommunityIsolationTest {
    private AuditFixture f;
    private TestCommunities communities;

    @BeforeEach
    void setUp() {
        f = new AuditFixture();
        communities = f.registrySetup.communities().add("a", "a.test").add("b", "b.test");
    }

    @AfterEach
    void tearDown() {
        f.close();
    }

    /** What community "a" wrote through the audit's services. */
    private record A(AuditRun run, Finding finding, OfficialRequest request, DataManager manager) {
    }

    /** A row of a into every table of the audit's schema: a run with results, findings, obligations, a request. */
    private A writeEverything() {
        DataManager m = f.manager("Управління ЖКГ");
        Obligation o = f.registry().saveObligation(f.registrySetup.admin,
                new Obligation(0, "housing", "Перелік будинків", null, "Постанова КМУ № 835"));
        f.registry().setObligations(f.registrySetup.steward, m.id(), List.of(o.id()));
        Dataset d = f.save(AuditFixture.passport(m, "housing")); // no file: a finding
        AuditRun run = f.runAudit();
        Finding finding = f.findings(run, d).get(0);
        LocalDate today = LocalDate.ofInstant(f.clock.instant(), java.time.ZoneId.of("Europe/Kyiv"));
        OfficialRequest request = f.requests.save(f.registrySetup.auditor, new OfficialRequest(0, m.id(), null, "01-12/345",
                today, today.plusDays(10), "Про усунення порушень", "Просимо усунути…", today, "Усунено",
                List.of(finding.id())), "vidpovid.pdf", AuditFixture.textPdf());
        f.explanations.save(f.registrySetup.admin, "csv-encoding", "Пояснення громади a");
        assertTrue(new LinkBudget(f.db, AuditSettings.defaults().zone(), 10).take(), "a link check of a counted");
        return new A(run, finding, request, m);
    }

    @Test
    void everyTableOfTheAuditIsIsolated() {
        A a = communities.callAs("a", this::writeEverything);

        CommunityIsolationCheck.assertIsolated(f.registrySetup.dataSource(), AuditDatabase.SCHEMA, "a", "b");

        communities.runAs("b", () -> {
            assertTrue(f.audit.latestRun().isEmpty(), "b sees no run of a");
            assertTrue(f.audit.runs(10).isEmpty());
            assertTrue(f.audit.findings(a.run().id(), null, null).isEmpty(), "a's findings by run id");
            assertTrue(f.audit.datasetScores(a.run().id()).isEmpty(), "a's dataset scores");
            assertTrue(f.audit.managerScores(a.run().id()).isEmpty(), "a's manager scores");
            assertTrue(f.audit.compliance().managers().isEmpty(), "a's compliance matrix");
            assertTrue(f.requests.requests(f.registrySetup.viewer, null).isEmpty(), "a's requests");
            assertTrue(f.requests.request(a.request().id()).isEmpty(), "a's request by id");
            assertTrue(f.requests.answerFile(f.registrySetup.viewer, a.request().id()).isEmpty(), "a's answer file");

            // b audits its own registry only, and numbers its own correspondence
            DataManager own = f.manager("Управління освіти");
            f.save(AuditFixture.passport(own, "schools"));
            AuditRun run = f.runAudit();
            assertEquals(1, run.datasetsChecked(), "b's audit judged b's dataset only");
            Finding mine = f.audit.findings(run.id(), null, null).get(0);
            LocalDate today = LocalDate.ofInstant(f.clock.instant(), java.time.ZoneId.of("Europe/Kyiv"));
            OfficialRequest same = f.requests.save(f.registrySetup.auditor, new OfficialRequest(0, own.id(), null,
                    "01-12/345", today, null, "Запит", "Текст", null, null, List.of(mine.id())));
            assertEquals("01-12/345", same.number());
            assertNotEquals(a.request().id(), same.id());
            referencesIntoAAreRefused(a, mine, same);
        });
        communities.runAs("a", () -> {
            assertEquals(a.run().id(), f.audit.latestRun().orElseThrow().id(), "b's run is not a's latest");
            assertEquals(List.of(a.request()), f.requests.requests(f.registrySetup.viewer, null));
        });
        assertTrue(f.audit.latestRun().isEmpty(), "the default community has no run");
    }

    /**
     * Foreign keys are checked without row-level security: b's rows (written as the application
     * role, as a service with a wrong id would) must not point at a's run, finding or request
     * (the registry ids -1 keep the rows clear of a's primary keys).
     */
    private void referencesIntoAAreRefused(A a, Finding bFinding, OfficialRequest bRequest) {
        DataSource b = f.registrySetup.communityDataSource();
        long run = a.run().id();
        CommunityReferences.assertRefused(b, "b's dataset result in a's run", "insert into opendata_audit.dataset_result"
                + " (run_id, dataset_id, identifier, title, manager_id, published, score, findings, critical, major, minor)"
                + " values (?, -1, 'probe', 'Проба', -1, false, 0, 0, 0, 0, 0)", run);
        CommunityReferences.assertRefused(b, "b's manager result in a's run", "insert into opendata_audit.manager_result"
                + " (run_id, manager_id, name, datasets, score, findings) values (?, -1, 'Проба', 0, 0, 0)", run);
        CommunityReferences.assertRefused(b, "b's finding in a's run", "insert into opendata_audit.finding"
                + " (run_id, dataset_id, dataset_title, manager_id, rule, severity, explanation)"
                + " values (?, -1, 'Проба', -1, 'probe', 'MINOR', 'Проба')", run);
        CommunityReferences.assertRefused(b, "b's obligation in a's run", "insert into opendata_audit.run_obligation"
                + " (run_id, obligation_id, code, title) values (?, -1, 'probe', 'Проба')", run);
        CommunityReferences.assertRefused(b, "b's manager obligation in a's run",
                "insert into opendata_audit.run_manager_obligation (run_id, manager_id, obligation_id) values (?, -1, -1)", run);
        CommunityReferences.assertRefused(b, "a's finding in b's request", "insert into opendata_audit.official_request_finding"
                + " (request_id, finding_id) values (?, ?)", bRequest.id(), a.finding().id());
        CommunityReferences.assertRefused(b, "b's finding in a's request", "insert into opendata_audit.official_request_finding"
                + " (request_id, finding_id) values (?, ?)", a.request().id(), bFinding.id());
        CommunityReferences.assertRefused(b, "b's answer file of a's request", "insert into opendata_audit.official_request_answer"
                + " (request_id, file_name, media_type, size, content, uploaded_by, uploaded_at)"
                + " values (?, 'probe.pdf', 'application/pdf', 1, '\\x25'::bytea, 'probe', now())", a.request().id());
    }

    @Test
    void theScheduleAuditsEveryCommunityOnItsOwnRegistry() {
        communities.runAs("a", () -> f.save(AuditFixture.passport(f.manager("Відділ a"), "one")));
        communities.runAs("b", () -> {
            DataManager m = f.manager("Відділ b");
            f.save(AuditFixture.passport(m, "one"));
            f.save(AuditFixture.passport(m, "two"));
        });
        AuditSettings hourly = new AuditSettings(AuditSettings.Schedule.INTERVAL, AuditSettings.defaults().dailyAt(),
                Duration.ofHours(1), AuditSettings.defaults().zone(), false, AuditSettings.defaults().connectTimeout(),
                AuditSettings.defaults().readTimeout(), AuditSettings.defaults().maxConcurrent(),
                AuditSettings.defaults().perHost(), AuditSettings.defaults().dailyBudget(),
                AuditSettings.defaults().weightCritical(), AuditSettings.defaults().weightMajor(),
                AuditSettings.defaults().weightMinor(), AuditSettings.defaults().pdfMaxBytes(),
                AuditSettings.defaults().runsKept());
        communities.add(new ua.hromada.portal.api.community.Community("c", List.of(), java.util.Set.of("oks"),
                java.util.Map.of()));
        AuditScheduler scheduler = new AuditScheduler(f.audit, hourly, f.registrySetup.jobs(), communities);
        try {
            scheduler.runOnce(JobProgress.NONE);
        } finally {
            scheduler.deactivate();
        }
        assertEquals(0, f.audit.latestRun().orElseThrow().datasetsChecked(), "the default community's run");
        assertEquals(1, communities.callAs("a", () -> f.audit.latestRun().orElseThrow().datasetsChecked()));
        assertEquals(2, communities.callAs("b", () -> f.audit.latestRun().orElseThrow().datasetsChecked()));
        assertEquals(1, communities.callAs("b", () -> f.audit.runs(10).size()), "one run per community");
        assertTrue(communities.callAs("c", () -> f.audit.runs(10).isEmpty()), "c has no open data: no audit");
    }
}
