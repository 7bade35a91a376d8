package ua.hromada.portal.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.EOFException;
import java.io.IOException;
import java.net.ServerSocket;
import java.sql.BatchUpdateException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.sql.Statement;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.postgresql.util.PSQLException;
import org.postgresql.util.PSQLState;
import org.postgresql.util.ServerErrorMessage;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

import ua.hromada.portal.api.jdbc.Transactions;

/**
 * Which failures are "try again" (503 + Retry-After, the UI's overload or outage message) and which
 * are the portal's own error: with the failures the portal's pool (HikariCP, as pax-jdbc runs it)
 * and the PostgreSQL driver really throw, on the real PostgreSQL (127.0.0.1:5432 as postgres, or
 * HROMADA_TEST_PGHOST / HROMADA_TEST_PGPORT / HROMADA_TEST_PGUSER).
 */
class DatabaseFailuresTest {

    private static final String HOST = env("HROMADA_TEST_PGHOST", "127.0.0.1");
    private static final String PORT = env("HROMADA_TEST_PGPORT", "5432");
    private static final String USER = env("HROMADA_TEST_PGUSER", "postgres");

    @Test
    void everyPooledConnectionTakenIsBusyNotAnOutage() throws SQLException {
        try (HikariDataSource pool = pool(url(PORT), 1); Connection taken = pool.getConnection()) {
            SQLException timeout = assertThrows(SQLException.class, pool::getConnection);
            assertInstanceOf(SQLTransientConnectionException.class, timeout, "HikariCP's pool timeout");
            assertTrue(ApiResponses.databaseBusy(timeout));
            assertTrue(ApiResponses.databaseUnavailable(timeout), "a 503 the client may retry");

            // as a module meets it: inside the module's "… database error"
            IllegalStateException failure = assertThrows(IllegalStateException.class,
                    () -> Transactions.read(pool, "OKS", c -> 1));
            assertEquals("OKS database error", failure.getMessage());
            assertTrue(ApiResponses.databaseBusy(failure));
            assertTrue(ApiResponses.databaseUnavailable(new RuntimeException("view failed", failure)));
        }
    }

    @Test
    void postgresqlOutOfReachIsUnavailableNotBusy() throws IOException {
        String closedPort;
        try (ServerSocket free = new ServerSocket(0)) {
            closedPort = String.valueOf(free.getLocalPort());
        }
        HikariConfig config = config(url(closedPort), 2);
        config.setInitializationFailTimeout(-1); // the portal starts while PostgreSQL is down
        try (HikariDataSource pool = new HikariDataSource(config)) {
            SQLException timeout = assertThrows(SQLException.class, pool::getConnection);
            // the pool's timeout carries the refused connection (SQLSTATE 08001) as its cause
            assertInstanceOf(SQLTransientConnectionException.class, timeout);
            assertTrue(ApiResponses.databaseUnavailable(timeout));
            assertFalse(ApiResponses.databaseBusy(timeout), "an outage, not an overload");
            IllegalStateException failure = assertThrows(IllegalStateException.class,
                    () -> Transactions.tx(pool, "docsearch", c -> 1));
            assertTrue(ApiResponses.databaseUnavailable(failure));
            assertFalse(ApiResponses.databaseBusy(failure));
        }
    }

    /**
     * A write whose connection breaks mid-transaction (PostgreSQL stopped): the rollback fails as
     * well, HikariCP's "Connection is closed" without an SQLSTATE, and used to replace the write's
     * own failure — a 500 «docsearch database error» instead of a 503.
     */
    @Test
    void aWriteCaughtByTheConnectionBreakingMidTransactionIsUnavailable() throws SQLException {
        try (HikariDataSource pool = pool(url(PORT), 2);
                Connection admin = DriverManager.getConnection(url(PORT), USER, "")) {
            IllegalStateException failure = assertThrows(IllegalStateException.class,
                    () -> Transactions.tx(pool, "docsearch", c -> {
                        try (Statement s = c.createStatement()) {
                            s.execute("create temporary table act (id int)");
                            s.execute("insert into act values (1)");
                            int pid = pid(c);
                            try (Statement kill = admin.createStatement()) {
                                kill.execute("select pg_terminate_backend(" + pid + ")");
                            }
                            waitUntilGone(admin, pid);
                            s.execute("insert into act values (2)");
                        }
                        return null;
                    }));
            assertEquals("docsearch database error", failure.getMessage());
            PSQLException broken = assertInstanceOf(PSQLException.class, failure.getCause(),
                    "the write's own failure, not the rollback's");
            assertTrue(Set.of("08006", "57P01").contains(broken.getSQLState()), broken.getSQLState());
            assertEquals(1, broken.getSuppressed().length, "the failed rollback is kept beside it");
            assertTrue(ApiResponses.databaseUnavailable(failure));
            assertFalse(ApiResponses.databaseBusy(failure));
        }
    }

    @Test
    void theWholeChainCounts() {
        // pgjdbc's I/O failure, as its QueryExecutor throws it, behind a batch's next exception
        PSQLException io = new PSQLException("An I/O error occurred while sending to the backend.",
                PSQLState.CONNECTION_FAILURE, new EOFException());
        BatchUpdateException batch = new BatchUpdateException("Batch entry 0 was aborted", new int[0]);
        batch.setNextException(io);
        assertTrue(ApiResponses.databaseUnavailable(new IllegalStateException("open data database error", batch)));

        // a failure whose rollback (suppressed) found the server shutting down
        IllegalStateException work = new IllegalStateException("CRM database error");
        // (the server's ErrorResponse fields, as the driver reads them off the wire)
        work.addSuppressed(new PSQLException(new ServerErrorMessage(
                "SFATAL\0VFATAL\0C57P01\0Mterminating connection due to administrator command\0")));
        assertTrue(ApiResponses.databaseUnavailable(work));
        assertFalse(ApiResponses.databaseBusy(work));

        // the portal's own errors stay 500s
        assertFalse(ApiResponses.databaseUnavailable(new PSQLException("duplicate key value",
                PSQLState.UNIQUE_VIOLATION)));
        assertFalse(ApiResponses.databaseUnavailable(new SQLException("Connection is closed")));
        assertFalse(ApiResponses.databaseUnavailable(new IllegalArgumentException("bad input")));
        assertFalse(ApiResponses.databaseUnavailable(null));

        // a cycle of causes ends
        IllegalStateException a = new IllegalStateException("a");
        IllegalStateException b = new IllegalStateException("b", a);
        a.initCause(b);
        assertFalse(ApiResponses.databaseUnavailable(a));
    }

    private static int pid(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select pg_backend_pid()")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    /** pg_terminate_backend only signals: the backend is gone once pg_stat_activity no longer lists it. */
    private static void waitUntilGone(Connection admin, int pid) throws SQLException {
        long until = System.nanoTime() + 10_000_000_000L;
        while (System.nanoTime() < until) {
            try (Statement s = admin.createStatement();
                    ResultSet rs = s.executeQuery("select count(*) from pg_stat_activity where pid = " + pid)) {
                rs.next();
                if (rs.getInt(1) == 0) {
                    return;
                }
            }
            Thread.onSpinWait();
        }
        throw new AssertionError("backend " + pid + " still there after 10 s");
    }

    private static HikariDataSource pool(String url, int size) {
        return new HikariDataSource(config(url, size));
    }

    private static HikariConfig config(String url, int size) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername(USER);
        config.setPassword("");
        config.setMaximumPoolSize(size);
        config.setMinimumIdle(1);
        config.setConnectionTimeout(250); // HikariCP's least
        return config;
    }

    private static String url(String port) {
        return "jdbc:postgresql://" + HOST + ":" + port + "/postgres?connectTimeout=2";
    }

    private static String env(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : v;
    }
}
