package ua.hromada.gis.service;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Runs a window query with plans made for its actual values. After its fifth use on a connection
 * the JDBC driver keeps a statement prepared on the server, and PostgreSQL then settles on one
 * generic plan that expects a handful of rows in any box: "the first 2001 objects by id" read and
 * sorted every object of a city-wide window (bench/results/gis.md: 181 ms against 20.6 ms planned
 * for the values; the viewer's move at zoom 12 took 521 ms at p95). The setting is the session's
 * for the call and reset after it, so the pooled connection goes back as it came.
 */
final class CustomPlans {

    @FunctionalInterface
    interface Query<T> {
        T run() throws SQLException;
    }

    private CustomPlans() {
    }

    static <T> T run(Connection c, Query<T> query) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("SET plan_cache_mode = force_custom_plan");
        }
        T result;
        try {
            result = query.run();
        } catch (SQLException | RuntimeException failed) {
            try {
                reset(c);
            } catch (SQLException e) {
                // in a transaction the failure aborted, RESET fails too; the rollback undoes the SET
                failed.addSuppressed(e);
            }
            throw failed;
        }
        reset(c);
        return result;
    }

    private static void reset(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("RESET plan_cache_mode");
        }
    }
}
