package ua.hromada.opendata.audit.rules;

import ua.hromada.opendata.api.Resource;
import ua.hromada.opendata.api.Severity;

/** The first row names the columns. */
public final class CsvHeaderRule extends CsvRule {
    public CsvHeaderRule() {
        super("csv-header", Severity.MAJOR);
    }

    @Override
    String judge(DatasetCheck c, Resource r, CsvProfile p) {
        return p.headerPresent() || p.columns() == 0 ? null
                : explain(c, "finding", r.name(), String.join(p.delimiter() == '\t' ? " " : String.valueOf(p.delimiter()), p.header()));
    }
}
