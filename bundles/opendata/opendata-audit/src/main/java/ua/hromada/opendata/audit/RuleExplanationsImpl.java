package ua.hromada.opendata.audit;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import ua.hromada.opendata.api.AuditRuleExplanations;
import ua.hromada.opendata.api.OpendataException;
import ua.hromada.opendata.audit.rules.AuditRule;
import ua.hromada.opendata.audit.rules.Rules;
import ua.hromada.opendata.audit.rules.Texts;
import ua.hromada.portal.api.PortalUser;
import ua.hromada.portal.api.audit.AuditLog;
import ua.hromada.portal.api.jdbc.Statements;

/**
 * Methodical explanations of the rules: the shipped text ({@code opendata.audit.rule.<id>.explanation})
 * unless the community's administrator saved its own (table {@code rule_explanation}, a row per rule
 * changed; row-level security keeps it the community's). Every change goes to the audit log.
 */
@Component(service = AuditRuleExplanations.class)
public class RuleExplanationsImpl implements AuditRuleExplanations {
    private final AuditDatabase db;
    private final AuditLog auditLog;
    private final List<AuditRule> rules = Rules.all();
    private final Texts texts = Texts.ukrainian();

    @Activate
    public RuleExplanationsImpl(@Reference AuditDatabase db, @Reference AuditLog auditLog) {
        this.db = db;
        this.auditLog = auditLog;
    }

    /** The community's own text of a rule. */
    private record Own(String rule, String text, Instant changedAt, String changedBy) {
    }

    @Override
    public List<Explanation> explanations() {
        Map<String, Own> own = new HashMap<>();
        for (Own o : db.read(c -> Statements.list(c, "SELECT rule, text, changed_at, changed_by"
                + " FROM opendata_audit.rule_explanation", RuleExplanationsImpl::own))) {
            own.put(o.rule(), o);
        }
        return rules.stream().map(r -> explanation(r, own.get(r.id()))).toList();
    }

    private static Own own(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Own(rs.getString(1), rs.getString(2), rs.getTimestamp(3).toInstant(), rs.getString(4));
    }

    @Override
    public Explanation explanation(String ruleId) {
        AuditRule rule = rule(ruleId);
        Own own = db.read(c -> Statements.first(c, "SELECT rule, text, changed_at, changed_by"
                + " FROM opendata_audit.rule_explanation WHERE rule = ?", RuleExplanationsImpl::own, rule.id())).orElse(null);
        return explanation(rule, own);
    }

    @Override
    public Explanation save(PortalUser actor, String ruleId, String text) {
        if (!AuditRuleExplanations.canEdit(actor)) {
            throw new OpendataException(OpendataException.Reason.FORBIDDEN, "opendata.audit.explanation.forbidden");
        }
        AuditRule rule = rule(ruleId);
        String own = text == null ? "" : text.strip().replace("\r\n", "\n");
        if (own.length() > MAX_LENGTH) {
            throw new OpendataException(OpendataException.Reason.INVALID, "opendata.audit.explanation.tooLong",
                    own.length(), MAX_LENGTH);
        }
        String shipped = shipped(rule);
        // the shipped text typed again is no text of the community's own: later shipped fixes reach it
        boolean reset = own.isEmpty() || own.equals(shipped);
        Instant now = db.clock().instant();
        db.tx(c -> {
            String before = Statements.first(c, "SELECT text FROM opendata_audit.rule_explanation WHERE rule = ?",
                    rs -> rs.getString(1), rule.id()).orElse(null);
            if (reset) {
                if (before == null) {
                    return null; // nothing changes, nothing to log
                }
                try (var ps = c.prepareStatement("DELETE FROM opendata_audit.rule_explanation WHERE rule = ?")) {
                    ps.setString(1, rule.id());
                    ps.executeUpdate();
                }
                auditLog.record(c, actor.username(), "opendata", "audit-rule-explanation", rule.id(), "reset",
                        "повернуто текст за замовчуванням");
                return null;
            }
            if (own.equals(before)) {
                return null;
            }
            try (var ps = c.prepareStatement("INSERT INTO opendata_audit.rule_explanation (rule, text, changed_at, changed_by)"
                    + " VALUES (?, ?, ?, ?) ON CONFLICT (community, rule) DO UPDATE SET text = excluded.text,"
                    + " changed_at = excluded.changed_at, changed_by = excluded.changed_by")) {
                ps.setString(1, rule.id());
                ps.setString(2, own);
                ps.setTimestamp(3, Timestamp.from(now));
                ps.setString(4, actor.username());
                ps.executeUpdate();
            }
            auditLog.record(c, actor.username(), "opendata", "audit-rule-explanation", rule.id(), "update",
                    (before == null ? "текст за замовчуванням" : before.length() + " симв.") + " → " + own.length() + " симв.");
            return null;
        });
        return explanation(rule.id());
    }

    private Explanation explanation(AuditRule rule, Own own) {
        String shipped = shipped(rule);
        String title = texts.get("opendata.audit.rule." + rule.id() + ".title");
        return own == null ? new Explanation(rule.id(), title, shipped, shipped, false, null, null)
                : new Explanation(rule.id(), title, own.text(), shipped, true, own.changedAt(), own.changedBy());
    }

    private String shipped(AuditRule rule) {
        return texts.get("opendata.audit.rule." + rule.id() + ".explanation");
    }

    private AuditRule rule(String id) {
        return rules.stream().filter(r -> r.id().equals(id)).findFirst().orElseThrow(() -> new OpendataException(
                OpendataException.Reason.NOT_FOUND, "opendata.audit.explanation.unknownRule", String.valueOf(id)));
    }
}
