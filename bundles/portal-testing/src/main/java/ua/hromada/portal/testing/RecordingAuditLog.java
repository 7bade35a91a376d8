package ua.hromada.portal.testing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import ua.hromada.portal.api.audit.AuditLog;

/**
 * An in-memory {@link AuditLog} for service tests: keeps every entry, oldest first, so a test can
 * say what a change recorded. {@link #find} and {@link #count} ignore the query.
 */
public final class RecordingAuditLog implements AuditLog {
    private final List<AuditEntry> entries = new ArrayList<>();

    @Override
    public synchronized void record(String actor, String module, String entityType, String entityId, String action,
            String changes) {
        entries.add(new AuditEntry(entries.size() + 1, Instant.now(), actor, module, entityType, entityId, action,
                changes));
    }

    /** What was recorded, oldest first. */
    public synchronized List<AuditEntry> entries() {
        return List.copyOf(entries);
    }

    @Override
    public synchronized List<AuditEntry> find(AuditQuery query, int offset, int limit) {
        return List.copyOf(entries);
    }

    @Override
    public synchronized long count(AuditQuery query) {
        return entries.size();
    }
}
