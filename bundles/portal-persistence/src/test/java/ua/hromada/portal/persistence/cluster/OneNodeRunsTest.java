package ua.hromada.portal.persistence.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import ua.hromada.portal.api.jobs.Job;
import ua.hromada.portal.api.jobs.JobProgress;
import ua.hromada.portal.api.jobs.JobTask;
import ua.hromada.portal.api.jobs.Jobs;
import ua.hromada.portal.jobs.JobPools;
import ua.hromada.portal.persistence.testing.PortalTestDatabase;
import ua.hromada.portal.testing.TestDatabase;

/** Jobs.onOneNode: two nodes' job services on one real database contend for one audit. */
class OneNodeRunsTest {

    private static final String AUDIT = "opendata: scheduled audit";

    private TestDatabase db;
    private JobPools nodeA;
    private JobPools nodeB;
    private final AtomicInteger runs = new AtomicInteger();

    @BeforeEach
    void setUp() {
        db = PortalTestDatabase.createMigrated();
        nodeA = new JobPools(Map.of(), null, db.dataSource(), "node-a");
        nodeB = new JobPools(Map.of(), null, db.dataSource(), "node-b");
    }

    @AfterEach
    void tearDown() {
        nodeA.close();
        nodeB.close();
        db.close();
    }

    @Test
    void whileOneNodeRunsTheOtherSkipsAndAScheduleOnTwoNodesRunsOnce() throws Exception {
        Jobs a = nodeA.forModule("opendata-audit");
        Jobs b = nodeB.forModule("opendata-audit");
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Job<String> running = a.submit("opendata.audit", "audit", a.onOneNode(AUDIT, Duration.ZERO, progress -> {
            runs.incrementAndGet();
            started.countDown();
            release.await();
            return "A";
        }));
        started.await(10, TimeUnit.SECONDS);

        assertNull(b.onOneNode(AUDIT, Duration.ZERO, counted("B")).run(JobProgress.NONE), "A holds the lock");
        release.countDown();
        assertEquals("A", running.result().toCompletableFuture().get(10, TimeUnit.SECONDS));
        assertEquals("node-a", lastRunBy(), "the run is recorded with the node's name, as the change log names it");

        // A's run started a moment ago: B's tick of the same hourly schedule makes no second run
        assertNull(b.onOneNode(AUDIT, Duration.ofHours(1), counted("B")).run(JobProgress.NONE));
        // the lock went back with A's run: B runs when its schedule allows
        assertEquals("B", b.onOneNode(AUDIT, Duration.ZERO, counted("B")).run(JobProgress.NONE));
        assertEquals(2, runs.get());
        assertEquals("node-b", lastRunBy());
    }

    @Test
    void aDeadNodesLockIsReleasedByPostgresql() throws Exception {
        Jobs b = nodeB.forModule("oks-service");
        try (Connection dying = db.dataSource().getConnection(); Statement s = dying.createStatement()) {
            // another node is in the middle of a run
            s.execute("select pg_advisory_lock(hashtext('hromada.job'), hashtext('" + AUDIT + "'))");
            assertNull(b.onOneNode(AUDIT, Duration.ZERO, counted("B")).run(JobProgress.NONE));
        } // that node dies: its session ends
        // the server ends the session (and frees its locks) just after the client has closed it
        awaitNoAdvisoryLock();
        assertEquals("B", b.onOneNode(AUDIT, Duration.ZERO, counted("B")).run(JobProgress.NONE));
        assertEquals(1, runs.get());
    }

    private void awaitNoAdvisoryLock() throws Exception {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
            while (true) {
                try (java.sql.ResultSet rs = s.executeQuery("select count(*) from pg_locks where locktype = 'advisory'"
                        + " and database = (select oid from pg_database where datname = current_database())")) {
                    rs.next();
                    if (rs.getInt(1) == 0) {
                        return;
                    }
                }
                if (System.nanoTime() > end) {
                    throw new AssertionError("the closed session's advisory lock was not released within 10 s");
                }
                Thread.sleep(20);
            }
        }
    }

    private String lastRunBy() throws Exception {
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement();
                java.sql.ResultSet rs = s.executeQuery("select node from portal.job_runs where name = '" + AUDIT + "'")) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    private JobTask<String> counted(String node) {
        return progress -> {
            runs.incrementAndGet();
            return node;
        };
    }
}
