package ua.hromada.portal.shell.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.sql.Connection;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Executor;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

import ua.hromada.portal.jobs.JobPools;

/**
 * The health's database check with the portal's pool (HikariCP, as pax-jdbc runs it) on the real
 * PostgreSQL: an overloaded pool does not make the health wait for it (a balancer's check would time
 * out and take a working node out), PostgreSQL out of reach is still reported so.
 */
class DatabaseProbeTest {
    private static final Duration WAIT = Duration.ofMillis(200);
    private final JobPools pools = new JobPools(Map.of());
    private final Executor executor = pools.forModule("portal").executor(HealthServlet.HEALTH_POOL, 1);

    @AfterEach
    void close() {
        pools.close();
    }

    @Test
    void aBusyPoolIsAnsweredAtOnceWithWhatWasLastFoundThenAsReachableAndBusy() throws Exception {
        DatabaseProbe probe = new DatabaseProbe();
        try (HikariDataSource pool = pool(url(env("HROMADA_TEST_PGPORT", "5432")), 1500)) {
            DatabaseProbe.Finding first = probe.check(pool, executor, WAIT);
            assertTrue(first.reachable() && !first.busy(), first.toString());

            try (Connection taken = pool.getConnection()) {
                long start = System.nanoTime();
                DatabaseProbe.Finding meanwhile = probe.check(pool, executor, WAIT);
                long tookMs = (System.nanoTime() - start) / 1_000_000;
                assertTrue(tookMs < 1000, "answered in " + tookMs + " ms while the probe waits for the pool");
                assertEquals(first, meanwhile, "the last finding while the probe waits");

                // the probe's wait ends with the pool's timeout: reachable, busy
                DatabaseProbe.Finding busy = null;
                long until = System.nanoTime() + Duration.ofSeconds(10).toNanos();
                while (System.nanoTime() < until) {
                    busy = probe.check(pool, executor, WAIT);
                    if (busy.busy()) {
                        break;
                    }
                }
                assertTrue(busy != null && busy.busy() && busy.reachable(), String.valueOf(busy));
            }
            // a connection free again: the next probe finds it
            DatabaseProbe.Finding again = probe.check(pool, executor, Duration.ofSeconds(5));
            assertTrue(again.reachable() && !again.busy(), again.toString());
        }
    }

    @Test
    void postgresqlOutOfReachIsReportedUnreachable() throws IOException {
        String closedPort;
        try (ServerSocket free = new ServerSocket(0)) {
            closedPort = String.valueOf(free.getLocalPort());
        }
        HikariConfig config = config(url(closedPort), 250);
        config.setInitializationFailTimeout(-1); // the portal starts while PostgreSQL is down
        try (HikariDataSource pool = new HikariDataSource(config)) {
            DatabaseProbe.Finding finding = new DatabaseProbe().check(pool, executor, WAIT);
            assertFalse(finding.reachable(), finding.toString());
            assertFalse(finding.busy(), "an outage, not an overload");
        }
    }

    @Test
    void withoutTheJobServiceTheProbeRunsOnTheCallersThread() throws Exception {
        try (HikariDataSource pool = pool(url(env("HROMADA_TEST_PGPORT", "5432")), 1000)) {
            DatabaseProbe.Finding finding = new DatabaseProbe().check(pool, null, WAIT);
            assertTrue(finding.reachable(), finding.toString());
        }
        assertFalse(new DatabaseProbe().check(null, executor, WAIT).reachable(), "no data source yet");
    }

    private static HikariDataSource pool(String url, long connectionTimeoutMs) {
        return new HikariDataSource(config(url, connectionTimeoutMs));
    }

    private static HikariConfig config(String url, long connectionTimeoutMs) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername(env("HROMADA_TEST_PGUSER", "postgres"));
        config.setPassword("");
        config.setMaximumPoolSize(1);
        config.setMinimumIdle(1);
        config.setConnectionTimeout(connectionTimeoutMs);
        return config;
    }

    private static String url(String port) {
        return "jdbc:postgresql://" + env("HROMADA_TEST_PGHOST", "127.0.0.1") + ":" + port + "/postgres?connectTimeout=2";
    }

    private static String env(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : v;
    }
}
