package ua.hromada.crm.service.cards;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

import ua.hromada.portal.api.audit.AuditChanges;

/** The audited fields of a record (cards, applicants): what a new one holds or what a save changed. */
public final class AuditFields {

    private AuditFields() {
    }

    /** The fields of a new record ({@code before} null, blanks left out) or those a save changed, in order. */
    public static <T> AuditChanges describe(List<Map.Entry<String, Function<T, Object>>> fields, T now, T before) {
        AuditChanges changes = new AuditChanges();
        for (Map.Entry<String, Function<T, Object>> f : fields) {
            Object value = f.getValue().apply(now);
            if (before != null) {
                changes.changed(f.getKey(), f.getValue().apply(before), value);
            } else if (value != null && !"".equals(value)) {
                changes.value(f.getKey(), value);
            }
        }
        return changes;
    }
}
