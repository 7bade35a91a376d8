package ua.hromada.portal.persistence.cluster;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

import javax.sql.DataSource;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import ua.hromada.portal.api.cluster.ChangeFeed;
import ua.hromada.portal.api.cluster.NodeName;
import ua.hromada.portal.api.community.Communities;
import ua.hromada.portal.api.community.CommunityScope;
import ua.hromada.portal.api.jobs.Job;
import ua.hromada.portal.api.jobs.JobProgress;
import ua.hromada.portal.api.jobs.Jobs;
import ua.hromada.portal.persistence.PortalSchemaReady;

/**
 * The change log read by one long-running job on the job service: it holds one connection that
 * {@code LISTEN}s, reads the rows after the last one it saw whenever notified (and on start and after
 * a reconnect, so nothing missed while the node or the database was down is lost), hands other
 * nodes' changes to the subscribers and writes down how far it read. A lost connection (PostgreSQL
 * restarted) ends the job, which comes back a second later on a new connection.
 */
@Component(service = ChangeFeed.class, configurationPid = ClusterConfig.PID)
@Designate(ocd = ClusterConfig.class)
public class ChangeFeedImpl implements ChangeFeed {

    private static final Logger LOG = LoggerFactory.getLogger(ChangeFeedImpl.class);
    static final String CHANNEL = "hromada_changes";
    static final String POOL = "portal.changes";
    private static final String JOB = "change feed";
    private static final Duration RETRY = Duration.ofSeconds(1);
    /** How long a wait for a notice lasts: how soon a stop is seen. */
    private static final int WAIT_MILLIS = 500;
    /** A gap in the ids is a transaction still open (or rolled back): it is looked for this long. */
    private static final Duration GAP_KEPT = Duration.ofSeconds(30);
    private static final int MAX_GAPS = 1000;
    private static final Duration PRUNE_EVERY = Duration.ofHours(1);
    private static final String COLUMNS = "select id, topic, key, community, node, at from portal.change_log ";

    private final DataSource dataSource;
    private final Jobs jobs;
    private final Communities communities;
    private final String node;
    private final Duration retention;
    private final List<Sub> subscribers = new CopyOnWriteArrayList<>();
    private volatile Job<Void> loop;
    private volatile boolean stopped;
    // read and written by the loop only (one job at a time)
    private long startId = -1;
    private long lastId = -1;
    private long savedId = -1;
    private final Map<Long, Instant> gaps = new HashMap<>();
    private Instant nextPrune = Instant.EPOCH;

    @Activate
    public ChangeFeedImpl(@Reference(target = "(dataSourceName=hromada)") DataSource dataSource,
            @Reference PortalSchemaReady schema, @Reference Jobs jobs, @Reference Communities communities,
            ClusterConfig config) {
        this(dataSource, jobs, communities, NodeName.of(config.node()), Duration.ofDays(Math.max(1, config.retention_days())));
    }

    /**
     * @param dataSource connects as the schemas' owner (reads every community's changes). Not public:
     *        with five arguments like the DS constructor, SCR would pick this one and refuse the start
     */
    ChangeFeedImpl(DataSource dataSource, Jobs jobs, Communities communities, String node, Duration retention) {
        this.dataSource = dataSource;
        this.jobs = jobs;
        this.communities = communities;
        this.node = node;
        this.retention = retention;
        // where this node reads on from is fixed now, so what commits after the start is never skipped
        try (Connection c = dataSource.getConnection()) {
            startId = lastId = savedId = position(c);
        } catch (SQLException e) {
            LOG.warn("Change feed: the database is not reachable at start ({}); the feed reads on once it is",
                    e.getMessage());
        }
        this.loop = jobs.submit(POOL, JOB, this::listen);
    }

    /** Stops listening; returns once the loop has let go of its connection (within about a second). */
    @Deactivate
    public void close() {
        stopped = true;
        Job<Void> running = loop;
        if (running != null) {
            running.cancel(false);
            try {
                running.result().toCompletableFuture().get(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (ExecutionException | CancellationException | TimeoutException e) {
                LOG.debug("Change feed stopped: {}", e.toString());
            }
        }
    }

    @Override
    public void publish(Connection c, String topic, String key) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement(
                "insert into portal.change_log (topic, key, node) values (?, ?, ?)")) {
            insert.setString(1, Objects.requireNonNull(topic));
            insert.setString(2, Objects.requireNonNull(key));
            insert.setString(3, node);
            insert.executeUpdate();
        }
    }

    @Override
    public Subscription subscribe(String topic, Consumer<Change> listener) {
        Sub sub = new Sub(Objects.requireNonNull(topic), Objects.requireNonNull(listener));
        subscribers.add(sub);
        return () -> subscribers.remove(sub);
    }

    @Override
    public String node() {
        return node;
    }

    // ------------------------------------------------------------------ the loop

    private Void listen(JobProgress progress) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(true);
            PGConnection pg = c.unwrap(PGConnection.class);
            try (Statement s = c.createStatement()) {
                s.execute("LISTEN " + CHANNEL);
            }
            if (lastId < 0) {
                startId = lastId = savedId = position(c);
            }
            // what was committed before LISTEN (while this node or the database was down)
            read(c);
            while (!stopped && !progress.cancelled()) {
                replayForNewSubscribers(c);
                var notices = pg.getNotifications(WAIT_MILLIS);
                if ((notices != null && notices.length > 0) || !gaps.isEmpty()) {
                    read(c);
                }
                prune(c);
            }
        } catch (SQLException | RuntimeException e) {
            if (!stopped) {
                LOG.warn("Change feed lost its database connection ({}); listening again in {}", e.getMessage(), RETRY);
                loop = jobs.schedule(POOL, JOB, RETRY, this::listen);
            }
        }
        return null;
    }

    /** Where this node stopped reading; a node new to the log starts at its end. */
    private long position(Connection c) throws SQLException {
        try (PreparedStatement q = c.prepareStatement("select coalesce((select last_id from portal.change_readers "
                + "where node = ?), (select coalesce(max(id), 0) from portal.change_log))")) {
            q.setString(1, node);
            try (ResultSet rs = q.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** The rows after the last one seen, and those missing below it that may have committed since. */
    private void read(Connection c) throws SQLException {
        List<Change> changes = new ArrayList<>();
        try (PreparedStatement q = c.prepareStatement(COLUMNS + "where id > ? or id = any(?) order by id")) {
            q.setLong(1, lastId);
            q.setArray(2, c.createArrayOf("bigint", gaps.keySet().toArray()));
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    changes.add(change(rs));
                }
            }
        }
        Instant now = Instant.now();
        for (Change change : changes) {
            if (change.id() > lastId) {
                for (long id = lastId + 1; id < change.id() && gaps.size() < MAX_GAPS; id++) {
                    gaps.put(id, now);
                }
                lastId = change.id();
            } else {
                gaps.remove(change.id());
            }
            deliver(change);
        }
        gaps.values().removeIf(since -> since.plus(GAP_KEPT).isBefore(now));
        // a restart reads again from below the oldest open gap: a change twice is harmless, one lost is not
        long safe = gaps.keySet().stream().mapToLong(id -> id - 1).min().orElse(lastId);
        if (safe > savedId) {
            try (PreparedStatement save = c.prepareStatement("insert into portal.change_readers (node, last_id) "
                    + "values (?, ?) on conflict (node) do update set last_id = excluded.last_id, at = now()")) {
                save.setString(1, node);
                save.setLong(2, safe);
                save.executeUpdate();
            }
            savedId = safe;
        }
    }

    /**
     * A module that subscribes after the node started (modules start after the core) first gets what
     * other nodes changed in its topic while this node was down.
     */
    private void replayForNewSubscribers(Connection c) throws SQLException {
        for (Sub sub : subscribers) {
            if (sub.live) {
                continue;
            }
            try (PreparedStatement q = c.prepareStatement(COLUMNS
                    + "where id > ? and id <= ? and topic = ? and node <> ? order by id")) {
                q.setLong(1, startId);
                q.setLong(2, lastId);
                q.setString(3, sub.topic);
                q.setString(4, node);
                try (ResultSet rs = q.executeQuery()) {
                    while (rs.next()) {
                        sub.tell(change(rs), communities);
                    }
                }
            }
            sub.live = true;
        }
    }

    /** Another node's change to the live subscribers of its topic; this node's own it already knows. */
    private void deliver(Change change) {
        if (node.equals(change.node())) {
            return;
        }
        for (Sub sub : subscribers) {
            if (sub.live && sub.topic.equals(change.topic())) {
                sub.tell(change, communities);
            }
        }
    }

    private void prune(Connection c) throws SQLException {
        Instant now = Instant.now();
        if (now.isBefore(nextPrune)) {
            return;
        }
        nextPrune = now.plus(PRUNE_EVERY);
        try (PreparedStatement delete = c.prepareStatement("delete from portal.change_log where at < now() - ?::interval")) {
            delete.setString(1, retention.toSeconds() + " seconds");
            int n = delete.executeUpdate();
            if (n > 0) {
                LOG.info("Change log: {} rows older than {} removed", n, retention);
            }
        }
    }

    private static Change change(ResultSet rs) throws SQLException {
        return new Change(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getTimestamp(6).toInstant());
    }

    /** One subscriber; live once it has had what it missed before subscribing. */
    private static final class Sub {
        final String topic;
        final Consumer<Change> listener;
        volatile boolean live;

        Sub(String topic, Consumer<Change> listener) {
            this.topic = topic;
            this.listener = listener;
        }

        void tell(Change change, Communities communities) {
            try (CommunityScope scope = communities.enter(change.community())) {
                listener.accept(change);
            } catch (RuntimeException e) {
                LOG.warn("A subscriber of {} failed on change {} ({} {})", topic, change.id(), change.topic(),
                        change.key(), e);
            }
        }
    }
}
