package ua.hromada.oks.service;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import ua.hromada.oks.api.ActionKind;
import ua.hromada.oks.api.ExecutorOrganisation;
import ua.hromada.oks.api.JournalEntry;
import ua.hromada.oks.api.OksLimits;
import ua.hromada.oks.api.PhotoInfo;
import ua.hromada.oks.api.Reporter;
import ua.hromada.oks.api.StatusGroup;
import ua.hromada.oks.api.Urgency;
import ua.hromada.oks.api.Violation;
import ua.hromada.oks.api.ViolationType;
import ua.hromada.oks.api.Violations.Summary;
import ua.hromada.oks.api.Violator;
import ua.hromada.oks.api.WorkflowAction;

/**
 * SQL over the violations, their journal and photos (schema {@code oks}). Plain JDBC on the
 * caller's connection, so one call of {@link ViolationsImpl} stays one transaction; the rules
 * (who may, what is valid) are the service's, this only reads and writes rows.
 */
final class ViolationStore {
    /** The author of the cases residents report through Open311 (their reporter columns are kept). */
    static final String OPEN311_AUTHOR = "open311";

    private static final String CARD = "SELECT v.id, v.inspector, v.inspector_name, v.created_at, v.deadline,"
            + " t.id AS t_id, t.code AS t_code, t.name AS t_name, t.description AS t_description, t.active AS t_active,"
            + " v.description, v.address, v.lat, v.lon, v.urgency,"
            + " o.id AS o_id, o.name AS o_name, o.email AS o_email, o.phone AS o_phone, o.active AS o_active,"
            + " v.violator_kind, v.violator_name, v.violator_details, v.reporter_email, v.reporter_first,"
            + " v.reporter_last, v.reporter_phone, v.reporter_device,"
            + " " + ActionRows.select("a") + ", v.status_at AS last_at"
            + ViolationFilter.FROM + " JOIN oks.violation_type t ON t.id = v.type_id"
            + " LEFT JOIN oks.executor_org o ON o.id = v.executor_id";
    /** The catalogue's actions after which the executor has nothing left to do (ActionEffect.finishesWork). */
    static final String FINISHED_KEYS = "(SELECT f.kind FROM oks.workflow_action f WHERE f.effect IN ('REPORT','CONFIRM','ARCHIVE'))";
    /** Keys of the actions with the effect REPORT: the executor reported the work, it awaits confirmation. */
    static final String REPORTED_KEYS = "(SELECT r.kind FROM oks.workflow_action r WHERE r.effect = 'REPORT')";
    private static final String OVERDUE = "(v.deadline < ? AND v.status_kind NOT IN " + FINISHED_KEYS + ")";

    /** The case's state a step starts from. */
    record Current(String key, Long executorId, LocalDate deadline) {
    }

    /** A new case's row; the reporter is set for Open311 reports only. */
    record NewRow(String author, String authorName, Instant createdAt, LocalDate deadline, long typeId,
            String description, String address, double lat, double lon, Urgency urgency, Violator violator,
            Reporter reporter) {
    }

    // ---------------------------------------------------------------- writing

    long insert(Connection c, NewRow row) throws SQLException {
        Violator violator = row.violator();
        Reporter reporter = row.reporter();
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO oks.violation (inspector, inspector_name, created_at,"
                + " deadline, type_id, description, address, location, urgency, violator_kind, violator_name,"
                + " violator_details, reporter_email, reporter_first, reporter_last, reporter_phone, reporter_device)"
                + " VALUES (?,?,?,?,?,?,?, ST_SetSRID(ST_MakePoint(?, ?), 4326),?,?,?,?,?,?,?,?,?) RETURNING id")) {
            int i = 1;
            ps.setString(i++, row.author());
            ps.setString(i++, row.authorName());
            ps.setTimestamp(i++, Timestamp.from(row.createdAt()));
            ps.setObject(i++, row.deadline());
            ps.setLong(i++, row.typeId());
            ps.setString(i++, row.description());
            ps.setString(i++, row.address());
            ps.setDouble(i++, row.lon());
            ps.setDouble(i++, row.lat());
            ps.setString(i++, row.urgency().name());
            ps.setString(i++, violator == null ? null : violator.kind().name());
            ps.setString(i++, violator == null ? null : limit(violator.name(), OksLimits.VIOLATOR_NAME));
            ps.setString(i++, violator == null ? null : blankToNull(violator.details()));
            ps.setString(i++, reporter == null ? null : limit(reporter.email(), 200));
            ps.setString(i++, reporter == null ? null : limit(reporter.firstName(), 100));
            ps.setString(i++, reporter == null ? null : limit(reporter.lastName(), 100));
            ps.setString(i++, reporter == null ? null : limit(reporter.phone(), 60));
            ps.setString(i++, reporter == null ? null : limit(reporter.deviceId(), 200));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /**
     * One step of a case: its journal row, the step's photos, and the row made the case's current
     * state (executor and deadline as they are after the step).
     */
    void appendStep(Connection c, long violationId, Instant at, String author, String authorName, String actionKey,
            String comment, LocalDate deadline, Long executorId, List<Photos.Checked> photos) throws SQLException {
        long entry = insertEntry(c, violationId, at, author, authorName, actionKey, comment, deadline, executorId);
        PhotoStore.save(c, violationId, entry, photos);
        updateCurrent(c, violationId, entry, executorId, deadline);
    }

    /** A step of a shipped action (the rules were checked by the caller). */
    void appendStep(Connection c, long violationId, Instant at, String author, String authorName, ActionKind kind,
            String comment, LocalDate deadline, Long executorId, List<Photos.Checked> photos) throws SQLException {
        appendStep(c, violationId, at, author, authorName, kind.name(), comment, deadline, executorId, photos);
    }

    private static long insertEntry(Connection c, long violationId, Instant at, String author, String authorName,
            String actionKey, String comment, LocalDate deadline, Long executorId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO oks.journal (violation_id, at, author, author_name,"
                + " action_kind, comment, deadline, executor_id) VALUES (?,?,?,?,?,?,?,?) RETURNING id")) {
            ps.setLong(1, violationId);
            ps.setTimestamp(2, Timestamp.from(at));
            ps.setString(3, author);
            ps.setString(4, authorName);
            ps.setString(5, actionKey);
            ps.setString(6, comment);
            ps.setObject(7, deadline);
            setLongOrNull(ps, 8, executorId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** Makes the journal row {@code entry} the case's current state. */
    private static void updateCurrent(Connection c, long violationId, long entry, Long executorId, LocalDate deadline)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE oks.violation AS t SET last_entry_id = j.id, status_kind = j.action_kind, status_at = j.at,"
                + " confirmed_at = CASE WHEN EXISTS (SELECT 1 FROM oks.workflow_action w WHERE w.kind = j.action_kind"
                + " AND w.effect = 'CONFIRM') THEN j.at ELSE t.confirmed_at END,"
                + " executor_id = ?, deadline = ? FROM oks.journal j WHERE j.id = ? AND t.id = ?")) {
            setLongOrNull(ps, 1, executorId);
            ps.setObject(2, deadline);
            ps.setLong(3, entry);
            ps.setLong(4, violationId);
            ps.executeUpdate();
        }
    }

    // ---------------------------------------------------------------- the state a step starts from

    /** The case's state, its row locked until the transaction ends; empty when there is no such case. */
    Optional<Current> lockCurrent(Connection c, long id) throws SQLException {
        return current(c, id, " FOR UPDATE");
    }

    Optional<Current> current(Connection c, long id) throws SQLException {
        return current(c, id, "");
    }

    private static Optional<Current> current(Connection c, long id, String lock) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT v.status_kind, v.executor_id, v.deadline"
                + " FROM oks.violation v WHERE v.id = ?" + lock)) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                long exec = rs.getLong(2);
                Long executor = rs.wasNull() ? null : exec;
                return Optional.of(new Current(rs.getString(1), executor,
                        rs.getObject(3, LocalDate.class)));
            }
        }
    }

    /** An executor organisation's name and whether it is active; empty when there is none. */
    Optional<Map.Entry<String, Boolean>> executorState(Connection c, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT name, active FROM oks.executor_org WHERE id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(Map.entry(rs.getString(1), rs.getBoolean(2))) : Optional.empty();
            }
        }
    }

    boolean isMember(Connection c, long orgId, String username) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT 1 FROM oks.executor_member WHERE org_id = ? AND username = ?")) {
            ps.setLong(1, orgId);
            ps.setString(2, username);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    Optional<ViolationType> type(Connection c, long typeId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT id, code, name, description, active, version FROM oks.violation_type WHERE id = ?")) {
            ps.setLong(1, typeId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(OksCatalogImpl.type(rs)) : Optional.empty();
            }
        }
    }

    // ---------------------------------------------------------------- cards

    /** Cards matching the filter; {@code today} decides which are overdue. */
    List<Violation> list(Connection c, ViolationFilter f, String order, int offset, int limit, LocalDate today)
            throws SQLException {
        List<Violation> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(CARD + f.where + order + " OFFSET " + offset + " LIMIT " + limit)) {
            f.bind(ps);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(violation(rs, today));
                }
            }
        }
        return out;
    }

    long count(Connection c, ViolationFilter f) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT count(*)" + ViolationFilter.FROM + f.where)) {
            f.bind(ps);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static Violation violation(ResultSet rs, LocalDate today) throws SQLException {
        ViolationType type = new ViolationType(rs.getLong("t_id"), rs.getString("t_code"), rs.getString("t_name"),
                rs.getString("t_description"), rs.getBoolean("t_active"));
        long orgId = rs.getLong("o_id");
        ExecutorOrganisation executor = rs.wasNull() ? null : new ExecutorOrganisation(orgId, rs.getString("o_name"),
                rs.getString("o_email"), rs.getString("o_phone"), rs.getBoolean("o_active"), List.of());
        String vk = rs.getString("violator_kind");
        Violator violator = vk == null ? null : new Violator(Violator.Kind.valueOf(vk), rs.getString("violator_name"),
                rs.getString("violator_details"));
        Reporter reporter = OPEN311_AUTHOR.equals(rs.getString("inspector")) ? new Reporter(rs.getString("reporter_email"),
                rs.getString("reporter_first"), rs.getString("reporter_last"), rs.getString("reporter_phone"),
                rs.getString("reporter_device")) : null;
        WorkflowAction last = action(rs);
        LocalDate deadline = rs.getObject("deadline", LocalDate.class);
        boolean overdue = deadline != null && deadline.isBefore(today) && !last.effect().finishesWork();
        return new Violation(rs.getLong("id"), rs.getString("inspector"), rs.getString("inspector_name"),
                rs.getTimestamp("created_at").toInstant(), deadline, type, rs.getString("description"),
                rs.getString("address"), rs.getDouble("lat"), rs.getDouble("lon"), Urgency.valueOf(rs.getString("urgency")),
                executor, violator, reporter, last, rs.getTimestamp("last_at").toInstant(), overdue);
    }

    private static WorkflowAction action(ResultSet rs) throws SQLException {
        return ActionRows.read(rs, "a");
    }

    // ---------------------------------------------------------------- journal and photos

    List<JournalEntry> journal(Connection c, long violationId) throws SQLException {
        return entries(c, " WHERE j.violation_id = ? ORDER BY j.at, j.id", List.of(violationId));
    }

    /** The latest entries of every case ({@code username} null) or of the cases of that executor's organisations. */
    List<JournalEntry> latest(Connection c, String username, int limit) throws SQLException {
        if (username == null) {
            return entries(c, " ORDER BY j.at DESC, j.id DESC LIMIT " + limit, List.of());
        }
        return entries(c, " WHERE j.violation_id IN (SELECT v.id FROM oks.violation v WHERE v.executor_id IN"
                + " (SELECT m.org_id FROM oks.executor_member m WHERE m.username = ?)) ORDER BY j.at DESC, j.id DESC LIMIT "
                + limit, List.of(username));
    }

    /** The case's last journal entry (the step just committed). */
    Optional<JournalEntry> lastEntry(Connection c, long violationId) throws SQLException {
        return entries(c, " WHERE j.id = (SELECT last_entry_id FROM oks.violation WHERE id = ?)", List.of(violationId))
                .stream().findFirst();
    }

    private static List<JournalEntry> entries(Connection c, String tail, List<Object> params) throws SQLException {
        Map<Long, JournalEntry> rows = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT j.id, j.violation_id, j.at, j.author, j.author_name,"
                + " " + ActionRows.select("a") + ", j.comment, j.deadline, j.executor_id,"
                + " o.name AS o_name FROM oks.journal j"
                + " JOIN oks.workflow_action a ON a.community = j.community AND a.kind = j.action_kind"
                + " LEFT JOIN oks.executor_org o ON o.id = j.executor_id" + tail)) {
            for (int i = 0; i < params.size(); i++) {
                ps.setObject(i + 1, params.get(i));
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long exec = rs.getLong("executor_id");
                    Long executorId = rs.wasNull() ? null : exec;
                    rows.put(rs.getLong("id"), new JournalEntry(rs.getLong("id"), rs.getLong("violation_id"),
                            rs.getTimestamp("at").toInstant(), rs.getString("author"), rs.getString("author_name"),
                            action(rs), rs.getString("comment"), rs.getObject("deadline", LocalDate.class), executorId,
                            rs.getString("o_name"), List.of()));
                }
            }
        }
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<Long, List<PhotoInfo>> photos = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT id, journal_id, file_name, content_type, size, sha256, width,"
                + " height FROM oks.photo WHERE journal_id = ANY (?) ORDER BY id")) {
            ps.setArray(1, c.createArrayOf("bigint", rows.keySet().toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    photos.computeIfAbsent(rs.getLong(2), k -> new ArrayList<>()).add(photoInfo(rs));
                }
            }
        }
        List<JournalEntry> out = new ArrayList<>();
        for (JournalEntry e : rows.values()) {
            List<PhotoInfo> p = photos.get(e.id());
            out.add(p == null ? e : new JournalEntry(e.id(), e.violationId(), e.at(), e.author(), e.authorName(),
                    e.action(), e.comment(), e.deadline(), e.executorId(), e.executorName(), p));
        }
        return out;
    }

    private static PhotoInfo photoInfo(ResultSet rs) throws SQLException {
        return new PhotoInfo(rs.getLong("id"), rs.getLong("journal_id"), rs.getString("file_name"),
                rs.getString("content_type"), rs.getLong("size"), rs.getString("sha256"), rs.getInt("width"),
                rs.getInt("height"));
    }

    // ---------------------------------------------------------------- map and summary

    Summary summary(Connection c, ViolationFilter f, LocalDate today) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT count(*),"
                + " count(*) FILTER (WHERE " + OVERDUE + "),"
                + " count(*) FILTER (WHERE a.status_group = 1),"
                + " count(*) FILTER (WHERE v.status_kind IN " + REPORTED_KEYS + ")" + ViolationFilter.FROM + f.where)) {
            ps.setDate(1, java.sql.Date.valueOf(today));
            bindFrom(ps, f, 2);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return new Summary(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4));
            }
        }
    }

    // ---------------------------------------------------------------- helpers

    private static int bindFrom(PreparedStatement ps, ViolationFilter f, int first) throws SQLException {
        for (int i = 0; i < f.params.size(); i++) {
            ps.setObject(first + i, f.params.get(i));
        }
        return first + f.params.size();
    }

    private static void setLongOrNull(PreparedStatement ps, int index, Long value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.BIGINT);
        } else {
            ps.setLong(index, value);
        }
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static String limit(String s, int max) {
        String v = blankToNull(s);
        return v == null ? null : v.length() > max ? v.substring(0, max) : v;
    }
}
