package ua.hromada.portal.api.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The statements every JDBC store writes the same way: a query whose rows map to values, a change
 * keyed by one id (the delete of a parent's child rows before they are written again), one batch of
 * rows, one per item, the next number of a year's counter and the pattern of a {@code LIKE} that
 * looks for a text anywhere.
 */
public final class Statements {

    /** Sets one item's parameters on the batch's statement. */
    @FunctionalInterface
    public interface Binder<T> {
        void bind(PreparedStatement ps, T item) throws SQLException;
    }

    /** One row of a result as a value. */
    @FunctionalInterface
    public interface Row<T> {
        T map(ResultSet rs) throws SQLException;
    }

    private Statements() {
    }

    /** The rows of {@code sql}, each mapped by {@code row}; the parameters are set in order. */
    public static <T> List<T> list(Connection c, String sql, Row<T> row, Object... params) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            List<T> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(row.map(rs));
                }
            }
            return out;
        }
    }

    /** The first row of {@code sql}, mapped by {@code row}; empty when there is none. */
    public static <T> Optional<T> first(Connection c, String sql, Row<T> row, Object... params) throws SQLException {
        return list(c, sql, row, params).stream().findFirst();
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

    /**
     * The next number of the year, {@code <year>-<n>}, counted in the caller's transaction by the
     * module's counter table {@code counterTable} (schema-qualified; columns {@code community},
     * {@code year}, {@code last}, unique on community and year, the community filled in by the
     * portal): each community's numbers start at 1 each year and never repeat. Since 1.5.0.
     */
    public static String nextOfYear(Connection c, String counterTable, int year) throws SQLException {
        int n = first(c, "INSERT INTO " + counterTable + " (year, last) VALUES (?, 1) ON CONFLICT (community, year)"
                + " DO UPDATE SET last = " + counterTable + ".last + 1 RETURNING last", rs -> rs.getInt(1), year)
                .orElseThrow();
        return year + "-" + n;
    }

    /**
     * The {@code LIKE}/{@code ILIKE} pattern matching any value that contains {@code text} as typed:
     * its {@code %}, {@code _} and backslashes are escaped with a backslash, PostgreSQL's default
     * escape character (a JPQL query names it with {@code ESCAPE}).
     */
    public static String containing(String text) {
        return "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }
}
