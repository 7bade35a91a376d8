package ua.hromada.opendata.service;

import static ua.hromada.portal.api.PortalException.Reason.CONFLICT;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.stream.Collectors;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import ua.hromada.opendata.api.Obligation;
import ua.hromada.opendata.api.OpendataException;
import ua.hromada.portal.api.jdbc.CommunityData;
import ua.hromada.portal.api.jdbc.Statements;

/** The national list's items (table {@code opendata.obligation}) and each manager's part of it, on the caller's connection. */
final class ObligationStore {
    private static final String OBLIGATION = "SELECT id, code, title, description, legal_basis FROM opendata.obligation";
    /** The migration that wrote the national list for the first community: the one text of the list. */
    private static final String NATIONAL_LIST = "/db/migration/opendata/V2__national_list_for_local_councils.sql";

    /**
     * Gives the connection's community the national list when it has no item yet (regional hosting:
     * a community added later starts with the list the first one got from the migration). Items are
     * never deleted, so a community without any has never had the list.
     *
     * @return whether the list was written
     */
    boolean seedNationalList(Connection c) throws SQLException {
        // two first uses of a new community at once: the second waits, then finds the list
        try (PreparedStatement lock = c.prepareStatement("SELECT pg_advisory_xact_lock(hashtext("
                + "'opendata.obligation/' || current_setting('" + CommunityData.SETTING + "')))")) {
            lock.execute();
        }
        if (!Statements.list(c, "SELECT 1 FROM opendata.obligation LIMIT 1", rs -> 1).isEmpty()) {
            return false;
        }
        try (Statement s = c.createStatement()) {
            s.execute(nationalList());
        }
        return true;
    }

    private static String nationalList() {
        try (InputStream in = ObligationStore.class.getResourceAsStream(NATIONAL_LIST)) {
            if (in == null) {
                throw new IllegalStateException(NATIONAL_LIST + " is missing from the bundle");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().filter(l -> !l.startsWith("--"))
                    .collect(Collectors.joining("\n"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    List<Obligation> obligations(Connection c) throws SQLException {
        return Statements.list(c, OBLIGATION + " ORDER BY id", ObligationStore::row);
    }

    Optional<Obligation> obligation(Connection c, long id) throws SQLException {
        return Statements.first(c, OBLIGATION + " WHERE id = ?", ObligationStore::row, id);
    }

    Optional<Obligation> obligationByCode(Connection c, String code) throws SQLException {
        return Statements.first(c, OBLIGATION + " WHERE code = ?", ObligationStore::row,
                code.strip().toLowerCase(Locale.ROOT));
    }

    private static Obligation row(ResultSet rs) throws SQLException {
        return new Obligation(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5));
    }

    /** Writes a normalized, checked item; its code must be free. */
    Obligation save(Connection c, Obligation o) throws SQLException {
        Optional<Obligation> same = obligationByCode(c, o.code());
        if (same.isPresent() && same.get().id() != o.id()) {
            throw new OpendataException(CONFLICT, "opendata.error.obligationCodeTaken", o.code());
        }
        long id = Rows.insertOrUpdate(c, o.id(), "INSERT INTO opendata.obligation"
                + " (code, title, description, legal_basis) VALUES (?,?,?,?) RETURNING id",
                "UPDATE opendata.obligation SET code = ?, title = ?, description = ?, legal_basis = ? WHERE id = ?",
                ps -> bindObligation(ps, o));
        return obligation(c, id).orElseThrow();
    }

    private static int bindObligation(PreparedStatement ps, Obligation o) throws SQLException {
        ps.setString(1, o.code());
        ps.setString(2, o.title());
        ps.setString(3, o.description());
        ps.setString(4, o.legalBasis());
        return 5;
    }

    List<Obligation> obligationsOf(Connection c, long managerId) throws SQLException {
        return Statements.list(c, "SELECT o.id, o.code, o.title, o.description, o.legal_basis"
                + " FROM opendata.obligation o JOIN opendata.manager_obligation mo ON mo.obligation_id = o.id"
                + " WHERE mo.manager_id = ? ORDER BY o.id", ObligationStore::row, managerId);
    }

    /** Replaces a manager's items by the given ones (known to exist). */
    void setObligations(Connection c, long managerId, List<Long> ids) throws SQLException {
        Statements.update(c, "DELETE FROM opendata.manager_obligation WHERE manager_id = ?", managerId);
        Statements.batch(c, "INSERT INTO opendata.manager_obligation (manager_id, obligation_id) VALUES (?, ?)", ids,
                (ps, id) -> {
                    ps.setLong(1, managerId);
                    ps.setLong(2, id);
                });
    }
}
