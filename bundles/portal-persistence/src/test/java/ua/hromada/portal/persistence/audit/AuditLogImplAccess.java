package ua.hromada.portal.persistence.audit;

import java.time.Clock;

import org.apache.aries.jpa.template.JpaTemplate;

import ua.hromada.portal.api.audit.AuditLog;
import ua.hromada.portal.api.community.Communities;
import ua.hromada.portal.testing.TestCommunities;

/** Lets tests in other packages build the audit service with their template, clock and communities. */
public record AuditLogImplAccess(JpaTemplate jpa, Clock clock, Communities communities) {
    public AuditLogImplAccess(JpaTemplate jpa, Clock clock) {
        this(jpa, clock, new TestCommunities());
    }

    public AuditLog log() {
        return new AuditLogImpl(jpa, clock, communities);
    }

    /** The log as the portal has it: an audited change is published on {@code changes}. */
    public AuditLog log(ua.hromada.portal.api.cluster.ChangeFeed changes) {
        return new AuditLogImpl(jpa, clock, communities, changes);
    }
}
