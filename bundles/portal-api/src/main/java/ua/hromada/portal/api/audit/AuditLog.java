package ua.hromada.portal.api.audit;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

/**
 * Offered by the core: who changed which entity, when, and what changed. Every entry carries the
 * community it was made in (the current one, {@link ua.hromada.portal.api.community.Communities#current()});
 * listings show one community's entries.
 */
@org.osgi.annotation.versioning.ProviderType
public interface AuditLog {

    /**
     * Records one change. The actor is the given username (modules pass the current user's name,
     * "system" for jobs).
     */
    void record(String actor, String module, String entityType, String entityId, String action,
            String changes);

    /**
     * Records one change with the caller's JDBC connection, inside the caller's open transaction, so
     * the change and its entry commit or roll back together (modules on plain JDBC call this in the
     * same unit of work as the change; a failure here must roll the change back). The portal's log
     * writes to its table on that connection; the default, for logs outside the database (test
     * doubles), records as {@link #record(String, String, String, String, String, String)}.
     */
    default void record(Connection c, String actor, String module, String entityType, String entityId,
            String action, String changes) throws SQLException {
        record(actor, module, entityType, entityId, action, changes);
    }

    /**
     * Records an update with the fields it changed ({@link AuditChanges}); nothing is recorded when
     * no field changed, so a save without changes leaves no entry.
     */
    default void recordChanges(String actor, String module, String entityType, String entityId, String action,
            AuditChanges changes) {
        if (changes != null && !changes.isEmpty()) {
            record(actor, module, entityType, entityId, action, changes.text());
        }
    }

    /** Newest first, with optional filters (null = any; a null community is the current one). */
    List<AuditEntry> find(AuditQuery query, int offset, int limit);

    long count(AuditQuery query);

    /** {@code community}: the id of the community the change was made in. */
    record AuditEntry(long id, Instant at, String actor, String module, String entityType,
            String entityId, String action, String changes, String community) {
        /** An entry of the default community. */
        public AuditEntry(long id, Instant at, String actor, String module, String entityType,
                String entityId, String action, String changes) {
            this(id, at, actor, module, entityType, entityId, action, changes,
                    ua.hromada.portal.api.community.Communities.DEFAULT);
        }
    }

    /** {@code community}: whose entries (null: the current community's). */
    record AuditQuery(String actor, String module, String entityType, String text, Instant from,
            Instant to, String community) {
        public AuditQuery(String actor, String module, String entityType, String text, Instant from,
                Instant to) {
            this(actor, module, entityType, text, from, to, null);
        }

        public static AuditQuery all() {
            return new AuditQuery(null, null, null, null, null, null, null);
        }

        /** The same filters over another community's entries. */
        public AuditQuery inCommunity(String id) {
            return new AuditQuery(actor, module, entityType, text, from, to, id);
        }
    }
}
