package ua.hromada.opendata.audit.rules;

import ua.hromada.opendata.api.Severity;

/** A rule whose id and severity are fixed when it is made; the rule itself is its check. */
abstract class AbstractAuditRule implements AuditRule {

    private final String id;
    private final Severity severity;

    AbstractAuditRule(String id, Severity severity) {
        this.id = id;
        this.severity = severity;
    }

    @Override
    public final String id() {
        return id;
    }

    @Override
    public final Severity severity() {
        return severity;
    }
}
