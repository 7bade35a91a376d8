package ua.hromada.portal.persistence.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.persistence.EntityManager;
import javax.persistence.TypedQuery;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import ua.hromada.portal.api.audit.AuditLog;
import ua.hromada.portal.api.cluster.ChangeFeed;
import ua.hromada.portal.api.community.Communities;
import ua.hromada.portal.api.jdbc.Statements;
import ua.hromada.portal.persistence.PortalSchemaReady;
import ua.hromada.portal.persistence.entity.AuditEntity;

/**
 * The audit trail in {@code portal.audit_log}: every entry carries the community it was made in,
 * every listing is one community's (the current one unless the query names another).
 */
@Component(service = AuditLog.class)
public class AuditLogImpl implements AuditLog {
    private static final int MAX_LIMIT = 1000;

    private final JpaTemplate jpa;
    private final Clock clock;
    private final Communities communities;
    private final AuditWriter writer;
    /** Null in tests of the log alone. */
    private final ChangeFeed feed;

    @Activate
    public AuditLogImpl(@Reference(target = "(osgi.unit.name=hromada-portal)") JpaTemplate jpa,
            @Reference PortalSchemaReady schema, @Reference Communities communities, @Reference ChangeFeed changes) {
        this(jpa, Clock.systemUTC(), communities, changes);
    }

    AuditLogImpl(JpaTemplate jpa, Clock clock, Communities communities) {
        this(jpa, clock, communities, null);
    }

    AuditLogImpl(JpaTemplate jpa, Clock clock, Communities communities, ChangeFeed changes) {
        this.jpa = jpa;
        this.clock = clock;
        this.communities = communities;
        this.writer = new AuditWriter(communities);
        this.feed = changes;
    }

    @Override
    public void record(String actor, String module, String entityType, String entityId, String action,
            String changes) {
        jpa.tx(TransactionType.Required, em -> writer.write(em, clock.instant(), actor, module,
                entityType, entityId, action, changes));
    }

    /**
     * The module's change and this row commit together: the insert runs on the module's connection.
     * A community connection names its community (hromada.community), which the entry takes; on
     * another connection the entry is the current community's.
     */
    @Override
    public void record(Connection c, String actor, String module, String entityType, String entityId,
            String action, String changes) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO portal.audit_log"
                + " (at, actor, module, entity_type, entity_id, action, changes, community) VALUES (?, ?, ?, ?, ?, ?, ?,"
                + " coalesce(nullif(current_setting('hromada.community', true), ''), ?))")) {
            ps.setObject(1, OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC));
            ps.setString(2, AuditWriter.require(actor, "actor"));
            ps.setString(3, AuditWriter.require(module, "module"));
            ps.setString(4, AuditWriter.require(entityType, "entityType"));
            ps.setString(5, entityId);
            ps.setString(6, AuditWriter.require(action, "action"));
            ps.setString(7, changes);
            ps.setString(8, communities.current().id());
            ps.executeUpdate();
        }
        // an audited change is one the other nodes' indexes and caches follow (docs/cluster.md)
        if (feed != null && entityId != null) {
            feed.publish(c, module + "." + entityType, entityId);
        }
    }

    @Override
    public List<AuditEntry> find(AuditQuery query, int offset, int limit) {
        int max = Math.max(0, Math.min(limit, MAX_LIMIT));
        if (max == 0) {
            return List.of();
        }
        return jpa.txExpr(TransactionType.Supports, em -> {
            TypedQuery<AuditEntity> q = build(em, "select a from AuditEntity a", query,
                    " order by a.at desc, a.id desc", AuditEntity.class);
            q.setFirstResult(Math.max(0, offset));
            q.setMaxResults(max);
            List<AuditEntry> result = new ArrayList<>();
            for (AuditEntity a : q.getResultList()) {
                result.add(new AuditEntry(a.getId(), a.getAt(), a.getActor(), a.getModule(),
                        a.getEntityType(), a.getEntityId(), a.getAction(), a.getChanges(), a.getCommunity()));
            }
            return result;
        });
    }

    @Override
    public long count(AuditQuery query) {
        return jpa.txExpr(TransactionType.Supports,
                em -> build(em, "select count(a) from AuditEntity a", query, "", Long.class).getSingleResult());
    }

    private <T> TypedQuery<T> build(EntityManager em, String select, AuditQuery query, String tail,
            Class<T> type) {
        AuditQuery f = query == null ? AuditQuery.all() : query;
        StringBuilder where = new StringBuilder("a.community = :community");
        Map<String, Object> params = new HashMap<>();
        params.put("community", notBlank(f.community()) ? f.community() : communities.current().id());
        if (notBlank(f.actor())) {
            and(where).append("a.actor = :actor");
            params.put("actor", f.actor());
        }
        if (notBlank(f.module())) {
            and(where).append("a.module = :module");
            params.put("module", f.module());
        }
        if (notBlank(f.entityType())) {
            and(where).append("a.entityType = :entityType");
            params.put("entityType", f.entityType());
        }
        if (f.from() != null) {
            and(where).append("a.at >= :from");
            params.put("from", f.from());
        }
        if (f.to() != null) {
            and(where).append("a.at < :to");
            params.put("to", f.to());
        }
        if (notBlank(f.text())) {
            // case-insensitive "contains" (ILIKE) over the free-text columns
            and(where).append("(lower(a.entityId) like :text escape '\\' or lower(a.changes) like :text escape '\\'"
                    + " or lower(a.action) like :text escape '\\')");
            params.put("text", Statements.containing(f.text().trim().toLowerCase()));
        }
        String jpql = select + (where.length() > 0 ? " where " + where : "") + tail;
        TypedQuery<T> q = em.createQuery(jpql, type);
        params.forEach(q::setParameter);
        return q;
    }

    private static StringBuilder and(StringBuilder where) {
        return where.length() > 0 ? where.append(" and ") : where;
    }

    private static boolean notBlank(String s) {
        return s != null && !s.isBlank();
    }
}
