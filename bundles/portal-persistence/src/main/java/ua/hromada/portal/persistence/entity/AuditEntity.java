package ua.hromada.portal.persistence.entity;

import java.time.Instant;

import javax.persistence.Column;
import javax.persistence.Convert;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;

@Entity
@Table(name = "audit_log", schema = "portal")
public class AuditEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false)
    @Convert(converter = InstantConverter.class)
    private Instant at;

    @Column(nullable = false)
    private String actor;

    @Column(nullable = false)
    private String module;

    @Column(name = "entity_type", nullable = false)
    private String entityType;

    @Column(name = "entity_id")
    private String entityId;

    @Column(nullable = false)
    private String action;

    private String changes;

    /** The community the change was made in. */
    @Column(nullable = false)
    private String community;

    public AuditEntity() {
    }

    public AuditEntity(Instant at, String actor, String module, String entityType, String entityId,
            String action, String changes, String community) {
        this.at = at;
        this.community = community;
        this.actor = actor;
        this.module = module;
        this.entityType = entityType;
        this.entityId = entityId;
        this.action = action;
        this.changes = changes;
    }

    public Long getId() { return id; }
    public Instant getAt() { return at; }
    public String getActor() { return actor; }
    public String getModule() { return module; }
    public String getEntityType() { return entityType; }
    public String getEntityId() { return entityId; }
    public String getAction() { return action; }
    public String getChanges() { return changes; }
    public String getCommunity() { return community; }
}
