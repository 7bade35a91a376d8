package ua.hromada.opendata.audit.rules;

import ua.hromada.opendata.api.Severity;

/** A dataset must have its data: an uploaded file, or a link to the files or API. */
public final class ResourcesMissingRule extends AbstractAuditRule {

    public ResourcesMissingRule() {
        super("resources-missing", Severity.CRITICAL);
    }

    @Override
    public void check(DatasetCheck c, Findings out) {
        boolean links = c.dataset().links().stream().anyMatch(l -> l != null && !l.isBlank());
        if (c.resources().isEmpty() && !links) {
            out.add(this, null, explain(c, "finding"));
        }
    }
}
