package ua.hromada.opendata.audit.report;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import ua.hromada.opendata.api.AuditRun;
import ua.hromada.opendata.api.OpendataAudit.ComplianceMatrix;
import ua.hromada.opendata.api.OpendataAudit.Rule;
import ua.hromada.opendata.api.OpendataAudit.Score;
import ua.hromada.opendata.api.Finding;
import ua.hromada.opendata.api.OfficialRequest;
import ua.hromada.opendata.audit.AuditSettings;

/**
 * Everything the report of one date shows, read once, so the PDF and the workbook are the same tables.
 *
 * @param managerDatasets datasets checked per manager id
 * @param findingsByRule  findings per rule id
 * @param edrpou          ЄДРПОУ per manager id
 * @param resourceNames   the file name (or link) of each resource a finding is about, by its id
 * @param explanations    the methodical explanation of each rule (the community's own or the shipped), by rule id
 * @param notice          what the run says besides its findings (links left unchecked by the day's budget), or null
 */
public record ReportData(LocalDate asOf, AuditRun run, ZoneId zone, AuditSettings settings, List<Score> managers,
        Map<Long, Integer> managerDatasets, Map<Long, String> edrpou, List<Score> datasets, ComplianceMatrix matrix,
        List<Rule> rules, Map<String, Integer> findingsByRule, List<Finding> findings, List<OfficialRequest> requests,
        Map<Long, String> resourceNames, Map<String, String> explanations, String notice) {

    /** Published / with problems / missing cells of a matrix row (a manager). */
    public int[] complianceCounts(int row) {
        int[] counts = new int[3];
        for (var cell : matrix.cells().get(row)) {
            switch (cell) {
                case PUBLISHED -> counts[0]++;
                case PUBLISHED_WITH_PROBLEMS -> counts[1]++;
                case MISSING -> counts[2]++;
                default -> {
                }
            }
        }
        return counts;
    }

    public int[] complianceTotals() {
        int[] totals = new int[3];
        for (int r = 0; r < matrix.managers().size(); r++) {
            int[] c = complianceCounts(r);
            for (int i = 0; i < 3; i++) {
                totals[i] += c[i];
            }
        }
        return totals;
    }
}
