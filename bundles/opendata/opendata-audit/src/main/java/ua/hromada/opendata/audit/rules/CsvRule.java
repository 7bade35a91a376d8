package ua.hromada.opendata.audit.rules;

import ua.hromada.opendata.api.Resource;
import ua.hromada.opendata.api.Severity;

/** A rule over the profile of each uploaded CSV file (one read serves them all). */
abstract class CsvRule extends AbstractAuditRule {

    CsvRule(String id, Severity severity) {
        super(id, severity);
    }

    @Override
    public final void check(DatasetCheck c, Findings out) {
        for (Resource r : c.resources()) {
            c.csv(r).filter(CsvProfile::textual).ifPresent(p -> {
                String text = judge(c, r, p);
                if (text != null) {
                    out.add(this, r.id(), text);
                }
            });
        }
    }

    /** The explanation of a finding about this file, or null. */
    abstract String judge(DatasetCheck c, Resource r, CsvProfile p);
}
