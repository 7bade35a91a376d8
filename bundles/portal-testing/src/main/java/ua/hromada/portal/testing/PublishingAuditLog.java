package ua.hromada.portal.testing;

import java.sql.Connection;
import java.sql.SQLException;

import ua.hromada.portal.api.cluster.ChangeFeed;

/**
 * For tests of several nodes on one database (docs/cluster.md): keeps no entries, but publishes each
 * change audited on the writer's connection on {@code feed} as topic {@code <module>.<entityType>}
 * with the entity's id as key — what the core's audit log does (portal-persistence's ChangeFeedTest
 * shows that), without the core's JPA.
 */
public final class PublishingAuditLog extends DiscardingAuditLog {
    private final ChangeFeed feed;

    public PublishingAuditLog(ChangeFeed feed) {
        this.feed = feed;
    }

    @Override
    public void record(Connection c, String actor, String module, String entityType, String entityId,
            String action, String changes) throws SQLException {
        if (entityId != null) {
            feed.publish(c, module + "." + entityType, entityId);
        }
    }
}
