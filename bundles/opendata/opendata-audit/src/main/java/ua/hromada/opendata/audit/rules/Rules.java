package ua.hromada.opendata.audit.rules;

import java.util.List;

/** Every rule of the audit, in the order of the report's legend. */
public final class Rules {
    private Rules() {
    }

    public static List<AuditRule> all() {
        return List.of(new PassportMissingRule(), new PassportLengthRule(), new OverdueUpdateRule(),
                new ResourcesMissingRule(), new StructureMissingRule(), new NotMachineReadableRule(),
                new ScannedPdfRule(), new FormatMismatchRule(), new LinkUnreachableRule(), new LinkFormatRule(),
                new CsvEncodingRule(), new CsvDelimiterRule(), new CsvHeaderRule(), new CsvRaggedRule(),
                new CsvEmptyColumnsRule(), new CsvNoRowsRule());
    }
}
