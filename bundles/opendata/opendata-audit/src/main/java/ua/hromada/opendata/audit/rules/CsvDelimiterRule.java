package ua.hromada.opendata.audit.rules;

import ua.hromada.opendata.api.Resource;
import ua.hromada.opendata.api.Severity;

/** Cells separated by commas. */
public final class CsvDelimiterRule extends CsvRule {
    public CsvDelimiterRule() {
        super("csv-delimiter", Severity.MINOR);
    }

    @Override
    String judge(DatasetCheck c, Resource r, CsvProfile p) {
        if (p.delimiter() == ',' || p.columns() < 2) {
            return null;
        }
        String name = p.delimiter() == '\t' ? "табуляція" : "«" + p.delimiter() + "»";
        return explain(c, "finding", r.name(), name);
    }
}
