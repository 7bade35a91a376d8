package ua.hromada.opendata.api;

import java.time.Instant;
import java.util.List;

import ua.hromada.portal.api.PortalUser;

/**
 * Methodical explanations of the audit's rules: what each rule asks, why, and how a data manager
 * fixes a finding. The shipped text (Ukrainian) unless the community's administrator wrote its
 * own; an empty text restores the shipped one. Changes are written to the audit log.
 */
@org.osgi.annotation.versioning.ProviderType
public interface AuditRuleExplanations {
    /** The longest explanation kept, in characters. */
    int MAX_LENGTH = 8000;

    /**
     * @param text     the community's own text, else the shipped one
     * @param shipped  the shipped text
     * @param edited   whether the community's own text is shown
     * @param changedAt when the community's text was last changed (null when never)
     */
    record Explanation(String ruleId, String ruleTitle, String text, String shipped, boolean edited, Instant changedAt,
            String changedBy) {
    }

    /** Every rule's explanation, in the order of the rules. */
    List<Explanation> explanations();

    /** One rule's explanation; NOT_FOUND for an unknown rule. */
    Explanation explanation(String ruleId);

    /**
     * Sets the community's own text (administrators only); blank restores the shipped text.
     * INVALID when longer than {@link #MAX_LENGTH}.
     */
    Explanation save(PortalUser actor, String ruleId, String text);

    /** Restores the shipped text (administrators only). */
    default Explanation reset(PortalUser actor, String ruleId) {
        return save(actor, ruleId, null);
    }

    /** Whether {@code user} may change explanations. */
    static boolean canEdit(PortalUser user) {
        return user != null && user.hasPermission(PortalUser.ADMIN_PERMISSION);
    }
}
