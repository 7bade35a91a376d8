package ua.hromada.opendata.audit.rules;

import ua.hromada.opendata.api.OpendataAudit.Rule;
import ua.hromada.opendata.api.Severity;

/**
 * One rule of the audit: a stable id, a severity, and a check of one dataset with its resources.
 * Titles and descriptions (naming the national rule broken) come from the bundle's texts under
 * {@code opendata.audit.rule.<id>.*}.
 */
public interface AuditRule {

    String id();

    Severity severity();

    /** Adds this rule's findings about the dataset under check to {@code out}. */
    void check(DatasetCheck check, Findings out);

    default Rule describe(Texts texts) {
        return new Rule(id(), severity(), texts.get("opendata.audit.rule." + id() + ".title"),
                texts.get("opendata.audit.rule." + id() + ".description"));
    }

    /** The finding's explanation: {@code opendata.audit.rule.<id>.<variant>} with arguments. */
    default String explain(DatasetCheck check, String variant, Object... args) {
        return check.texts().get("opendata.audit.rule." + id() + "." + variant, args);
    }
}
