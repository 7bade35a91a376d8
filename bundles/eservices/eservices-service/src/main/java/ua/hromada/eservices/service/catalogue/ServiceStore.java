package ua.hromada.eservices.service.catalogue;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import ua.hromada.eservices.api.Audience;
import ua.hromada.eservices.api.EService;
import ua.hromada.eservices.api.LinkState;
import ua.hromada.eservices.api.LinkStatus;
import ua.hromada.eservices.api.ProviderKind;
import ua.hromada.eservices.api.ServiceQuery;
import ua.hromada.eservices.api.ServiceStatus;
import ua.hromada.portal.api.jdbc.SqlCondition;
import ua.hromada.portal.api.jdbc.Statements;
import ua.hromada.portal.api.jdbc.Versioned;

/** The SQL of the services table and its life-situation rows; the caller holds the transaction. */
final class ServiceStore {
    static final String TABLE = "eservices.service";
    private static final String COLUMNS = "s.id, s.code, s.name, s.description, s.url, s.category_id, s.audience,"
            + " s.provider, s.unit_id, s.status, s.position, s.version, s.link_state, s.link_failures,"
            + " s.link_checked_at, s.link_status_code, s.link_error,"
            + " ARRAY(SELECT ss.situation_id FROM eservices.service_situation ss WHERE ss.service_id = s.id"
            + " ORDER BY ss.situation_id)";
    static final String ORDER = " ORDER BY s.position, lower(s.name), s.id";

    private ServiceStore() {
    }

    /** The services a query asks for. */
    private static SqlCondition where(ServiceQuery q, boolean published) {
        SqlCondition.Builder w = SqlCondition.builder();
        String text = q.text() == null ? "" : q.text().strip();
        // every word typed must be found in one of the fields, in any order
        for (String word : text.isEmpty() ? new String[0] : text.split("\\s+")) {
            String pattern = Statements.containing(word);
            w.and("s.name ILIKE ? OR s.description ILIKE ? OR s.code ILIKE ? OR s.url ILIKE ?",
                    pattern, pattern, pattern, pattern);
        }
        if (q.categoryId() != null) {
            w.and("s.category_id = ?", q.categoryId());
        }
        if (q.situationId() != null) {
            w.and("EXISTS (SELECT 1 FROM eservices.service_situation ss WHERE ss.service_id = s.id"
                    + " AND ss.situation_id = ?)", q.situationId());
        }
        if (q.audience() != null && q.audience() != Audience.BOTH) {
            w.and("s.audience IN (?, 'BOTH')", q.audience().name());
        }
        if (q.provider() != null) {
            w.and("s.provider = ?", q.provider().name());
        }
        if (q.unitId() != null) {
            w.and("s.unit_id = ?", q.unitId());
        }
        ServiceStatus status = published ? ServiceStatus.ACTIVE : q.status();
        if (status != null) {
            w.and("s.status = ?", status.name());
        }
        if (q.brokenOnly()) {
            w.and("s.link_state = 'BROKEN'");
        }
        return w.build();
    }

    static List<EService> list(Connection c, ServiceQuery q, boolean published, int offset, int limit)
            throws SQLException {
        SqlCondition w = where(q, published);
        return Statements.list(c, "SELECT " + COLUMNS + " FROM " + TABLE + " s" + w.where() + ORDER
                + " LIMIT ? OFFSET ?", ServiceStore::service, w.paramsThen(Math.max(0, limit), Math.max(0, offset)));
    }

    static long count(Connection c, ServiceQuery q, boolean published) throws SQLException {
        SqlCondition w = where(q, published);
        return Statements.first(c, "SELECT count(*) FROM " + TABLE + " s" + w.where(), rs -> rs.getLong(1),
                w.paramsThen()).orElse(0L);
    }

    static Optional<EService> find(Connection c, long id) throws SQLException {
        return Statements.first(c, "SELECT " + COLUMNS + " FROM " + TABLE + " s WHERE s.id = ?", ServiceStore::service, id);
    }

    static Optional<EService> findByCode(Connection c, String code) throws SQLException {
        return Statements.first(c, "SELECT " + COLUMNS + " FROM " + TABLE + " s WHERE lower(s.code) = lower(?)",
                ServiceStore::service, code);
    }

    /** Every service in catalogue order (a catalogue has dozens, not thousands). */
    static List<EService> all(Connection c) throws SQLException {
        return Statements.list(c, "SELECT " + COLUMNS + " FROM " + TABLE + " s" + ORDER, ServiceStore::service);
    }

    static EService insert(Connection c, EService s) throws SQLException {
        long id;
        int position;
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + TABLE + " (code, name, description, url,"
                + " category_id, audience, provider, unit_id, status, position) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?,"
                + " (SELECT coalesce(max(position), 0) + 1 FROM " + TABLE + ")) RETURNING id, position")) {
            bind(ps, s);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                id = rs.getLong(1);
                position = rs.getInt(2);
            }
        }
        writeSituations(c, id, s.situationIds());
        return find(c, id).orElseThrow(() -> new IllegalStateException("service " + id + " gone after insert at " + position));
    }

    /** Updates the editable fields under the version the form loaded (EditConflictException otherwise). */
    static void update(Connection c, EService s) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE " + TABLE + " SET code = ?, name = ?, description = ?,"
                + " url = ?, category_id = ?, audience = ?, provider = ?, unit_id = ?, status = ?, " + Versioned.BUMP
                + " WHERE id = ? AND " + Versioned.COLUMN + " = ?")) {
            bind(ps, s);
            ps.setLong(10, s.id());
            ps.setLong(11, s.version());
            Versioned.check(ps.executeUpdate(), "service", s.id());
        }
        Statements.update(c, "DELETE FROM eservices.service_situation WHERE service_id = ?", s.id());
        writeSituations(c, s.id(), s.situationIds());
    }

    private static void writeSituations(Connection c, long serviceId, List<Long> situations) throws SQLException {
        Statements.batch(c, "INSERT INTO eservices.service_situation (service_id, situation_id) VALUES (?, ?)",
                situations, (ps, situation) -> {
                    ps.setLong(1, serviceId);
                    ps.setLong(2, situation);
                });
    }

    /** A new address is a new link: the old verdict does not hold for it (its checks stay in the history). */
    static void resetLink(Connection c, long id) throws SQLException {
        Statements.update(c, "UPDATE " + TABLE + " SET link_state = 'UNCHECKED', link_failures = 0,"
                + " link_checked_at = NULL, link_status_code = NULL, link_error = NULL WHERE id = ?", id);
    }

    static void setPosition(Connection c, long id, int position) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE " + TABLE + " SET position = ? WHERE id = ?")) {
            ps.setInt(1, position);
            ps.setLong(2, id);
            ps.executeUpdate();
        }
    }

    private static void bind(PreparedStatement ps, EService s) throws SQLException {
        ps.setString(1, s.code());
        ps.setString(2, s.name());
        ps.setString(3, s.description());
        ps.setString(4, s.url());
        setLong(ps, 5, s.categoryId());
        ps.setString(6, s.audience().name());
        ps.setString(7, s.provider().name());
        setLong(ps, 8, s.unitId());
        ps.setString(9, s.status().name());
    }

    private static void setLong(PreparedStatement ps, int index, Long value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.BIGINT);
        } else {
            ps.setLong(index, value);
        }
    }

    static EService service(ResultSet rs) throws SQLException {
        Timestamp checked = rs.getTimestamp(15);
        Integer code = (Integer) rs.getObject(16);
        LinkStatus link = new LinkStatus(LinkState.valueOf(rs.getString(13)), rs.getInt(14),
                checked == null ? null : checked.toInstant(), code, rs.getString(17));
        Array array = rs.getArray(18);
        List<Long> situations = array == null ? List.of() : Arrays.asList((Long[]) array.getArray());
        return new EService(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                (Long) rs.getObject(6), situations, Audience.valueOf(rs.getString(7)),
                ProviderKind.valueOf(rs.getString(8)), (Long) rs.getObject(9), ServiceStatus.valueOf(rs.getString(10)),
                rs.getInt(11), rs.getLong(12), link);
    }
}
