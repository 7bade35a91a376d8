package ua.hromada.opendata.service;

import static ua.hromada.portal.api.PortalException.Reason.NOT_FOUND;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import ua.hromada.opendata.api.OpendataException;

/** The insert-or-update of one row, shared by the stores of managers and obligations. */
final class Rows {
    private Rows() {
    }

    /** Sets a row's fields from parameter 1 on; returns the next parameter's index. */
    interface RowFields {
        int bind(PreparedStatement ps) throws SQLException;
    }

    /**
     * Inserts the row when {@code id} is 0 (the insert returns the new id), else updates it (the id
     * bound after the fields); a row gone meanwhile is "not found". Returns the row's id.
     */
    static long insertOrUpdate(Connection c, long id, String insert, String update, RowFields fields)
            throws SQLException {
        if (id == 0) {
            try (PreparedStatement ps = c.prepareStatement(insert)) {
                fields.bind(ps);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        }
        try (PreparedStatement ps = c.prepareStatement(update)) {
            ps.setLong(fields.bind(ps), id);
            if (ps.executeUpdate() == 0) {
                throw new OpendataException(NOT_FOUND, "opendata.error.notFound");
            }
        }
        return id;
    }
}
