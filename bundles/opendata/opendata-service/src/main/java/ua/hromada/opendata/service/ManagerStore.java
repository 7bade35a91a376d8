package ua.hromada.opendata.service;

import static ua.hromada.portal.api.PortalException.Reason.CONFLICT;
import static ua.hromada.portal.api.PortalException.Reason.INVALID;
import static ua.hromada.portal.api.PortalException.Reason.NOT_FOUND;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import ua.hromada.opendata.api.DataManager;
import ua.hromada.opendata.api.OpendataException;
import ua.hromada.portal.api.jdbc.Statements;
import ua.hromada.portal.api.jdbc.Versioned;

/** The data managers' rows (table {@code opendata.data_manager}), on the caller's connection. */
final class ManagerStore {
    private static final String MANAGER = "SELECT m.id, m.name, m.edrpou, m.responsible_person, m.email, m.phone,"
            + " m.parent_id, p.name AS parent_name, m.version FROM opendata.data_manager m"
            + " LEFT JOIN opendata.data_manager p ON p.id = m.parent_id";

    List<DataManager> managers(Connection c) throws SQLException {
        return Statements.list(c, MANAGER + " ORDER BY m.name, m.id", ManagerStore::row);
    }

    Optional<DataManager> manager(Connection c, long id) throws SQLException {
        return Statements.first(c, MANAGER + " WHERE m.id = ?", ManagerStore::row, id);
    }

    Optional<DataManager> managerByEdrpou(Connection c, String edrpou) throws SQLException {
        return Statements.first(c, MANAGER + " WHERE m.edrpou = ?", ManagerStore::row, edrpou);
    }

    Optional<DataManager> managerByName(Connection c, String name) throws SQLException {
        return Statements.first(c, MANAGER + " WHERE lower(m.name) = lower(?)", ManagerStore::row, name.strip());
    }

    private static DataManager row(ResultSet rs) throws SQLException {
        long parent = rs.getLong("parent_id");
        Long parentId = rs.wasNull() ? null : parent;
        return new DataManager(rs.getLong("id"), rs.getString("name"), rs.getString("edrpou"),
                rs.getString("responsible_person"), rs.getString("email"), rs.getString("phone"), parentId,
                rs.getString("parent_name"), rs.getLong("version"));
    }

    /**
     * A normalized and checked manager: the database rules (unique, parent) and the write; with
     * {@code checkVersion} an update must match the version the manager was read with.
     */
    DataManager saveManager(Connection c, DataManager m, boolean checkVersion) throws SQLException {
        if (m.id() != 0 && checkVersion && !Versioned.lock(c, "opendata.data_manager", m.id(), m.version())) {
            throw new OpendataException(NOT_FOUND, "opendata.error.notFound");
        }
        Optional<Problem> conflict = managerConflict(c, m);
        if (conflict.isPresent()) {
            throw conflict.get().exception();
        }
        if (m.parentId() != null) {
            if (manager(c, m.parentId()).isEmpty()) {
                throw new OpendataException(INVALID, "opendata.error.parentUnknown");
            }
            // the new parent must not be the manager itself or one of its subordinates
            Long p = m.parentId();
            while (p != null && m.id() != 0) {
                if (p == m.id()) {
                    throw new OpendataException(INVALID, "opendata.error.parentCycle");
                }
                p = manager(c, p).map(DataManager::parentId).orElse(null);
            }
        }
        long id = Rows.insertOrUpdate(c, m.id(), "INSERT INTO opendata.data_manager"
                + " (name, edrpou, responsible_person, email, phone, parent_id) VALUES (?,?,?,?,?,?) RETURNING id",
                "UPDATE opendata.data_manager SET name = ?, edrpou = ?, responsible_person = ?, email = ?, phone = ?,"
                        + " parent_id = ?, " + Versioned.BUMP + " WHERE id = ?",
                ps -> bindManager(ps, m));
        return manager(c, id).orElseThrow();
    }

    /** Another manager with the same name or ЄДРПОУ. */
    Optional<Problem> managerConflict(Connection c, DataManager m) throws SQLException {
        if (m.edrpou() != null) {
            Optional<DataManager> same = managerByEdrpou(c, m.edrpou());
            if (same.isPresent() && same.get().id() != m.id()) {
                return Optional.of(new Problem(CONFLICT, "opendata.error.edrpouTaken", m.edrpou(), same.get().name()));
            }
        }
        if (m.name() != null) {
            Optional<DataManager> same = managerByName(c, m.name());
            if (same.isPresent() && same.get().id() != m.id()) {
                return Optional.of(new Problem(CONFLICT, "opendata.error.managerNameTaken", m.name()));
            }
        }
        return Optional.empty();
    }

    private static int bindManager(PreparedStatement ps, DataManager m) throws SQLException {
        ps.setString(1, m.name());
        ps.setString(2, m.edrpou());
        ps.setString(3, m.responsiblePerson());
        ps.setString(4, m.email());
        ps.setString(5, m.phone());
        if (m.parentId() == null) {
            ps.setNull(6, Types.BIGINT);
        } else {
            ps.setLong(6, m.parentId());
        }
        return 7;
    }
}
