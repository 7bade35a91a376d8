package ua.hromada.opendata.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import ua.hromada.opendata.api.AuditRun;
import ua.hromada.opendata.api.OpendataAudit;
import ua.hromada.opendata.api.OpendataAudit.Compliance;
import ua.hromada.opendata.api.OpendataAudit.ComplianceMatrix;
import ua.hromada.opendata.api.OpendataAudit.Score;
import ua.hromada.opendata.api.DataManager;
import ua.hromada.opendata.api.Dataset;
import ua.hromada.opendata.api.Obligation;
import ua.hromada.opendata.api.OpendataException;
import ua.hromada.opendata.api.Resource;
import ua.hromada.portal.api.jobs.JobProgress;

/** Scores, the compliance matrix, the history of runs, progress, cancelling, one run at a time. */
class AuditRunTest {
    private static final byte[] NO_HEADER = "1,Полтава\n2,Київ\n".getBytes(StandardCharsets.UTF_8);
    private static final byte[] SEMICOLON = "id;name\n1;Полтава\n".getBytes(StandardCharsets.UTF_8);
    private AuditFixture f;

    @BeforeEach
    void setUp() {
        f = new AuditFixture();
    }

    @AfterEach
    void tearDown() {
        f.close();
    }

    private Dataset withCsv(DataManager m, String identifier, byte[] csv, Long obligationId, boolean published) {
        Dataset p = AuditFixture.passport(m, identifier);
        Dataset d = f.save(new Dataset(0, p.identifier(), p.title(), p.description(), p.language(), p.formats(), null,
                p.firstPublished(), p.lastModified(), p.actualityDate(), p.frequency(), p.keywords(), List.of(),
                p.responsiblePerson(), p.responsibleEmail(), p.legalBasis(), p.purpose(), m.id(), null, p.tags(),
                p.structure(), obligationId, published, null, null));
        f.upload(d, "CSV", identifier + ".csv", csv);
        return d;
    }

    private static Map<Long, Score> byId(List<Score> scores) {
        return scores.stream().collect(Collectors.toMap(Score::subjectId, Function.identity()));
    }

    @Test
    void scoresTakeTheConfiguredWeightsOffAndManagersGetTheMeanOfTheirDatasets() {
        DataManager a = f.manager("Управління освіти");
        DataManager empty = f.manager("Архівний відділ");
        Dataset good = f.good(a, "schools");
        Dataset bad = withCsv(a, "kindergartens", NO_HEADER, null, true); // csv-header: MAJOR (15)
        Dataset p = AuditFixture.passport(a, "nothing");
        Dataset worse = f.save(new Dataset(0, p.identifier(), p.title(), p.description(), p.language(), p.formats(), null,
                p.firstPublished(), p.lastModified(), p.actualityDate(), p.frequency(), List.of(), List.of(),
                p.responsiblePerson(), p.responsibleEmail(), p.legalBasis(), p.purpose(), a.id(), null, List.of(), List.of(),
                null, true, null, null));
        AuditRun run = f.runAudit();
        Map<Long, Score> datasets = byId(f.audit.datasetScores(run.id()));
        assertEquals(100.0, datasets.get(good.id()).score());
        assertEquals(85.0, datasets.get(bad.id()).score());
        assertEquals(1, datasets.get(bad.id()).findings());
        // no resources (critical 30) + no structure (major 15) + passport missing (critical 30)
        assertEquals(25.0, datasets.get(worse.id()).score(), () -> f.findings(run, worse).toString());
        Map<Long, Score> managers = byId(f.audit.managerScores(run.id()));
        assertEquals((100 + 85 + 25) / 3.0, managers.get(a.id()).score(), 1e-9);
        assertEquals(0.0, managers.get(empty.id()).score());
        assertEquals(0, managers.get(empty.id()).findings());
        assertEquals((100 + 85 + 25) / 3.0, run.score(), 1e-9);
        assertEquals(3, run.datasetsChecked());
        assertEquals(f.audit.findings(run.id(), null, null).size(), run.findings());
        assertEquals(run.findings(), f.audit.findings(null, null, a.id()).size());

        AuditSettings harsh = new AuditSettings(AuditSettings.Schedule.OFF, java.time.LocalTime.NOON, Duration.ofHours(1),
                java.time.ZoneId.of("Europe/Kyiv"), false, Duration.ofSeconds(1), Duration.ofSeconds(1), 1, 1, 1, 100, 60, 1,
                1 << 20, 0);
        OpendataAuditImpl strict = new OpendataAuditImpl(f.db, f.registry(), harsh, f.registrySetup.jobs(),
                f.registrySetup.communities(), AuditFixture.NO_OUTBOUND);
        AuditRun second = strict.run(f.registrySetup.auditor, JobProgress.NONE);
        Map<Long, Score> strictScores = byId(strict.datasetScores(second.id()));
        assertEquals(40.0, strictScores.get(bad.id()).score());
        assertEquals(0.0, strictScores.get(worse.id()).score(), "never below 0");
    }

    @Test
    void complianceMatrixOnAHandMadeRegistry() {
        var steward = f.registrySetup.steward;
        Obligation budget = f.registry().saveObligation(steward, new Obligation(0, "1", "Бюджет громади", null, "Постанова № 835"));
        Obligation permits = f.registry().saveObligation(steward, new Obligation(0, "2", "Дозволи на розміщення реклами", null, null));
        Obligation transport = f.registry().saveObligation(steward, new Obligation(0, "3", "Маршрути транспорту", null, null));
        DataManager finance = f.manager("Департамент фінансів");
        DataManager city = f.manager("Управління транспорту");
        DataManager archive = f.manager("Архівний відділ");
        f.registry().setObligations(steward, finance.id(), List.of(budget.id(), permits.id()));
        f.registry().setObligations(steward, city.id(), List.of(budget.id(), transport.id()));

        withCsv(finance, "budget", AuditFixture.GOOD_CSV.getBytes(StandardCharsets.UTF_8), budget.id(), true);
        withCsv(finance, "permits", NO_HEADER, permits.id(), true);                    // major finding
        withCsv(finance, "permits-draft", AuditFixture.GOOD_CSV.getBytes(StandardCharsets.UTF_8), permits.id(), false);
        withCsv(city, "budget-city", AuditFixture.GOOD_CSV.getBytes(StandardCharsets.UTF_8), budget.id(), false); // not published
        withCsv(city, "routes", SEMICOLON, transport.id(), true);                     // minor only
        withCsv(archive, "fonds", AuditFixture.GOOD_CSV.getBytes(StandardCharsets.UTF_8), budget.id(), true); // not its duty

        assertEquals(List.of(), f.audit.compliance().managers(), "no run yet: an empty matrix");
        f.runAudit();
        ComplianceMatrix m = f.audit.compliance();
        // the registry ships the national list too; our three items sort first, the rest apply to nobody here
        assertEquals(List.of("1", "2", "3"), m.obligations().stream().map(Obligation::code).limit(3).toList());
        assertEquals(f.registry().obligations().size(), m.obligations().size());
        assertEquals(List.of("Архівний відділ", "Департамент фінансів", "Управління транспорту"),
                m.managers().stream().map(DataManager::name).toList());
        assertEquals(List.of(Compliance.NOT_APPLICABLE, Compliance.NOT_APPLICABLE, Compliance.NOT_APPLICABLE),
                m.cells().get(0).subList(0, 3));
        assertEquals(List.of(Compliance.PUBLISHED, Compliance.PUBLISHED_WITH_PROBLEMS, Compliance.NOT_APPLICABLE),
                m.cells().get(1).subList(0, 3));
        assertEquals(List.of(Compliance.MISSING, Compliance.NOT_APPLICABLE, Compliance.PUBLISHED), m.cells().get(2).subList(0, 3));
        for (List<Compliance> row : m.cells()) {
            assertTrue(row.subList(3, row.size()).stream().allMatch(c -> c == Compliance.NOT_APPLICABLE), row::toString);
        }
        assertEquals(java.time.LocalDate.ofInstant(f.clock.instant(), java.time.ZoneId.of("Europe/Kyiv")), m.asOf());
    }

    @Test
    void runsAreKeptAsHistoryAndTheScoreRisesAfterAFix() {
        DataManager m = f.manager("Управління культури");
        Dataset d = withCsv(m, "museums", NO_HEADER, null, true);
        AuditRun first = f.runAudit();
        assertEquals(List.of("csv-header"), f.findings(first, d).stream().map(x -> x.rule()).toList());

        Resource bad = f.registry().resources(d.id()).get(0);
        f.registry().removeResource(f.registrySetup.steward, bad.id());
        f.upload(d, "CSV", "museums.csv", AuditFixture.GOOD_CSV.getBytes(StandardCharsets.UTF_8));
        f.clock.advance(Duration.ofDays(1));
        AuditRun second = f.runAudit();

        assertEquals(List.of(second.id(), first.id()), f.audit.runs(10).stream().map(AuditRun::id).toList());
        assertEquals(second.id(), f.audit.latestRun().orElseThrow().id());
        assertEquals(1, f.audit.findings(first.id(), d.id(), null).size(), "the old run keeps its findings");
        assertEquals(List.of(), f.audit.findings(null, d.id(), null), "null = the latest run");
        assertTrue(second.score() > first.score(), second.score() + " > " + first.score());
        assertEquals(100.0, f.audit.datasetScores(null).get(0).score());
        assertEquals(85.0, f.audit.datasetScores(first.id()).get(0).score());
        assertEquals(second.finishedAt(), f.audit.runs(1).get(0).finishedAt());
    }

    @Test
    void progressIsReportedAndACancelledRunKeepsNothingButItsRow() {
        DataManager m = f.manager("Відділ");
        for (int i = 0; i < 5; i++) {
            f.good(m, "set-" + i);
        }
        List<int[]> updates = new ArrayList<>();
        AuditRun done = f.audit.run(f.registrySetup.auditor, (d, t) -> updates.add(new int[] {(int) d, (int) t}));
        assertEquals(AuditRun.Status.FINISHED, done.status());
        assertEquals(0, updates.get(0)[0]);
        assertEquals(5, updates.get(updates.size() - 1)[0]);
        assertEquals(5, updates.get(updates.size() - 1)[1]);

        AuditRun cancelled = f.audit.run(f.registrySetup.auditor, new JobProgress() {
            long seen;

            @Override
            public void update(long d, long t) {
                seen = d;
            }

            @Override
            public boolean cancelled() {
                return seen >= 2;
            }
        });
        assertEquals(AuditRun.Status.CANCELLED, cancelled.status());
        assertEquals(List.of(), f.audit.findings(cancelled.id(), null, null));
        assertEquals(List.of(), f.audit.datasetScores(cancelled.id()));
        assertEquals(done.id(), f.audit.latestRun().orElseThrow().id(), "the latest finished run is still the first");
        assertEquals(AuditRun.Status.CANCELLED, f.audit.runs(1).get(0).status());
    }

    @Test
    void oneRunAtATimeAndOnlyForAuditors() throws Exception {
        DataManager m = f.manager("Відділ");
        f.good(m, "one");
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<AuditRun> first = CompletableFuture.supplyAsync(() -> f.audit.run(f.registrySetup.auditor, (d, t) -> {
            inside.countDown();
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }));
        assertTrue(inside.await(10, TimeUnit.SECONDS));
        OpendataException busy = assertThrows(OpendataException.class,
                () -> f.audit.run(f.registrySetup.auditor, JobProgress.NONE));
        assertEquals(OpendataException.Reason.CONFLICT, busy.reason());
        assertEquals("opendata.audit.error.running", busy.messageKey());
        release.countDown();
        assertEquals(AuditRun.Status.FINISHED, first.get(10, TimeUnit.SECONDS).status());

        OpendataException refused = assertThrows(OpendataException.class,
                () -> f.audit.run(f.registrySetup.viewer, JobProgress.NONE));
        assertEquals(OpendataException.Reason.FORBIDDEN, refused.reason());
        assertEquals(AuditRun.Status.FINISHED, f.audit.run(f.registrySetup.admin, null).status());
    }

    @Test
    void aRunLeftRunningByARestartIsMarkedFailed() {
        f.registrySetup.execute("INSERT INTO opendata_audit.run (started_at, started_by, status, community)"
                + " VALUES (now(), 'x', 'RUNNING', 'default')");
        OpendataAuditImpl restarted = new OpendataAuditImpl(f.db, f.registry(), AuditFixture.OFFLINE, f.registrySetup.jobs(),
                f.registrySetup.communities(), AuditFixture.NO_OUTBOUND);
        assertEquals(AuditRun.Status.FAILED, restarted.runs(1).get(0).status());
    }
}
