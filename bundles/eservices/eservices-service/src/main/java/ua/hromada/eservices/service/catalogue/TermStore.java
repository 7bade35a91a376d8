package ua.hromada.eservices.service.catalogue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

import ua.hromada.eservices.api.LifeSituation;
import ua.hromada.eservices.api.ServiceCategory;
import ua.hromada.portal.api.jdbc.Statements;
import ua.hromada.portal.api.jdbc.Versioned;

/**
 * The two editable lists of the catalogue, categories and life situations: the same columns in two
 * tables. A term is handled as its neutral form here and turned into its record by the caller.
 */
final class TermStore {
    static final TermStore CATEGORIES = new TermStore("eservices.category", "category");
    static final TermStore SITUATIONS = new TermStore("eservices.life_situation", "life_situation");

    /** A category or life situation as stored. */
    record Term(long id, String code, String name, int position, long version) {
        ServiceCategory category() {
            return new ServiceCategory(id, code, name, position, version);
        }

        LifeSituation situation() {
            return new LifeSituation(id, code, name, position, version);
        }

        static Term of(ServiceCategory c) {
            return new Term(c.id(), c.code(), c.name(), c.position(), c.version());
        }

        static Term of(LifeSituation s) {
            return new Term(s.id(), s.code(), s.name(), s.position(), s.version());
        }
    }

    private static final String COLUMNS = "id, code, name, position, version";
    /** Table from the constants above, never from input. */
    private final String table;
    /** The audit's entity type. */
    final String entity;

    private TermStore(String table, String entity) {
        this.table = table;
        this.entity = entity;
    }

    List<Term> all(Connection c) throws SQLException {
        return Statements.list(c, "SELECT " + COLUMNS + " FROM " + table + " ORDER BY position, lower(name), id",
                TermStore::term);
    }

    Optional<Term> find(Connection c, long id) throws SQLException {
        return Statements.first(c, "SELECT " + COLUMNS + " FROM " + table + " WHERE id = ?", TermStore::term, id);
    }

    boolean codeTaken(Connection c, String code, long exceptId) throws SQLException {
        return Statements.first(c, "SELECT 1 FROM " + table + " WHERE lower(code) = lower(?) AND id <> ?", rs -> true,
                code, exceptId).isPresent();
    }

    long insert(Connection c, Term t) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + table + " (code, name, position)"
                + " VALUES (?, ?, ?) RETURNING id")) {
            ps.setString(1, t.code());
            ps.setString(2, t.name());
            ps.setInt(3, t.position());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    void update(Connection c, Term t) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE " + table + " SET code = ?, name = ?, position = ?, "
                + Versioned.BUMP + " WHERE id = ? AND " + Versioned.COLUMN + " = ?")) {
            ps.setString(1, t.code());
            ps.setString(2, t.name());
            ps.setInt(3, t.position());
            ps.setLong(4, t.id());
            ps.setLong(5, t.version());
            Versioned.check(ps.executeUpdate(), entity, t.id());
        }
    }

    /** @return false when there is no such row */
    boolean delete(Connection c, long id, long version) throws SQLException {
        if (!Versioned.lock(c, table, id, version)) {
            return false;
        }
        return Statements.update(c, "DELETE FROM " + table + " WHERE id = ?", id) == 1;
    }

    private static Term term(ResultSet rs) throws SQLException {
        return new Term(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getInt(4), rs.getLong(5));
    }
}
