package ua.hromada.portal.persistence.audit;

import java.time.Instant;

import javax.persistence.EntityManager;

import ua.hromada.portal.api.community.Communities;
import ua.hromada.portal.persistence.entity.AuditEntity;

/**
 * Writes audit rows with the caller's EntityManager, so a change and its audit entry commit or
 * roll back together. Each entry carries the community current when it is written.
 */
public final class AuditWriter {
    /** Module key the core's own entries carry. */
    public static final String CORE_MODULE = "portal";

    private final Communities communities;

    public AuditWriter(Communities communities) {
        this.communities = communities;
    }

    public void write(EntityManager em, Instant at, String actor, String module,
            String entityType, String entityId, String action, String changes) {
        em.persist(new AuditEntity(at, require(actor, "actor"), require(module, "module"),
                require(entityType, "entityType"), entityId, require(action, "action"), changes,
                communities.current().id()));
    }

    static String require(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " is required");
        }
        return value;
    }
}
