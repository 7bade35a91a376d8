package ua.hromada.opendata.audit;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import ua.hromada.opendata.api.AuditRun;
import ua.hromada.opendata.api.OpendataAudit;
import ua.hromada.opendata.api.DataManager;
import ua.hromada.opendata.api.Dataset;
import ua.hromada.opendata.api.DatasetQuery;
import ua.hromada.opendata.api.Finding;
import ua.hromada.opendata.api.Obligation;
import ua.hromada.opendata.api.OpendataException;
import ua.hromada.opendata.api.OpendataPermissions;
import ua.hromada.opendata.api.OutboundRequests;
import ua.hromada.opendata.api.DatasetRegistry;
import ua.hromada.opendata.api.Severity;
import ua.hromada.opendata.audit.rules.AuditRule;
import ua.hromada.opendata.audit.rules.DatasetCheck;
import ua.hromada.opendata.audit.rules.Findings;
import ua.hromada.opendata.audit.rules.LinkChecker;
import ua.hromada.opendata.audit.rules.Rules;
import ua.hromada.opendata.audit.rules.Texts;
import ua.hromada.portal.api.PortalSettings;
import ua.hromada.portal.api.PortalUser;
import ua.hromada.portal.api.community.Communities;
import ua.hromada.portal.api.community.Community;
import ua.hromada.portal.api.jobs.JobProgress;
import ua.hromada.portal.api.jobs.Jobs;

/**
 * Runs every rule over every dataset in one pass over the registry, then stores the run's
 * findings, scores and the obligations it judged in one transaction (batched inserts). One run at
 * a time per community (each community audits its own registry, regional hosting); a run cancelled
 * through its {@link JobProgress} keeps only its run row.
 */
@Component(service = OpendataAudit.class, configurationPid = AuditConfig.PID)
@Designate(ocd = AuditConfig.class)
public class OpendataAuditImpl implements OpendataAudit {
    private static final Logger LOG = LoggerFactory.getLogger(OpendataAuditImpl.class);
    /** The audit reads the whole registry whoever started it: running needs only the audit right. */
    /** Where audit runs go: the scheduled ones and those started in the audit view. */
    public static final String POOL = "opendata.audit";
    static final PortalUser SYSTEM = new PortalUser(0, "system", "Аудит відкритих даних", Set.of(),
            Set.of(OpendataPermissions.VIEW));

    private final AuditDatabase db;
    private final AuditStore store;
    private final DatasetRegistry registry;
    private final AuditSettings settings;
    private final List<AuditRule> rules = Rules.all();
    private final Texts texts = Texts.ukrainian();
    /** The run in progress per community id. */
    private final Map<String, Long> runningIds = new ConcurrentHashMap<>();
    private final Communities communities;
    private final Jobs jobs;
    /** Link checks fetch only what open data's outbound allow-list allows. */
    private final OutboundRequests outbound;

    @Activate
    public OpendataAuditImpl(@Reference AuditDatabase db, @Reference DatasetRegistry registry,
            @Reference PortalSettings portal, @Reference Jobs jobs, @Reference Communities communities,
            @Reference OutboundRequests outbound, AuditConfig config) {
        this(db, registry, AuditSettings.of(config, portal.timeZone()), jobs, communities, outbound);
    }

    public OpendataAuditImpl(AuditDatabase db, DatasetRegistry registry, AuditSettings settings, Jobs jobs,
            Communities communities, OutboundRequests outbound) {
        this.jobs = jobs;
        this.outbound = outbound;
        this.communities = communities;
        this.db = db;
        this.store = new AuditStore(db);
        this.registry = registry;
        this.settings = settings;
        // a run cut off by a restart never finishes: say so instead of showing it as running forever
        for (Community community : communities.all()) {
            communities.runAs(community.id(), this::failStaleRuns);
        }
    }

    private void failStaleRuns() {
        int stale = db.tx(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE opendata_audit.run SET status = 'FAILED', finished_at = ? WHERE status = 'RUNNING'")) {
                ps.setTimestamp(1, Timestamp.from(db.clock().instant()));
                return ps.executeUpdate();
            }
        });
        if (stale > 0) {
            LOG.warn("{} open data audit run(s) of community {} left running by a restart marked FAILED", stale,
                    communities.current().id());
        }
    }

    AuditSettings settings() {
        return settings;
    }

    // ---------------------------------------------------------------- running

    @Override
    public AuditRun run(PortalUser actor, JobProgress progress) {
        if (!OpendataPermissions.canAudit(actor)) {
            throw new OpendataException(OpendataException.Reason.FORBIDDEN, "opendata.audit.error.forbidden");
        }
        JobProgress p = progress == null ? JobProgress.NONE : progress;
        long runId;
        String community = communities.current().id();
        synchronized (runningIds) {
            Long other = runningIds.get(community);
            if (other != null) {
                throw new OpendataException(OpendataException.Reason.CONFLICT, "opendata.audit.error.running", other);
            }
            runId = startRun(actor.username());
            runningIds.put(community, runId);
        }
        try {
            Outcome outcome = execute(runId, p);
            if (outcome == null) {
                finish(runId, AuditRun.Status.CANCELLED, 0, 0, null);
                LOG.info("Open data audit run {} cancelled by {}", runId, actor.username());
            }
            return store.run(runId).orElseThrow();
        } catch (RuntimeException e) {
            LOG.error("Open data audit run {} failed", runId, e);
            finish(runId, AuditRun.Status.FAILED, 0, 0, null);
            throw e;
        } finally {
            runningIds.remove(community);
        }
    }

    private long startRun(String username) {
        return db.tx(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO opendata_audit.run (started_at, started_by, status,"
                    + " link_checks) VALUES (?, ?, 'RUNNING', ?) RETURNING id")) {
                ps.setTimestamp(1, Timestamp.from(db.clock().instant()));
                ps.setString(2, username);
                ps.setBoolean(3, settings.linksEnabled());
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
    }

    private void finish(long runId, AuditRun.Status status, int datasets, int findings, Double score) {
        db.tx(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE opendata_audit.run SET status = ?, finished_at = ?,"
                    + " datasets_checked = ?, findings = ?, score = ? WHERE id = ?")) {
                ps.setString(1, status.name());
                ps.setTimestamp(2, Timestamp.from(db.clock().instant()));
                ps.setInt(3, datasets);
                ps.setInt(4, findings);
                ps.setObject(5, score);
                ps.setLong(6, runId);
                return ps.executeUpdate();
            }
        });
    }

    /** What one dataset came to. */
    private record Checked(Dataset dataset, Findings findings) {
    }

    private record Outcome(int datasets, int findings) {
    }

    /** Thrown inside the registry's stream to stop it when the run is cancelled. */
    private static final class Cancelled extends RuntimeException {
        Cancelled() {
            super(null, null, false, false);
        }
    }

    /** @return null when cancelled */
    private Outcome execute(long runId, JobProgress progress) {
        long started = System.nanoTime();
        LocalDate today = LocalDate.ofInstant(db.clock().instant(), settings.zone());
        int total = (int) registry.countDatasets(SYSTEM, new DatasetQuery(null, null, null, null, null, null, 0, 1));
        List<DataManager> managers = registry.managers(SYSTEM);
        List<Obligation> obligations = registry.obligations();
        Map<Long, List<Obligation>> duties = new HashMap<>();
        for (DataManager m : managers) {
            duties.put(m.id(), registry.obligationsOf(m.id()));
        }
        List<Checked> checked = new ArrayList<>(Math.max(16, total));
        progress.update(0, total);
        LinkChecker links = settings.linksEnabled() ? new LinkChecker(jobs, outbound,
                new LinkChecker.Limits(settings.connectTimeout(), settings.readTimeout(), settings.maxConcurrent(),
                        settings.perHost()), new LinkBudget(db, settings.zone(), dailyBudget()), texts) : null;
        try {
            try {
                registry.forEachDataset(d -> {
                    if (progress.cancelled()) {
                        throw new Cancelled();
                    }
                    DatasetCheck check = new DatasetCheck(d, registry.resources(d.id()), today, texts, registry::content,
                            settings.pdfMaxBytes(), links);
                    Findings found = new Findings();
                    for (AuditRule rule : rules) {
                        try {
                            rule.check(check, found);
                        } catch (RuntimeException e) {
                            // one unreadable file must not stop the audit of the other 9 999 datasets
                            LOG.warn("Rule {} failed on dataset {} ({})", rule.id(), d.id(), d.identifier(), e);
                        }
                    }
                    checked.add(new Checked(d, found));
                    if (links == null || checked.size() % 10 == 0) {
                        progress.update(checked.size(), Math.max(total, checked.size()));
                    }
                });
            } catch (Cancelled e) {
                if (links != null) {
                    links.cancel();
                }
                return null;
            }
            // link checks answer in the background; wait for them (still cancellable)
            for (Checked ch : checked) {
                while (ch.findings().hasPending()) {
                    if (progress.cancelled()) {
                        links.cancel();
                        return null;
                    }
                    sleep();
                }
            }
        } finally {
            if (links != null) {
                links.close();
            }
        }
        if (progress.cancelled()) {
            return null;
        }
        String notice = links == null || links.skipped() == 0 ? null
                : texts.get("opendata.audit.notice.linkBudget", links.skipped(), settings.dailyBudget());
        Outcome outcome = save(runId, checked, managers, obligations, duties, notice);
        progress.update(checked.size(), checked.size());
        LOG.info("Open data audit run {}: {} datasets, {} findings in {} ms", runId, outcome.datasets(), outcome.findings(),
                (System.nanoTime() - started) / 1_000_000);
        return outcome;
    }

    /** The day's link checks of the community of the run: its overlay's links.daily.budget, else the shared one. */
    int dailyBudget() {
        String own = communities.current().setting(AuditConfig.PID, "links.daily.budget").orElse(null);
        if (own != null) {
            try {
                return Math.max(1, Integer.parseInt(own.strip()));
            } catch (NumberFormatException e) {
                LOG.warn("links.daily.budget of community {} is not a number ({}): the shared {} is used",
                        communities.current().id(), own, settings.dailyBudget());
            }
        }
        return settings.dailyBudget();
    }

    private static void sleep() {
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("audit interrupted", e);
        }
    }

    private Outcome save(long runId, List<Checked> checked, List<DataManager> managers, List<Obligation> obligations,
            Map<Long, List<Obligation>> duties, String notice) {
        Batch datasets = new Batch("opendata_audit.dataset_result", "run_id bigint", "dataset_id bigint", "identifier text",
                "title text", "manager_id bigint", "obligation_id bigint", "published boolean", "score double precision",
                "findings integer", "critical integer", "major integer", "minor integer");
        Batch findings = new Batch("opendata_audit.finding", "run_id bigint", "dataset_id bigint", "dataset_title text",
                "manager_id bigint", "resource_id bigint", "rule text", "severity text", "explanation text");
        Map<Long, double[]> perManager = new HashMap<>(); // sum of scores, datasets, findings
        double sum = 0;
        for (Checked ch : checked) {
            Dataset d = ch.dataset();
            List<Findings.Issue> issues = ch.findings().all();
            int[] bySeverity = new int[Severity.values().length];
            double penalty = 0;
            String title = d.title() == null ? d.identifier() : d.title();
            for (Findings.Issue issue : issues) {
                Severity s = issue.rule().severity();
                bySeverity[s.ordinal()]++;
                penalty += settings.weight(s);
                findings.add(runId, d.id(), title, d.managerId(), issue.resourceId(), issue.rule().id(), s.name(),
                        issue.explanation());
            }
            double score = Math.max(0, 100 - penalty);
            sum += score;
            datasets.add(runId, d.id(), d.identifier(), title, d.managerId(), d.obligationId(), d.published(), score,
                    issues.size(), bySeverity[Severity.CRITICAL.ordinal()], bySeverity[Severity.MAJOR.ordinal()],
                    bySeverity[Severity.MINOR.ordinal()]);
            double[] m = perManager.computeIfAbsent(d.managerId(), k -> new double[3]);
            m[0] += score;
            m[1]++;
            m[2] += issues.size();
        }
        Batch managerRows = new Batch("opendata_audit.manager_result", "run_id bigint", "manager_id bigint", "name text",
                "edrpou text", "datasets integer", "score double precision", "findings integer");
        Batch obligationRows = new Batch("opendata_audit.run_obligation", "run_id bigint", "obligation_id bigint",
                "code text", "title text", "description text", "legal_basis text");
        Batch dutyRows = new Batch("opendata_audit.run_manager_obligation", "run_id bigint", "manager_id bigint",
                "obligation_id bigint");
        for (DataManager manager : managers) {
            double[] m = perManager.getOrDefault(manager.id(), new double[3]);
            managerRows.add(runId, manager.id(), manager.name(), manager.edrpou(), (int) m[1], m[1] == 0 ? 0.0 : m[0] / m[1],
                    (int) m[2]);
            for (Obligation o : duties.getOrDefault(manager.id(), List.of())) {
                dutyRows.add(runId, manager.id(), o.id());
            }
        }
        for (Obligation o : obligations) {
            obligationRows.add(runId, o.id(), o.code(), o.title(), o.description(), o.legalBasis());
        }
        Double runScore = checked.isEmpty() ? null : sum / checked.size();
        int findingCount = findings.size();
        Instant finished = db.clock().instant();
        db.tx(c -> {
            datasets.insert(c);
            findings.insert(c);
            managerRows.insert(c);
            obligationRows.insert(c);
            dutyRows.insert(c);
            try (PreparedStatement ps = c.prepareStatement("UPDATE opendata_audit.run SET status = 'FINISHED', finished_at = ?,"
                    + " datasets_checked = ?, findings = ?, score = ?, notice = ? WHERE id = ?")) {
                ps.setTimestamp(1, Timestamp.from(finished));
                ps.setInt(2, checked.size());
                ps.setInt(3, findingCount);
                ps.setObject(4, runScore);
                ps.setString(5, notice);
                ps.setLong(6, runId);
                ps.executeUpdate();
            }
            if (settings.runsKept() > 0) {
                prune(c, settings.runsKept());
            }
            return null;
        });
        return new Outcome(checked.size(), findingCount);
    }

    /** Old runs beyond the configured number go, except those an official request quotes. */
    private static void prune(java.sql.Connection c, int kept) throws java.sql.SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM opendata_audit.run r WHERE r.status <> 'RUNNING'"
                + " AND r.id NOT IN (SELECT id FROM opendata_audit.run WHERE status = 'FINISHED' ORDER BY id DESC LIMIT ?)"
                + " AND NOT EXISTS (SELECT 1 FROM opendata_audit.finding f JOIN opendata_audit.official_request_finding rf"
                + " ON rf.finding_id = f.id WHERE f.run_id = r.id)")) {
            ps.setInt(1, kept);
            ps.executeUpdate();
        }
    }

    /** The id of the current community's run in progress, 0 when none. */
    long running() {
        return runningIds.getOrDefault(communities.current().id(), 0L);
    }

    // ---------------------------------------------------------------- reading

    @Override
    public Optional<AuditRun> latestRun() {
        return store.latestFinished();
    }

    @Override
    public List<AuditRun> runs(int limit) {
        return store.runs(limit);
    }

    @Override
    public List<Finding> findings(Long runId, Long datasetId, Long managerId) {
        return store.resolve(runId).map(id -> store.findings(id, datasetId, managerId)).orElse(List.of());
    }

    @Override
    public Optional<String> notice(long runId) {
        return store.notice(runId);
    }

    @Override
    public List<Rule> rules() {
        return rules.stream().map(r -> r.describe(texts)).toList();
    }

    @Override
    public List<Score> datasetScores(Long runId) {
        return store.resolve(runId).map(store::datasetScores).orElse(List.of());
    }

    @Override
    public List<Score> managerScores(Long runId) {
        return store.resolve(runId).map(store::managerScores).orElse(List.of());
    }

    @Override
    public ComplianceMatrix compliance() {
        return store.latestFinished().map(run -> store.compliance(run, settings.zone()))
                .orElseGet(() -> new ComplianceMatrix(null, List.of(), List.of(), List.of()));
    }
}
