package ua.hromada.opendata.audit.rules;

import java.util.stream.Collectors;

import ua.hromada.opendata.api.Resource;
import ua.hromada.opendata.api.Severity;

/** Every row has as many cells as the first. */
public final class CsvRaggedRule extends CsvRule {
    public CsvRaggedRule() {
        super("csv-ragged", Severity.MAJOR);
    }

    @Override
    String judge(DatasetCheck c, Resource r, CsvProfile p) {
        if (p.raggedRows() == 0) {
            return null;
        }
        String lines = p.raggedLines().stream().map(String::valueOf).collect(Collectors.joining(", "));
        return explain(c, "finding", r.name(), p.raggedRows(), p.columns(), lines);
    }
}
