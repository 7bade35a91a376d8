package ua.hromada.portal.jobs;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Objects;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import ua.hromada.portal.api.jobs.JobTask;

/**
 * Work that runs on one node of several sharing the database ({@code Jobs.onOneNode}): a session
 * advisory lock on a connection held for the run (PostgreSQL drops it with a dead node's connection)
 * and the start of the last run in {@code portal.job_runs}, so two nodes' schedules make one run.
 */
final class OneNodeRuns {

    private static final Logger LOG = LoggerFactory.getLogger(OneNodeRuns.class);
    /** The first half of every job lock's key, so the portal's locks meet no one else's. */
    private static final String LOCK = "pg_%s(hashtext('hromada.job'), hashtext(?))";

    private final DataSource dataSource;
    private final String node;

    /**
     * @param dataSource connects as the schemas' owner
     * @param node       this node's name ({@code NodeName}), written with each run it starts
     */
    OneNodeRuns(DataSource dataSource, String node) {
        this.dataSource = dataSource;
        this.node = Objects.requireNonNull(node);
    }

    <T> JobTask<T> wrap(String name, Duration atMostEvery, JobTask<T> task) {
        Objects.requireNonNull(name);
        Objects.requireNonNull(task);
        long gap = Math.max(0, atMostEvery == null ? 0 : atMostEvery.toMillis());
        return progress -> {
            try (Connection c = dataSource.getConnection()) {
                c.setAutoCommit(true);
                if (!lock(c, "try_advisory_lock", name)) {
                    LOG.debug("{} runs on another node now; skipped here", name);
                    return null;
                }
                try {
                    if (!claim(c, name, gap)) {
                        LOG.debug("{} ran on a node less than {} ms ago; skipped here", name, gap);
                        return null;
                    }
                    return task.run(progress);
                } finally {
                    // a pooled connection must not keep the lock: the next run anywhere would wait forever
                    lock(c, "advisory_unlock", name);
                }
            }
        };
    }

    private static boolean lock(Connection c, String how, String name) throws SQLException {
        try (PreparedStatement q = c.prepareStatement("select " + LOCK.formatted(how))) {
            q.setString(1, name);
            try (ResultSet rs = q.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        }
    }

    /** Writes down this run's start unless a run of {@code name} started less than {@code gap} ago. */
    private boolean claim(Connection c, String name, long gap) throws SQLException {
        try (PreparedStatement q = c.prepareStatement("insert into portal.job_runs (name, started, node) "
                + "values (?, now(), ?) on conflict (name) do update set started = now(), node = excluded.node "
                + "where portal.job_runs.started <= now() - ? * interval '1 millisecond'")) {
            q.setString(1, name);
            q.setString(2, node);
            q.setLong(3, gap);
            return q.executeUpdate() == 1;
        }
    }
}
