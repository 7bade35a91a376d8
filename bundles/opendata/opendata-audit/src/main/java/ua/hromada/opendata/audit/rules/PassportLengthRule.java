package ua.hromada.opendata.audit.rules;

import ua.hromada.opendata.api.Dataset;
import ua.hromada.opendata.api.Severity;

/** Title at most 254 characters, description at most 4 000. */
public final class PassportLengthRule extends AbstractAuditRule {
    static final int MAX_TITLE = 254;
    static final int MAX_DESCRIPTION = 4000;

    public PassportLengthRule() {
        super("passport-length", Severity.MAJOR);
    }

    @Override
    public void check(DatasetCheck c, Findings out) {
        Dataset d = c.dataset();
        if (d.title() != null && d.title().length() > MAX_TITLE) {
            out.add(this, null, explain(c, "overTitle", d.title().length(), MAX_TITLE));
        }
        if (d.description() != null && d.description().length() > MAX_DESCRIPTION) {
            out.add(this, null, explain(c, "overDescription", d.description().length(), MAX_DESCRIPTION));
        }
    }
}
