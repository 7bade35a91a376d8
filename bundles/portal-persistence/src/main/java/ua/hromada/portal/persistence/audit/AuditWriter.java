package ua.hromada.portal.persistence.audit;

import java.time.Instant;

import javax.persistence.EntityManager;

import ua.hromada.portal.persistence.entity.AuditEntity;

/**
 * Writes audit rows with the caller's EntityManager, so a change and its audit entry commit or
 * roll back together.
 */
public final class AuditWriter {
    /** Module key the core's own entries carry. */
    public static final String CORE_MODULE = "portal";

    private AuditWriter() {
    }

    public static void write(EntityManager em, Instant at, String actor, String module,
            String entityType, String entityId, String action, String changes) {
        em.persist(new AuditEntity(at, require(actor, "actor"), require(module, "module"),
                require(entityType, "entityType"), entityId, require(action, "action"), changes));
    }

    static String require(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " is required");
        }
        return value;
    }
}
