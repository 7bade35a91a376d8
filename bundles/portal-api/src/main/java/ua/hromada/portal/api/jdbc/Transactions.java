package ua.hromada.portal.api.jdbc;

import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

/**
 * One unit of JDBC work on one connection of the portal's DataSource: the house pattern of the
 * modules that use plain JDBC (one call = one transaction). SQL failures become
 * {@link IllegalStateException}s naming the module; a module's own refusals pass through.
 */
public final class Transactions {

    @FunctionalInterface
    public interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    private Transactions() {
    }

    /** The work's result, committed; rolled back on any failure. */
    public static <T> T tx(DataSource dataSource, String module, Work<T> work) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                rollbackAfter(c, e);
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(module + " database error", e);
        }
    }

    /**
     * A rollback that fails must not hide the failure of the work: a connection that broke (PostgreSQL
     * stopped mid-transaction) fails the rollback too — HikariCP answers "Connection is closed" without
     * an SQLSTATE — and the work's own failure is what says the database was out of reach.
     */
    private static void rollbackAfter(Connection c, Exception failure) {
        try {
            c.rollback();
        } catch (SQLException rollback) {
            failure.addSuppressed(rollback);
        }
    }

    /** Read-only work on one connection. */
    public static <T> T read(DataSource dataSource, String module, Work<T> work) {
        try (Connection c = dataSource.getConnection()) {
            c.setReadOnly(true);
            return work.run(c);
        } catch (SQLException e) {
            throw new IllegalStateException(module + " database error", e);
        }
    }
}
