package ua.hromada.opendata.audit.rules;

import ua.hromada.opendata.api.Resource;
import ua.hromada.opendata.api.Severity;

/** CSV in UTF-8. */
public final class CsvEncodingRule extends CsvRule {
    public CsvEncodingRule() {
        super("csv-encoding", Severity.MAJOR);
    }

    @Override
    String judge(DatasetCheck c, Resource r, CsvProfile p) {
        return p.utf8() ? null : explain(c, "finding", r.name(), p.encoding());
    }
}
