package ua.hromada.crm.service.verification;

import ua.hromada.crm.api.FindingSeverity;
import ua.hromada.crm.api.TextRegion;

/** A check that fired on this run, before it is stored and matched with the overrides. */
record Fired(String rule, String subject, FindingSeverity severity, String message, String evidence, Long scanId,
        TextRegion region) {

    static Fired of(String rule, String subject, FindingSeverity severity, String message) {
        return new Fired(rule, subject, severity, message, "", null, null);
    }
}
