package ua.hromada.opendata.audit.report;

import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDateTime;
import java.util.List;
import java.util.function.Function;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

import ua.hromada.opendata.api.OpendataAudit.Compliance;
import ua.hromada.opendata.api.OpendataAudit.Rule;
import ua.hromada.opendata.api.OpendataAudit.Score;
import ua.hromada.opendata.api.Finding;
import ua.hromada.opendata.api.OfficialRequest;
import ua.hromada.opendata.audit.rules.Texts;

/** The report's tables as an XLSX workbook (fastexcel streams it: 100 000 findings are fine). */
public final class XlsxReport {
    private static final String DATE_FORMAT = "dd.mm.yyyy";
    private final Texts texts;

    public XlsxReport(Texts texts) {
        this.texts = texts;
    }

    public void write(ReportData d, OutputStream out) throws IOException {
        Workbook wb = new Workbook(out, "Hromada", "1.0");
        summary(wb.newWorksheet(sheet("summary")), d);
        managers(wb.newWorksheet(sheet("managers")), d);
        matrix(wb.newWorksheet(sheet("matrix")), d);
        byRule(wb.newWorksheet(sheet("rules")), d);
        datasets(wb.newWorksheet(sheet("datasets")), d);
        findings(wb.newWorksheet(sheet("findings")), d);
        requests(wb.newWorksheet(sheet("requests")), d);
        legend(wb.newWorksheet(sheet("legend")), d);
        Worksheet explanations = wb.newWorksheet(sheet("explanations"));
        rules(explanations, d, "methodical", r -> d.explanations().getOrDefault(r.id(), ""));
        explanations.width(1, 40);
        explanations.width(3, 120);
        wb.finish();
    }

    private void summary(Worksheet ws, ReportData d) {
        ws.value(0, 0, texts.get("opendata.audit.report.title"));
        ws.style(0, 0).bold().set();
        String[] keys = {"asOf", "run", "finishedAt", "datasets", "findings", "score", "managers"};
        for (int i = 0; i < keys.length; i++) {
            ws.value(i + 2, 0, texts.get("opendata.audit.report.summary." + keys[i]));
        }
        ws.value(2, 1, d.asOf());
        ws.style(2, 1).format(DATE_FORMAT).set();
        ws.value(3, 1, d.run().id());
        ws.value(4, 1, LocalDateTime.ofInstant(d.run().finishedAt(), d.zone()));
        ws.style(4, 1).format("dd.mm.yyyy hh:mm").set();
        ws.value(5, 1, d.run().datasetsChecked());
        ws.value(6, 1, d.run().findings());
        if (d.run().score() != null) {
            ws.value(7, 1, round(d.run().score()));
        }
        ws.value(8, 1, d.managers().size());
        ws.value(10, 0, texts.get("opendata.audit.report.scoring", ReportLayout.number(d.settings().weightCritical()),
                ReportLayout.number(d.settings().weightMajor()), ReportLayout.number(d.settings().weightMinor())));
        ws.width(0, 28);
        ws.width(1, 20);
    }

    private void managers(Worksheet ws, ReportData d) {
        header(ws, "manager", "edrpou", "datasets", "findings", "score", "published", "withProblems", "missing");
        java.util.Map<Long, Integer> rowOf = new java.util.HashMap<>();
        for (int i = 0; i < d.matrix().managers().size(); i++) {
            rowOf.put(d.matrix().managers().get(i).id(), i);
        }
        int r = 1;
        for (Score s : d.managers()) {
            ws.value(r, 0, s.name());
            ws.value(r, 1, d.edrpou().get(s.subjectId()));
            ws.value(r, 2, d.managerDatasets().getOrDefault(s.subjectId(), 0));
            ws.value(r, 3, s.findings());
            ws.value(r, 4, round(s.score()));
            Integer row = rowOf.get(s.subjectId());
            if (row != null) {
                int[] c = d.complianceCounts(row);
                ws.value(r, 5, c[0]);
                ws.value(r, 6, c[1]);
                ws.value(r, 7, c[2]);
            }
            r++;
        }
        ws.width(0, 50);
    }

    private void matrix(Worksheet ws, ReportData d) {
        ws.value(0, 0, texts.get("opendata.audit.report.col.manager"));
        ws.style(0, 0).bold().set();
        List<ua.hromada.opendata.api.Obligation> obligations = d.matrix().obligations();
        for (int c = 0; c < obligations.size(); c++) {
            ws.value(0, c + 1, obligations.get(c).title());
            ws.style(0, c + 1).bold().wrapText(true).set();
            ws.width(c + 1, 18);
        }
        for (int r = 0; r < d.matrix().managers().size(); r++) {
            ws.value(r + 1, 0, d.matrix().managers().get(r).name());
            List<Compliance> row = d.matrix().cells().get(r);
            for (int c = 0; c < row.size(); c++) {
                ws.value(r + 1, c + 1, texts.get("opendata.audit.compliance." + row.get(c).name()));
                String fill = switch (row.get(c)) {
                    case PUBLISHED -> "C8E6C9";
                    case PUBLISHED_WITH_PROBLEMS -> "FFE0B2";
                    case MISSING -> "FFCDD2";
                    case NOT_APPLICABLE -> null;
                };
                if (fill != null) {
                    ws.style(r + 1, c + 1).fillColor(fill).set();
                }
            }
        }
        ws.width(0, 50);
    }

    private void byRule(Worksheet ws, ReportData d) {
        rules(ws, d, "count", rule -> d.findingsByRule().getOrDefault(rule.id(), 0));
        ws.width(1, 50);
    }

    /** One row per rule: its id, title, severity, and the given last column. */
    private void rules(Worksheet ws, ReportData d, String lastKey, Function<Rule, Object> last) {
        header(ws, "ruleId", "rule", "severity", lastKey);
        int r = 1;
        for (Rule rule : d.rules()) {
            ws.value(r, 0, rule.id());
            ws.value(r, 1, rule.title());
            ws.value(r, 2, texts.get("opendata.audit.severity." + rule.severity().name()));
            Object value = last.apply(rule);
            if (value instanceof Number n) {
                ws.value(r, 3, n);
            } else {
                ws.value(r, 3, (String) value);
            }
            r++;
        }
    }

    private void datasets(Worksheet ws, ReportData d) {
        header(ws, "dataset", "findings", "score");
        int r = 1;
        for (Score s : d.datasets()) {
            ws.value(r, 0, s.name());
            ws.value(r, 1, s.findings());
            ws.value(r, 2, round(s.score()));
            r++;
        }
        ws.width(0, 60);
    }

    private void findings(Worksheet ws, ReportData d) {
        header(ws, "dataset", "manager", "ruleId", "severity", "resource", "explanation");
        java.util.Map<Long, String> managers = new java.util.HashMap<>();
        d.managers().forEach(s -> managers.put(s.subjectId(), s.name()));
        int r = 1;
        for (Finding f : d.findings()) {
            ws.value(r, 0, f.datasetTitle());
            ws.value(r, 1, managers.get(f.managerId()));
            ws.value(r, 2, f.rule());
            ws.value(r, 3, texts.get("opendata.audit.severity." + f.severity().name()));
            if (f.resourceId() != null) {
                ws.value(r, 4, d.resourceNames().getOrDefault(f.resourceId(), String.valueOf(f.resourceId())));
            }
            ws.value(r, 5, f.explanation());
            r++;
        }
        ws.width(0, 40);
        ws.width(1, 40);
        ws.width(5, 100);
    }

    private void requests(Worksheet ws, ReportData d) {
        header(ws, "number", "sentOn", "manager", "subject", "dueOn", "answeredOn", "answer", "linkedFindings");
        int r = 1;
        for (OfficialRequest q : d.requests()) {
            boolean answered = q.answeredOn() != null && !q.answeredOn().isAfter(d.asOf());
            ws.value(r, 0, q.number());
            date(ws, r, 1, q.sentOn());
            ws.value(r, 2, q.managerName());
            ws.value(r, 3, q.subject());
            date(ws, r, 4, q.dueOn());
            if (answered) {
                date(ws, r, 5, q.answeredOn());
                ws.value(r, 6, q.answer());
            } else if (q.dueOn() != null && q.dueOn().isBefore(d.asOf())) {
                ws.value(r, 5, texts.get("opendata.audit.report.overdue"));
            }
            ws.value(r, 7, q.findingIds().size());
            r++;
        }
        ws.width(2, 40);
        ws.width(3, 50);
    }

    private void legend(Worksheet ws, ReportData d) {
        rules(ws, d, "description", Rule::description);
        ws.width(1, 40);
        ws.width(3, 120);
    }

    private void header(Worksheet ws, String... keys) {
        for (int c = 0; c < keys.length; c++) {
            ws.value(0, c, texts.get("opendata.audit.report.col." + keys[c]));
            ws.style(0, c).bold().set();
        }
    }

    private static void date(Worksheet ws, int r, int c, java.time.LocalDate day) {
        if (day != null) {
            ws.value(r, c, day);
            ws.style(r, c).format(DATE_FORMAT).set();
        }
    }

    private String sheet(String key) {
        return texts.get("opendata.audit.report.sheet." + key);
    }

    private static double round(double v) {
        return Math.round(v * 10) / 10.0;
    }
}
