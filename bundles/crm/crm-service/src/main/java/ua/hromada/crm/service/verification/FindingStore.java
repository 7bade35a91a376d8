package ua.hromada.crm.service.verification;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import ua.hromada.crm.api.Finding;
import ua.hromada.crm.api.FindingSeverity;
import ua.hromada.crm.api.TextRegion;
import ua.hromada.portal.api.jdbc.Statements;

/**
 * The findings of a case in {@code crm.case_finding} (V4): a run updates the open rows that fire
 * again, opens rows for new ones and resolves those that no longer fire, so the table keeps every
 * error caught (analytics counts them by rule) and the overrides stay with their open rows.
 */
final class FindingStore {
    private static final String COLUMNS = "rule, subject, severity, message, evidence, scan_id, region, overridden,"
            + " override_reason, overridden_by, overridden_at";

    private FindingStore() {
    }

    /** Stores one run's fired checks; answers those that were not open before (newly fired). */
    static List<Fired> apply(Connection c, long caseId, List<Fired> fired, Instant now) throws SQLException {
        Map<String, Fired> unique = new LinkedHashMap<>();
        fired.forEach(f -> unique.putIfAbsent(key(f.rule(), f.subject()), f));
        Map<String, Long> open = new HashMap<>();
        for (Object[] row : Statements.list(c, "SELECT id, rule, subject FROM crm.case_finding WHERE case_id = ?"
                + " AND resolved_at IS NULL", rs -> new Object[] {rs.getLong(1), key(rs.getString(2), rs.getString(3))},
                caseId)) {
            open.put((String) row[1], (Long) row[0]);
        }
        List<Fired> opened = new ArrayList<>();
        Timestamp at = Timestamp.from(now);
        for (var e : unique.entrySet()) {
            Fired f = e.getValue();
            Long id = open.remove(e.getKey());
            if (id != null) {
                try (PreparedStatement ps = c.prepareStatement("UPDATE crm.case_finding SET severity = ?, message = ?,"
                        + " evidence = ?, scan_id = ?, region = ?, checked_at = ? WHERE id = ?")) {
                    bind(c, ps, 1, f);
                    ps.setTimestamp(6, at);
                    ps.setLong(7, id);
                    ps.executeUpdate();
                }
            } else {
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO crm.case_finding (severity, message, evidence,"
                        + " scan_id, region, checked_at, fired_at, case_id, rule, subject) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                    bind(c, ps, 1, f);
                    ps.setTimestamp(6, at);
                    ps.setTimestamp(7, at);
                    ps.setLong(8, caseId);
                    ps.setString(9, f.rule());
                    ps.setString(10, f.subject());
                    ps.executeUpdate();
                }
                opened.add(f);
            }
        }
        if (!open.isEmpty()) {
            try (PreparedStatement ps = c.prepareStatement("UPDATE crm.case_finding SET resolved_at = ? WHERE id = ANY (?)")) {
                ps.setTimestamp(1, at);
                ps.setArray(2, c.createArrayOf("bigint", open.values().toArray()));
                ps.executeUpdate();
            }
        }
        return opened;
    }

    private static void bind(Connection c, PreparedStatement ps, int from, Fired f) throws SQLException {
        ps.setString(from, f.severity().name());
        ps.setString(from + 1, f.message());
        ps.setString(from + 2, f.evidence() == null ? "" : f.evidence());
        if (f.scanId() == null) {
            ps.setNull(from + 3, Types.BIGINT);
        } else {
            ps.setLong(from + 3, f.scanId());
        }
        TextRegion r = f.region();
        if (r == null) {
            ps.setNull(from + 4, Types.ARRAY);
        } else {
            ps.setArray(from + 4, c.createArrayOf("integer", new Integer[] {r.page(), r.left(), r.top(), r.width(), r.height()}));
        }
    }

    /** The open findings, errors first, in the order they first fired. */
    static List<Finding> open(Connection c, long caseId) throws SQLException {
        return Statements.list(c, "SELECT " + COLUMNS + " FROM crm.case_finding WHERE case_id = ? AND resolved_at IS NULL"
                + " ORDER BY severity, id", FindingStore::finding, caseId);
    }

    /** Marks the open finding overridden; false when it is not open. */
    static boolean override(Connection c, long caseId, String rule, String subject, String reason, String by, Instant at)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE crm.case_finding SET overridden = true, override_reason = ?,"
                + " overridden_by = ?, overridden_at = ? WHERE case_id = ? AND rule = ? AND subject = ?"
                + " AND resolved_at IS NULL")) {
            ps.setString(1, reason);
            ps.setString(2, by);
            ps.setTimestamp(3, Timestamp.from(at));
            ps.setLong(4, caseId);
            ps.setString(5, rule);
            ps.setString(6, subject);
            return ps.executeUpdate() > 0;
        }
    }

    private static Finding finding(ResultSet rs) throws SQLException {
        long scan = rs.getLong(6);
        Long scanId = rs.wasNull() ? null : scan;
        Array array = rs.getArray(7);
        TextRegion region = null;
        if (array != null) {
            Integer[] r = (Integer[]) array.getArray();
            region = new TextRegion(r[0], r[1], r[2], r[3], r[4]);
        }
        Timestamp overriddenAt = rs.getTimestamp(11);
        return new Finding(rs.getString(1), rs.getString(2), FindingSeverity.valueOf(rs.getString(3)), rs.getString(4),
                rs.getString(5), scanId, region, rs.getBoolean(8), rs.getString(9), rs.getString(10),
                overriddenAt == null ? null : overriddenAt.toInstant());
    }

    private static String key(String rule, String subject) {
        return rule + "\u0000" + subject;
    }
}
