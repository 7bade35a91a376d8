package ua.hromada.portal.api.cluster;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.function.Consumer;

/**
 * Offered by the core: the portal's change log ({@code portal.change_log}) with PostgreSQL's
 * {@code LISTEN/NOTIFY}. A module that keeps something derived from its tables outside the database
 * (a Lucene index, a snapshot, a cache) publishes each write in the write's own transaction and
 * subscribes to its topic; every other node then hears of the write once it commits (within about a
 * second), and a node that was down hears of what it missed when it starts again.
 *
 * <p>Every change audited on the writer's connection ({@code AuditLog.record(Connection, ...)}) is
 * published by the core as topic {@code <module>.<entityType>} with the entity's id as key, so a
 * module whose writes are audited that way only subscribes.
 */
@org.osgi.annotation.versioning.ProviderType
public interface ChangeFeed {

    /**
     * Records that {@code key} of {@code topic} changed, on the caller's connection inside its open
     * transaction: the other nodes are told on commit, nothing is told on rollback. The change
     * belongs to the connection's community (that of the running work).
     *
     * @param topic what changed, {@code <module>.<thing>}, e.g. {@code docsearch.act}
     * @param key   which one, e.g. the act's id (at most 200 characters)
     */
    void publish(Connection c, String topic, String key) throws SQLException;

    /**
     * Calls {@code listener} for every change of {@code topic} made on another node, in the order
     * made, inside the change's community ({@link ua.hromada.portal.api.community.Communities#current()}).
     * Listeners run one after another on the feed's job: a slow follow-up (a rebuild) goes to the
     * module's own pool. Close the subscription when the component stops.
     */
    Subscription subscribe(String topic, Consumer<Change> listener);

    /** This node's name in the change log. */
    String node();

    /** One row of the change log. */
    record Change(long id, String topic, String key, String community, String node, Instant at) {
    }

    /** Ends a subscription. */
    interface Subscription extends AutoCloseable {
        @Override
        void close();
    }
}
