package ua.hromada.opendata.audit;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import ua.hromada.opendata.api.AuditRun;
import ua.hromada.opendata.api.OpendataAudit.Compliance;
import ua.hromada.opendata.api.OpendataAudit.ComplianceMatrix;
import ua.hromada.opendata.api.OpendataAudit.Score;
import ua.hromada.opendata.api.DataManager;
import ua.hromada.opendata.api.Finding;
import ua.hromada.opendata.api.Obligation;
import ua.hromada.opendata.api.Severity;
import ua.hromada.portal.api.jdbc.Statements;

/** The audit's reads over schema {@code opendata_audit}, shared by the service and the reports. */
final class AuditStore {
    private static final String RUN = "SELECT id, started_at, finished_at, started_by, status, datasets_checked, findings, score"
            + " FROM opendata_audit.run";
    private static final String SEVERITY_ORDER = "CASE severity WHEN 'CRITICAL' THEN 0 WHEN 'MAJOR' THEN 1 ELSE 2 END";

    private final AuditDatabase db;

    AuditStore(AuditDatabase db) {
        this.db = db;
    }

    Optional<AuditRun> latestFinished() {
        return db.read(c -> Statements.first(c, RUN + " WHERE status = 'FINISHED' ORDER BY finished_at DESC, id DESC LIMIT 1",
                AuditStore::run));
    }

    /** The last run finished on or before the end of {@code day} in {@code zone}. */
    Optional<AuditRun> finishedBy(LocalDate day, ZoneId zone) {
        Instant end = day.plusDays(1).atStartOfDay(zone).toInstant();
        return db.read(c -> Statements.first(c,
                RUN + " WHERE status = 'FINISHED' AND finished_at < ? ORDER BY finished_at DESC, id DESC LIMIT 1",
                AuditStore::run, Timestamp.from(end)));
    }

    Optional<AuditRun> run(long id) {
        return db.read(c -> Statements.first(c, RUN + " WHERE id = ?", AuditStore::run, id));
    }

    List<AuditRun> runs(int limit) {
        return db.read(c -> Statements.list(c, RUN + " ORDER BY id DESC LIMIT ?", AuditStore::run,
                Math.max(1, Math.min(limit, 10_000))));
    }

    /** The given run, or the latest finished one when null; empty when there is none. */
    Optional<Long> resolve(Long runId) {
        return runId != null ? Optional.of(runId) : latestFinished().map(AuditRun::id);
    }

    List<Finding> findings(long runId, Long datasetId, Long managerId) {
        return db.read(c -> {
            StringBuilder sql = new StringBuilder("SELECT id, run_id, dataset_id, dataset_title, manager_id, resource_id, rule,"
                    + " severity, explanation FROM opendata_audit.finding WHERE run_id = ?");
            if (datasetId != null) {
                sql.append(" AND dataset_id = ?");
            }
            if (managerId != null) {
                sql.append(" AND manager_id = ?");
            }
            sql.append(" ORDER BY ").append(SEVERITY_ORDER).append(", dataset_title, id");
            try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
                int i = 1;
                ps.setLong(i++, runId);
                if (datasetId != null) {
                    ps.setLong(i++, datasetId);
                }
                if (managerId != null) {
                    ps.setLong(i, managerId);
                }
                ps.setFetchSize(2000);
                List<Finding> list = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        list.add(new Finding(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4), rs.getLong(5),
                                (Long) rs.getObject(6), rs.getString(7), Severity.valueOf(rs.getString(8)), rs.getString(9)));
                    }
                }
                return list;
            }
        });
    }

    List<Score> datasetScores(long runId) {
        return scores("SELECT dataset_id, title, score, findings FROM opendata_audit.dataset_result WHERE run_id = ?"
                + " ORDER BY score, title, dataset_id", runId);
    }

    List<Score> managerScores(long runId) {
        return scores("SELECT manager_id, name, score, findings FROM opendata_audit.manager_result WHERE run_id = ?"
                + " ORDER BY score, name, manager_id", runId);
    }

    /** Datasets checked per manager of a run. */
    Map<Long, Integer> datasetsPerManager(long runId) {
        return counts("SELECT manager_id, datasets FROM opendata_audit.manager_result WHERE run_id = ?",
                rs -> rs.getLong(1), runId);
    }

    /** Findings per rule and severity of a run. */
    Map<String, Integer> findingsByRule(long runId) {
        return counts("SELECT rule, count(*) FROM opendata_audit.finding WHERE run_id = ? GROUP BY rule",
                rs -> rs.getString(1), runId);
    }

    /** The number in the second column of {@code sql}'s rows by the key in the first. */
    private <K> Map<K, Integer> counts(String sql, Statements.Row<K> key, long runId) {
        return db.read(c -> {
            Map<K, Integer> map = new HashMap<>();
            for (Map.Entry<K, Integer> e : Statements.list(c, sql, rs -> Map.entry(key.map(rs), rs.getInt(2)), runId)) {
                map.put(e.getKey(), e.getValue());
            }
            return map;
        });
    }

    private List<Score> scores(String sql, long runId) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setLong(1, runId);
                ps.setFetchSize(2000);
                List<Score> list = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        list.add(new Score(rs.getLong(1), rs.getString(2), rs.getDouble(3), rs.getInt(4)));
                    }
                }
                return list;
            }
        });
    }

    /**
     * The matrix of a run: the managers and obligations as they were then; a cell is PUBLISHED
     * when a published dataset of the manager linked to the obligation has no critical or major
     * finding, PUBLISHED_WITH_PROBLEMS when its published datasets all have some, MISSING when it
     * has none published, NOT_APPLICABLE when the obligation is not on the manager's list.
     */
    ComplianceMatrix compliance(AuditRun run, ZoneId zone) {
        long runId = run.id();
        return db.read(c -> {
            List<DataManager> managers = Statements.list(c, "SELECT manager_id, name, edrpou FROM opendata_audit.manager_result"
                    + " WHERE run_id = ? ORDER BY name, manager_id",
                    rs -> new DataManager(rs.getLong(1), rs.getString(2), rs.getString(3), null, null, null, null, null),
                    runId);
            Map<Long, Integer> row = new HashMap<>();
            for (int i = 0; i < managers.size(); i++) {
                row.put(managers.get(i).id(), i);
            }
            List<Obligation> obligations = Statements.list(c, "SELECT obligation_id, code, title, description, legal_basis"
                    + " FROM opendata_audit.run_obligation WHERE run_id = ? ORDER BY code, obligation_id",
                    rs -> new Obligation(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)),
                    runId);
            Map<Long, Integer> column = new HashMap<>();
            for (int i = 0; i < obligations.size(); i++) {
                column.put(obligations.get(i).id(), i);
            }
            List<Compliance[]> cells = new ArrayList<>();
            for (int i = 0; i < managers.size(); i++) {
                Compliance[] r = new Compliance[obligations.size()];
                java.util.Arrays.fill(r, Compliance.NOT_APPLICABLE);
                cells.add(r);
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT mo.manager_id, mo.obligation_id,"
                    + " coalesce(bool_or(d.published AND d.critical = 0 AND d.major = 0), false),"
                    + " coalesce(bool_or(d.published), false)"
                    + " FROM opendata_audit.run_manager_obligation mo"
                    + " LEFT JOIN opendata_audit.dataset_result d ON d.run_id = mo.run_id AND d.manager_id = mo.manager_id"
                    + " AND d.obligation_id = mo.obligation_id"
                    + " WHERE mo.run_id = ? GROUP BY mo.manager_id, mo.obligation_id")) {
                ps.setLong(1, runId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        Integer r = row.get(rs.getLong(1));
                        Integer col = column.get(rs.getLong(2));
                        if (r != null && col != null) {
                            cells.get(r)[col] = rs.getBoolean(3) ? Compliance.PUBLISHED
                                    : rs.getBoolean(4) ? Compliance.PUBLISHED_WITH_PROBLEMS : Compliance.MISSING;
                        }
                    }
                }
            }
            LocalDate asOf = LocalDate.ofInstant(run.finishedAt(), zone);
            return new ComplianceMatrix(asOf, List.copyOf(managers), List.copyOf(obligations),
                    cells.stream().map(List::of).toList());
        });
    }

    /** What a run has to say besides its findings (links left unchecked), if anything. */
    Optional<String> notice(long runId) {
        return db.read(c -> Statements.first(c, "SELECT notice FROM opendata_audit.run WHERE id = ? AND notice IS NOT NULL",
                rs -> rs.getString(1), runId));
    }

    static AuditRun run(ResultSet rs) throws SQLException {
        Timestamp finished = rs.getTimestamp(3);
        double score = rs.getDouble(8);
        return new AuditRun(rs.getLong(1), rs.getTimestamp(2).toInstant(), finished == null ? null : finished.toInstant(),
                rs.getString(4), AuditRun.Status.valueOf(rs.getString(5)), rs.getInt(6), rs.getInt(7),
                rs.wasNull() ? null : score);
    }
}
