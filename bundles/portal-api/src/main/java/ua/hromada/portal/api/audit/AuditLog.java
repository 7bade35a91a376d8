package ua.hromada.portal.api.audit;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

/** Offered by the core: who changed which entity, when, and what changed. */
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

    /** Newest first, with optional filters (null = any). */
    List<AuditEntry> find(AuditQuery query, int offset, int limit);

    long count(AuditQuery query);

    record AuditEntry(long id, Instant at, String actor, String module, String entityType,
            String entityId, String action, String changes) {
    }

    record AuditQuery(String actor, String module, String entityType, String text, Instant from,
            Instant to) {
        public static AuditQuery all() {
            return new AuditQuery(null, null, null, null, null, null);
        }
    }
}
