package ua.hromada.opendata.audit.report;

import java.awt.Color;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import ua.hromada.opendata.api.OpendataAudit.Compliance;
import ua.hromada.opendata.api.OpendataAudit.Rule;
import ua.hromada.opendata.api.OpendataAudit.Score;
import ua.hromada.opendata.api.OfficialRequest;
import ua.hromada.opendata.audit.report.Blocks.Block;
import ua.hromada.opendata.audit.report.Blocks.Chart;
import ua.hromada.opendata.audit.report.Blocks.Heading;
import ua.hromada.opendata.audit.report.Blocks.Table;
import ua.hromada.opendata.audit.report.Blocks.Text;
import ua.hromada.opendata.audit.report.Blocks.Title;
import ua.hromada.opendata.audit.rules.Texts;
import ua.hromada.portal.api.calendar.DisplayFormats;

/** The analytical report's content as blocks: summary, scores, compliance, findings by rule, requests, legend. */
final class ReportLayout {
    static final Color GOOD = new Color(46, 125, 50);
    static final Color WARN = new Color(239, 108, 0);
    static final Color BAD = new Color(198, 40, 40);
    static final Color MINOR = new Color(150, 150, 150);
    /** Bars per chart; longer lists continue in the next chart. */
    private static final int BARS_PER_CHART = 40;
    /** Wider matrices go to the workbook only. */
    private static final int MATRIX_MAX_COLUMNS = 12;

    private final Texts texts;

    ReportLayout(Texts texts) {
        this.texts = texts;
    }

    String documentTitle(ReportData d) {
        return texts.get("opendata.audit.report.title") + " " + texts.get("opendata.audit.report.asOf", DisplayFormats.DATE.format(d.asOf()));
    }

    List<Block> blocks(ReportData d) {
        List<Block> b = new ArrayList<>();
        b.add(new Title(texts.get("opendata.audit.report.title"), texts.get("opendata.audit.report.asOf", DisplayFormats.DATE.format(d.asOf()))));
        LocalDateTime finished = LocalDateTime.ofInstant(d.run().finishedAt(), d.zone());
        b.add(new Text(texts.get("opendata.audit.report.run", String.valueOf(d.run().id()), DisplayFormats.DATE_TIME.format(finished),
                d.run().datasetsChecked(), d.run().findings(), score(d.run().score())), false));
        if (d.notice() != null) {
            b.add(new Text(d.notice(), true));
        }
        b.add(new Text(texts.get("opendata.audit.report.scoring", number(d.settings().weightCritical()),
                number(d.settings().weightMajor()), number(d.settings().weightMinor())), true));
        managers(b, d);
        compliance(b, d);
        rules(b, d);
        requests(b, d);
        legend(b, d);
        explanations(b, d);
        return b;
    }

    private void managers(List<Block> b, ReportData d) {
        b.add(new Heading(texts.get("opendata.audit.report.section.managers")));
        List<Score> scores = d.managers();
        for (int from = 0; from < scores.size(); from += BARS_PER_CHART) {
            List<Score> part = scores.subList(from, Math.min(scores.size(), from + BARS_PER_CHART));
            b.add(new Chart(from == 0 ? texts.get("opendata.audit.report.chart.scores") : null,
                    part.stream().map(Score::name).toList(), part.stream().mapToDouble(Score::score).toArray(),
                    part.stream().map(s -> s.score() >= 80 ? GOOD : s.score() >= 50 ? WARN : BAD).toArray(Color[]::new), 100));
        }
        List<List<String>> rows = new ArrayList<>();
        for (Score s : scores) {
            rows.add(List.of(s.name(), nz(d.edrpou().get(s.subjectId())),
                    String.valueOf(d.managerDatasets().getOrDefault(s.subjectId(), 0)), String.valueOf(s.findings()),
                    score(s.score())));
        }
        b.add(table(new float[] {6, 2, 1.3f, 1.3f, 1.3f}, rows, "manager", "edrpou", "datasets", "findings", "score"));
    }

    private void compliance(List<Block> b, ReportData d) {
        b.add(new Heading(texts.get("opendata.audit.report.section.compliance")));
        int[] totals = d.complianceTotals();
        if (totals[0] + totals[1] + totals[2] == 0) {
            b.add(new Text(texts.get("opendata.audit.report.noObligations"), true));
            return;
        }
        b.add(new Chart(texts.get("opendata.audit.report.chart.compliance"),
                List.of(texts.get("opendata.audit.compliance.PUBLISHED"),
                        texts.get("opendata.audit.compliance.PUBLISHED_WITH_PROBLEMS"),
                        texts.get("opendata.audit.compliance.MISSING")),
                new double[] {totals[0], totals[1], totals[2]}, new Color[] {GOOD, WARN, BAD}, 0));
        List<List<String>> summary = new ArrayList<>();
        for (int r = 0; r < d.matrix().managers().size(); r++) {
            int[] c = d.complianceCounts(r);
            if (c[0] + c[1] + c[2] > 0) {
                summary.add(List.of(d.matrix().managers().get(r).name(), String.valueOf(c[0]), String.valueOf(c[1]),
                        String.valueOf(c[2])));
            }
        }
        b.add(table(new float[] {6, 1.6f, 1.6f, 1.6f}, summary, "manager", "published", "withProblems", "missing"));
        int columns = d.matrix().obligations().size();
        if (columns > MATRIX_MAX_COLUMNS) {
            b.add(new Text(texts.get("opendata.audit.report.matrixInWorkbook"), true));
            return;
        }
        float[] widths = new float[columns + 1];
        widths[0] = 6;
        for (int i = 1; i <= columns; i++) {
            widths[i] = 1;
        }
        // columns are numbered: a code (budget-programmes) is English and a title does not fit a narrow
        // column without breaking words; the legend below names each number in Ukrainian
        List<String> header = new ArrayList<>();
        header.add(texts.get("opendata.audit.report.col.manager"));
        for (int i = 1; i <= columns; i++) {
            header.add(String.valueOf(i));
        }
        List<List<String>> rows = new ArrayList<>();
        for (int r = 0; r < d.matrix().managers().size(); r++) {
            List<String> row = new ArrayList<>();
            row.add(d.matrix().managers().get(r).name());
            for (Compliance c : d.matrix().cells().get(r)) {
                row.add(switch (c) {
                    case PUBLISHED -> "✓";
                    case PUBLISHED_WITH_PROBLEMS -> "!";
                    case MISSING -> "✗";
                    case NOT_APPLICABLE -> "—";
                });
            }
            rows.add(row);
        }
        b.add(new Table(widths, header, rows, true));
        b.add(new Text(texts.get("opendata.audit.report.matrixLegend"), true));
        List<List<String>> legend = new ArrayList<>();
        for (int i = 0; i < columns; i++) {
            legend.add(List.of(String.valueOf(i + 1), d.matrix().obligations().get(i).title()));
        }
        b.add(table(new float[] {0.8f, 8}, legend, "columnNumber", "obligation"));
    }

    private void rules(List<Block> b, ReportData d) {
        b.add(new Heading(texts.get("opendata.audit.report.section.rules")));
        List<Rule> found = d.rules().stream().filter(r -> d.findingsByRule().getOrDefault(r.id(), 0) > 0).toList();
        if (found.isEmpty()) {
            b.add(new Text(texts.get("opendata.audit.report.noFindings"), true));
            return;
        }
        b.add(new Chart(texts.get("opendata.audit.report.chart.rules"), found.stream().map(Rule::title).toList(),
                found.stream().mapToDouble(r -> d.findingsByRule().get(r.id())).toArray(),
                found.stream().map(r -> switch (r.severity()) {
                    case CRITICAL -> BAD;
                    case MAJOR -> WARN;
                    case MINOR -> MINOR;
                }).toArray(Color[]::new), 0));
        b.add(table(new float[] {6, 2, 1.5f}, found.stream().map(r -> List.of(r.title(),
                texts.get("opendata.audit.severity." + r.severity().name()), String.valueOf(d.findingsByRule().get(r.id()))))
                .toList(), "rule", "severity", "count"));
    }

    private void requests(List<Block> b, ReportData d) {
        b.add(new Heading(texts.get("opendata.audit.report.section.requests")));
        if (d.requests().isEmpty()) {
            b.add(new Text(texts.get("opendata.audit.report.noRequests"), true));
            return;
        }
        List<List<String>> rows = new ArrayList<>();
        for (OfficialRequest r : d.requests()) {
            boolean answered = r.answeredOn() != null && !r.answeredOn().isAfter(d.asOf());
            String answer = answered ? DisplayFormats.DATE.format(r.answeredOn())
                    : r.dueOn() != null && r.dueOn().isBefore(d.asOf()) ? texts.get("opendata.audit.report.overdue") : "";
            rows.add(List.of(r.number(), DisplayFormats.DATE.format(r.sentOn()), r.managerName(), r.subject(),
                    DisplayFormats.date(r.dueOn()), answer));
        }
        b.add(table(new float[] {1.6f, 1.5f, 3.5f, 4, 1.6f, 1.8f}, rows, "number", "sentOn", "manager", "subject", "dueOn",
                "answeredOn"));
    }

    private void legend(List<Block> b, ReportData d) {
        b.add(new Heading(texts.get("opendata.audit.report.section.legend")));
        b.add(table(new float[] {3, 1.6f, 7}, d.rules().stream().map(r -> List.of(r.title() + " (" + r.id() + ")",
                texts.get("opendata.audit.severity." + r.severity().name()), r.description())).toList(),
                "rule", "severity", "description"));
    }

    /** What each rule asks and how a finding is fixed: the text data managers see next to their findings. */
    private void explanations(List<Block> b, ReportData d) {
        b.add(new Heading(texts.get("opendata.audit.report.section.explanations")));
        b.add(table(new float[] {3, 8.6f}, d.rules().stream().map(r -> List.of(r.title() + " (" + r.id() + ")",
                d.explanations().getOrDefault(r.id(), ""))).toList(), "rule", "methodical"));
    }

    private Table table(float[] widths, List<List<String>> rows, String... columnKeys) {
        List<String> header = new ArrayList<>();
        for (String key : columnKeys) {
            header.add(texts.get("opendata.audit.report.col." + key));
        }
        return new Table(widths, header, rows, false);
    }

    static String score(Double score) {
        return score == null ? "—" : String.format(Locale.ROOT, "%.1f", score).replace('.', ',');
    }

    static String number(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.format(Locale.ROOT, "%.1f", v).replace('.', ',');
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
