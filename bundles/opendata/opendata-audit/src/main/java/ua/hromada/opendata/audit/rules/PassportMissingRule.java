package ua.hromada.opendata.audit.rules;

import java.util.ArrayList;
import java.util.List;

import ua.hromada.opendata.api.Dataset;
import ua.hromada.opendata.api.Severity;

/** The passport fields the national rules make mandatory, all present. */
public final class PassportMissingRule extends AbstractAuditRule {

    public PassportMissingRule() {
        super("passport-missing", Severity.CRITICAL);
    }

    @Override
    public void check(DatasetCheck c, Findings out) {
        Dataset d = c.dataset();
        List<String> missing = new ArrayList<>();
        blank(missing, "identifier", d.identifier());
        blank(missing, "title", d.title());
        blank(missing, "description", d.description());
        blank(missing, "language", d.language());
        if (d.formats().stream().allMatch(f -> f == null || f.isBlank())) {
            missing.add("formats");
        }
        if (d.published() && d.firstPublished() == null) {
            missing.add("firstPublished");
        }
        if (d.lastModified() == null) {
            missing.add("lastModified");
        }
        if (d.actualityDate() == null) {
            missing.add("actualityDate");
        }
        if (d.frequency() == null) {
            missing.add("frequency");
        }
        if (d.keywords().stream().allMatch(k -> k == null || k.isBlank())) {
            missing.add("keywords");
        }
        blank(missing, "responsiblePerson", d.responsiblePerson());
        blank(missing, "responsibleEmail", d.responsibleEmail());
        blank(missing, "legalBasis", d.legalBasis());
        blank(missing, "purpose", d.purpose());
        if (!missing.isEmpty()) {
            List<String> names = missing.stream().map(f -> c.texts().get("opendata.audit.field." + f)).toList();
            out.add(this, null, explain(c, "finding", String.join(", ", names)));
        }
    }

    private static void blank(List<String> missing, String field, String value) {
        if (value == null || value.isBlank()) {
            missing.add(field);
        }
    }
}
