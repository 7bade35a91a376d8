package ua.hromada.eservices.service.catalogue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

import ua.hromada.eservices.api.LinkCheck;
import ua.hromada.eservices.api.LinkState;
import ua.hromada.portal.api.jdbc.Statements;

/** The link checks and the service's monitor columns; the caller holds the transaction. */
final class LinkStore {
    /** Failed checks in a row that make a link broken: one failure may be a passing hiccup. */
    static final int FAILURES_BEFORE_BROKEN = 2;
    private static final String COLUMNS = "id, service_id, checked_at, status_code, ok, error, duration_ms, final_url";

    /** A service's link as the monitor sees it before a check. */
    record Watched(long id, String url, LinkState state, int failures) {
    }

    /** What recording a check did: the service's new state and whether it has just turned broken. */
    record Recorded(LinkCheck check, LinkState state, boolean turnedBroken) {
    }

    private LinkStore() {
    }

    static List<Watched> watched(Connection c) throws SQLException {
        return Statements.list(c, "SELECT id, url, link_state, link_failures FROM eservices.service ORDER BY position, id",
                rs -> new Watched(rs.getLong(1), rs.getString(2), LinkState.valueOf(rs.getString(3)), rs.getInt(4)));
    }

    static Optional<Watched> watched(Connection c, long serviceId) throws SQLException {
        return Statements.first(c, "SELECT id, url, link_state, link_failures FROM eservices.service WHERE id = ?",
                rs -> new Watched(rs.getLong(1), rs.getString(2), LinkState.valueOf(rs.getString(3)), rs.getInt(4)),
                serviceId);
    }

    /**
     * Records a check of the address the service still has (empty when the service is gone or its
     * address changed meanwhile: that check says nothing about it) and moves its state.
     */
    static Optional<Recorded> record(Connection c, Watched asked, LinkProbe.Result r, Instant at) throws SQLException {
        Optional<Watched> now = Statements.first(c, "SELECT id, url, link_state, link_failures FROM eservices.service"
                + " WHERE id = ? FOR UPDATE",
                rs -> new Watched(rs.getLong(1), rs.getString(2), LinkState.valueOf(rs.getString(3)), rs.getInt(4)),
                asked.id());
        if (now.isEmpty() || !now.get().url().equals(asked.url())) {
            return Optional.empty();
        }
        long id;
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO eservices.link_check (service_id, checked_at,"
                + " status_code, ok, error, duration_ms, final_url) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id")) {
            ps.setLong(1, asked.id());
            ps.setTimestamp(2, Timestamp.from(at));
            if (r.status() == null) {
                ps.setNull(3, Types.INTEGER);
            } else {
                ps.setInt(3, r.status());
            }
            ps.setBoolean(4, r.ok());
            ps.setString(5, r.error());
            ps.setLong(6, r.durationMs());
            ps.setString(7, cut(r.finalUrl(), 2000));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                id = rs.getLong(1);
            }
        }
        int failures = r.ok() ? 0 : now.get().failures() + 1;
        // one failure leaves the state as it was (failures counts it); the second in a row breaks the link
        LinkState state = r.ok() ? LinkState.OK
                : failures >= FAILURES_BEFORE_BROKEN ? LinkState.BROKEN : now.get().state();
        try (PreparedStatement ps = c.prepareStatement("UPDATE eservices.service SET link_state = ?, link_failures = ?,"
                + " link_checked_at = ?, link_status_code = ?, link_error = ? WHERE id = ?")) {
            ps.setString(1, state.name());
            ps.setInt(2, failures);
            ps.setTimestamp(3, Timestamp.from(at));
            if (r.status() == null) {
                ps.setNull(4, Types.INTEGER);
            } else {
                ps.setInt(4, r.status());
            }
            ps.setString(5, r.error());
            ps.setLong(6, asked.id());
            ps.executeUpdate();
        }
        LinkCheck check = new LinkCheck(id, asked.id(), at, r.status(), r.ok(), r.error(), r.durationMs(), r.finalUrl());
        return Optional.of(new Recorded(check, state,
                state == LinkState.BROKEN && now.get().state() != LinkState.BROKEN));
    }

    static List<LinkCheck> history(Connection c, long serviceId, int offset, int limit) throws SQLException {
        return Statements.list(c, "SELECT " + COLUMNS + " FROM eservices.link_check WHERE service_id = ?"
                + " ORDER BY checked_at DESC, id DESC LIMIT ? OFFSET ?", LinkStore::check, serviceId, limit, offset);
    }

    static long historyCount(Connection c, long serviceId) throws SQLException {
        return Statements.first(c, "SELECT count(*) FROM eservices.link_check WHERE service_id = ?",
                rs -> rs.getLong(1), serviceId).orElse(0L);
    }

    static OptionalDouble uptime(Connection c, long serviceId, Instant since) throws SQLException {
        return Statements.first(c, "SELECT count(*) FILTER (WHERE ok), count(*) FROM eservices.link_check"
                + " WHERE service_id = ? AND checked_at >= ?", rs -> rs.getLong(2) == 0 ? OptionalDouble.empty()
                        : OptionalDouble.of(100.0 * rs.getLong(1) / rs.getLong(2)),
                serviceId, Timestamp.from(since)).orElse(OptionalDouble.empty());
    }

    /** Drops checks older than {@code before}: the history the pages show is recent. */
    static int prune(Connection c, Instant before) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM eservices.link_check WHERE checked_at < ?")) {
            ps.setTimestamp(1, Timestamp.from(before));
            return ps.executeUpdate();
        }
    }

    /** The owner unit's name and e-mail of a service, when it has a unit with an address. */
    static Optional<String[]> owner(Connection c, long serviceId) throws SQLException {
        return Statements.first(c, "SELECT s.name, s.url, u.name, u.email FROM eservices.service s"
                + " JOIN eservices.unit u ON u.id = s.unit_id WHERE s.id = ? AND u.email IS NOT NULL",
                rs -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)}, serviceId);
    }

    private static LinkCheck check(ResultSet rs) throws SQLException {
        return new LinkCheck(rs.getLong(1), rs.getLong(2), rs.getTimestamp(3).toInstant(), (Integer) rs.getObject(4),
                rs.getBoolean(5), rs.getString(6), rs.getLong(7), rs.getString(8));
    }

    private static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
