package ua.hromada.opendata.api;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import ua.hromada.portal.api.PortalUser;
import ua.hromada.portal.api.jobs.JobProgress;

/**
 * The continuous audit: runs every rule over every dataset and resource, keeps the findings and
 * scores of each run (the history), and derives the compliance matrix.
 */
@org.osgi.annotation.versioning.ProviderType
public interface OpendataAudit {

    /**
     * Runs the audit now on the calling thread (views and the schedule run it as a job): progress
     * in datasets checked, {@link JobProgress#cancelled()} stops it between datasets.
     */
    AuditRun run(PortalUser actor, JobProgress progress);

    Optional<AuditRun> latestRun();

    List<AuditRun> runs(int limit);

    /** Findings of a run (the latest when runId is null), optionally of one dataset or manager. */
    List<Finding> findings(Long runId, Long datasetId, Long managerId);

    /**
     * What a run has to say besides its findings, in Ukrainian (e.g. links left unchecked because the
     * day's budget of link checks ran out); empty when nothing.
     */
    default Optional<String> notice(long runId) {
        return Optional.empty();
    }

    /** The rules and what each checks, in plain Ukrainian (for the legend of the report). */
    List<Rule> rules();

    /** Score 0..100 per dataset of a run (latest when null). */
    List<Score> datasetScores(Long runId);

    /** Score 0..100 per data manager (mean of its datasets; 0 with none). */
    List<Score> managerScores(Long runId);

    /** Data manager × obligatory dataset of the latest run. */
    ComplianceMatrix compliance();

    record Rule(String id, Severity severity, String title, String description) {
    }

    /** @param subjectId a dataset's or manager's id */
    record Score(long subjectId, String name, double score, int findings) {
    }

    enum Compliance {
        PUBLISHED, PUBLISHED_WITH_PROBLEMS, MISSING, NOT_APPLICABLE
    }

    record ComplianceMatrix(LocalDate asOf, List<DataManager> managers, List<Obligation> obligations,
            List<List<Compliance>> cells) {
    }
}
