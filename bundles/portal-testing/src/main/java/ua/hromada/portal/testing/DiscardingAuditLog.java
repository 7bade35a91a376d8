package ua.hromada.portal.testing;

import java.util.List;

import ua.hromada.portal.api.audit.AuditLog;

/**
 * An {@link AuditLog} that keeps nothing: for benchmarks, where recording would only cost memory,
 * and as the base of a test double that overrides only the method it is about.
 */
public class DiscardingAuditLog implements AuditLog {

    @Override
    public void record(String actor, String module, String entityType, String entityId, String action,
            String changes) {
        // discarded on purpose
    }

    @Override
    public List<AuditEntry> find(AuditQuery query, int offset, int limit) {
        return List.of();
    }

    @Override
    public long count(AuditQuery query) {
        return 0;
    }
}
