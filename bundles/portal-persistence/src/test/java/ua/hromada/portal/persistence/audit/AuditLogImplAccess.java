package ua.hromada.portal.persistence.audit;

import java.time.Clock;

import org.apache.aries.jpa.template.JpaTemplate;

import ua.hromada.portal.api.audit.AuditLog;

/** Lets tests in other packages build the audit service with their template and clock. */
public record AuditLogImplAccess(JpaTemplate jpa, Clock clock) {
    public AuditLog log() {
        return new AuditLogImpl(jpa, clock);
    }
}
