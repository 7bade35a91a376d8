package ua.hromada.portal.api.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * The statements every JDBC store writes the same way: a change keyed by one id (the delete of a
 * parent's child rows before they are written again) and one batch of rows, one per item.
 */
public final class Statements {

    /** Sets one item's parameters on the batch's statement. */
    @FunctionalInterface
    public interface Binder<T> {
        void bind(PreparedStatement ps, T item) throws SQLException;
    }

    private Statements() {
    }

    /** Runs {@code sql} whose only parameter is {@code id}; the number of rows changed. */
    public static int update(Connection c, String sql, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, id);
            return ps.executeUpdate();
        }
    }

    /** Runs {@code sql} once for each item, as one batch, the parameters set by {@code binder}. */
    public static <T> void batch(Connection c, String sql, Iterable<T> items, Binder<? super T> binder)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (T item : items) {
                binder.bind(ps, item);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }
}
