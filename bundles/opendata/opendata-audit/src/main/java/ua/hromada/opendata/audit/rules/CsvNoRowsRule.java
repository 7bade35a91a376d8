package ua.hromada.opendata.audit.rules;

import ua.hromada.opendata.api.Resource;
import ua.hromada.opendata.api.Severity;

/** A CSV file has data rows, not only a header (or nothing). */
public final class CsvNoRowsRule extends CsvRule {
    public CsvNoRowsRule() {
        super("csv-no-rows", Severity.MAJOR);
    }

    @Override
    String judge(DatasetCheck c, Resource r, CsvProfile p) {
        return p.rows() > 0 ? null : explain(c, "finding", r.name());
    }
}
