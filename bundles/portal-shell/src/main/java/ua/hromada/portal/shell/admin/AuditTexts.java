package ua.hromada.portal.shell.admin;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import ua.hromada.portal.api.audit.AuditChanges;
import ua.hromada.portal.api.audit.AuditLog.AuditEntry;
import ua.hromada.portal.shell.core.PortalTimes;

/**
 * An audit entry in the reader's language: the action and the entity type by key
 * ({@code audit.action.<action>}, {@code audit.entity.<type>}), the changes field by field
 * ({@code audit.field.<field>}, {@code audit.value.<field>.<value>}), instants in the community's
 * time zone. A code without a text is shown as stored, so a module's new code is never hidden.
 */
final class AuditTexts {
    /** An instant as Instant#toString() writes it, anywhere in a text. */
    private static final Pattern INSTANT = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d{1,9})?)?Z");
    private static final Pattern FIELD = Pattern.compile("([A-Za-z][A-Za-z0-9_.]*): (.*)", Pattern.DOTALL);

    private final Function<String, Optional<String>> texts;
    private final PortalTimes times;

    /** {@code texts}: a key's text in the reader's language, empty when there is none. */
    AuditTexts(Function<String, Optional<String>> texts, PortalTimes times) {
        this.texts = texts;
        this.times = times;
    }

    String action(AuditEntry e) {
        return text("audit.action." + e.action()).orElse(e.action());
    }

    String entity(AuditEntry e) {
        String type = text("audit.entity." + e.entityType()).orElse(e.entityType());
        return e.entityId() == null ? type : type + " " + e.entityId();
    }

    String changes(String changes) {
        if (changes == null || changes.isBlank()) {
            return "";
        }
        List<String> out = new ArrayList<>();
        for (String part : changes.split(Pattern.quote(AuditChanges.SEPARATOR))) {
            Matcher m = FIELD.matcher(part);
            if (!m.matches()) {
                out.add(instants(part));
                continue;
            }
            String field = m.group(1);
            String label = text("audit.field." + field).orElse(field);
            String value = m.group(2);
            int arrow = value.indexOf(AuditChanges.ARROW);
            String shown = arrow < 0 ? value(field, value)
                    : value(field, value.substring(0, arrow)) + " → "
                            + value(field, value.substring(arrow + AuditChanges.ARROW.length()));
            out.add(label + ": " + shown);
        }
        return String.join("; ", out);
    }

    private String value(String field, String value) {
        String v = value.strip();
        if (v.equals("null") || v.equals("[]")) {
            return "—";
        }
        if (v.startsWith("[") && v.endsWith("]")) {
            // a set of codes (roles, permissions) as the list it is
            return v.substring(1, v.length() - 1);
        }
        Optional<String> named = text("audit.value." + field + "." + v);
        if (named.isPresent()) {
            return named.get();
        }
        if (v.equals("true") || v.equals("false")) {
            return text("audit.value." + v).orElse(v);
        }
        return instants(v);
    }

    /** Instants inside a text, in the community's zone. */
    private String instants(String text) {
        Matcher m = INSTANT.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String shown;
            try {
                shown = times.seconds(Instant.parse(m.group()));
            } catch (DateTimeParseException e) {
                shown = m.group();
            }
            m.appendReplacement(out, Matcher.quoteReplacement(shown));
        }
        m.appendTail(out);
        return out.toString();
    }

    private Optional<String> text(String key) {
        return texts.apply(key);
    }
}
