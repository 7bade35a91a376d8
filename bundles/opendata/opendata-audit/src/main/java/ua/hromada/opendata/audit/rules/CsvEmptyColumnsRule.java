package ua.hromada.opendata.audit.rules;

import java.util.stream.Collectors;

import ua.hromada.opendata.api.Resource;
import ua.hromada.opendata.api.Severity;

/** No column is empty in every row. */
public final class CsvEmptyColumnsRule extends CsvRule {
    public CsvEmptyColumnsRule() {
        super("csv-empty-columns", Severity.MINOR);
    }

    @Override
    String judge(DatasetCheck c, Resource r, CsvProfile p) {
        if (p.emptyColumns().isEmpty()) {
            return null;
        }
        String names = p.emptyColumns().stream().map(p::columnName).collect(Collectors.joining(", "));
        return explain(c, "finding", r.name(), names, p.rows());
    }
}
