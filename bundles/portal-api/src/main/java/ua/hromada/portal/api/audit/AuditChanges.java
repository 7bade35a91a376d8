package ua.hromada.portal.api.audit;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

/**
 * The text of an audit entry's changes in the one form the audit view renders in the reader's
 * language: {@code field: value} or {@code field: before -> after}, joined by {@code "; "}. The
 * view shows a field's label from the key {@code audit.field.<field>} (a module's bundle may add
 * its own), a value from {@code audit.value.<field>.<value>} when there is one, and instants
 * ({@link java.time.Instant#toString()}) in the community's time zone. Field names are code words
 * without spaces, e.g. {@code displayName}, {@code status}.
 *
 * <pre>
 * String changes = new AuditChanges().changed("title", old.title(), title).changed("published", false, true).text();
 * </pre>
 */
public final class AuditChanges {

    /** Separates the entries of a change text. */
    public static final String SEPARATOR = "; ";
    /** Separates the value before a change from the value after it. */
    public static final String ARROW = " -> ";

    private final List<String> parts = new ArrayList<>();

    /** Adds {@code field: before -> after}, only when the two differ (collections compared as sets). */
    public AuditChanges changed(String field, Object before, Object after) {
        Object b = normalize(before);
        Object a = normalize(after);
        if (!Objects.equals(b, a)) {
            parts.add(field + ": " + b + ARROW + a);
        }
        return this;
    }

    /** Adds {@code field: value} (what a new record holds, or a fact of the action). */
    public AuditChanges value(String field, Object value) {
        parts.add(field + ": " + normalize(value));
        return this;
    }

    public boolean isEmpty() {
        return parts.isEmpty();
    }

    /** The text to record, or null when nothing was added. */
    public String text() {
        return parts.isEmpty() ? null : String.join(SEPARATOR, parts);
    }

    @Override
    public String toString() {
        return String.valueOf(text());
    }

    private static Object normalize(Object value) {
        if (value instanceof Collection<?> c) {
            // sorted, so the same set reads the same and compares equal
            TreeSet<String> sorted = new TreeSet<>();
            c.forEach(v -> sorted.add(String.valueOf(v)));
            return sorted;
        }
        return value instanceof String s && s.isBlank() ? null : value;
    }
}
