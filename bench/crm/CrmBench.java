package ua.hromada.crm.verification;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

import ua.hromada.crm.api.CaseQuery;
import ua.hromada.crm.api.CaseStatus;
import ua.hromada.crm.api.DocumentCondition;
import ua.hromada.crm.api.Topic;
import ua.hromada.crm.service.CrmTestSetup;

/**
 * ЦНАП CRM benchmark (issue 14), run by bench/crm/run.sh: bench/crm/data.sql into the throw-away
 * database of a {@link CrmTestSetup} (migrated, row-level security on as in the portal), then the
 * case list (first page and count, as the list view asks), the analytics and the load plan through
 * the real services, and the verification of one application with two scanned pages through the
 * real OCR engine. Prints the load section of bench/results/crm.md (markdown) to stdout.
 * In package ua.hromada.crm.verification for the verification tests' scan pages (ScanImages).
 */
public final class CrmBench {
    private static final int WARMUP = Integer.getInteger("bench.warmup", 5);
    private static final int RUNS = Integer.getInteger("bench.runs", 30);
    /** The list's count as the case list view asks it (CasesUi.COUNT_LIMIT): exact up to 1 000, else «понад 1 000». */
    private static final int LIST_COUNT = 1000;
    private static final int OCR_RUNS = Integer.getInteger("bench.ocrRuns", 5);

    private record Result(String name, String rows, double median, double p95, double goal) {
    }

    public static void main(String[] args) throws Exception {
        Path data = Path.of(args[0]);
        List<Result> results = new ArrayList<>();
        try (CrmTestSetup setup = new CrmTestSetup()) {
            long t0 = System.nanoTime();
            setup.execute(Files.readString(data, StandardCharsets.UTF_8).replace(":community", "'default'"));
            // as the portal's DataSource (config/org.ops4j.datasource-hromada.cfg): no JIT for each short query
            setup.execute("DO $$ BEGIN EXECUTE format('ALTER DATABASE %I SET jit = off', current_database()); END $$");
            double loadSeconds = (System.nanoTime() - t0) / 1e9;
            // What autovacuum does to a table after this many inserts on the portal's server (on by default
            // in PostgreSQL; this test server runs with it off): the visibility map index-only scans rely on.
            for (String table : List.of("service_card", "applicant", "service_case", "case_search", "case_month", "case_finding",
                    "queue_ticket", "queue_load")) {
                setup.execute("VACUUM (ANALYZE) crm." + table);
            }
            var cases = setup.cases();
            var analytics = setup.analytics();
            var queue = setup.queue();
            LocalDate today = setup.settings().today();
            LocalDate yearAgo = today.minusYears(1);
            LocalDate fiveYears = today.minusYears(5);

            results.add(time("case list: first page of 50 + count, all cases (head)", 200,
                    () -> cases.find(setup.head, CaseQuery.all(), 0, 50).size() + " of " + cases.countUpTo(setup.head, CaseQuery.all(), LIST_COUNT)));
            CaseQuery inBackOffice = new CaseQuery(CaseStatus.IN_BACK_OFFICE, false, 0, "", false);
            results.add(time("case list: status «in back office» + count", 200,
                    () -> cases.find(setup.head, inBackOffice, 0, 50).size() + " of " + cases.countUpTo(setup.head, inBackOffice, LIST_COUNT)));
            CaseQuery overdue = new CaseQuery(null, true, 0, "", false);
            results.add(time("case list: overdue + count", 200,
                    () -> cases.find(setup.head, overdue, 0, 50).size() + " of " + cases.countUpTo(setup.head, overdue, LIST_COUNT)));
            CaseQuery text = new CaseQuery(null, false, 0, "Шевченко", false);
            results.add(time("case list: text «Шевченко» + count", 200,
                    () -> cases.find(setup.head, text, 0, 50).size() + " of " + cases.countUpTo(setup.head, text, LIST_COUNT)));
            // the same page and capped count as V6's SQL gave them before V8 (row by row under row-level security)
            results.add(time("case list: text «Шевченко» + count, before V8 (V6's row-by-row SQL)", 200,
                    () -> setup.database().read(c -> beforeV8(c, "Шевченко"))));
            for (String rare : List.of("Шевченко-5", "1000003507")) {
                CaseQuery few = new CaseQuery(null, false, 0, rare, false);
                results.add(time("case list: text «" + rare + "» (few matches) + count", 200,
                        () -> cases.find(setup.head, few, 0, 50).size() + " of " + cases.countUpTo(setup.head, few, LIST_COUNT)));
                results.add(time("case list: text «" + rare + "» + count, before V8 (V6's row-by-row SQL)", 200,
                        () -> setup.database().read(c -> beforeV8(c, rare))));
            }
            results.add(time("case list: back-office inbox (unit3) + count", 200, () -> {
                var executor = CrmTestSetup.user(9, "exec3", "Виконавець", java.util.Set.of("unit3"), "crm.backoffice");
                CaseQuery mine = new CaseQuery(null, false, 0, "", true);
                return cases.find(executor, mine, 0, 50).size() + " of " + cases.countUpTo(executor, mine, LIST_COUNT);
            }));
            for (LocalDate from : List.of(yearAgo, fiveYears)) {
                String span = from == yearAgo ? "last 12 months" : "5 years";
                results.add(time("analytics: processing time per service, " + span, 200,
                        () -> String.valueOf(analytics.serviceTimes(setup.head, from, today).size())));
                results.add(time("analytics: SLA breaches, " + span, 200,
                        () -> String.valueOf(analytics.slaBreaches(setup.head, from, today).size())));
                results.add(time("analytics: verification findings by rule, " + span, 200,
                        () -> String.valueOf(analytics.findings(setup.head, from, today).size())));
                results.add(time("analytics: requests by service and month, " + span, 200,
                        () -> String.valueOf(analytics.topics(setup.head, from, today, Topic.SERVICE).size())));
                results.add(time("analytics: requests by queue group and month, " + span, 200,
                        () -> String.valueOf(analytics.topics(setup.head, from, today, Topic.QUEUE_GROUP).size())));
            }
            results.add(time("planning: load per hour and weekday, 8 weeks", 200,
                    () -> String.valueOf(queue.load(setup.head, 8).cells().size())));
            results.add(time("planning: load per hour and weekday, 52 weeks", 200,
                    () -> String.valueOf(queue.load(setup.head, 52).cells().size())));
            String crossCheck = CrmCrossCheck.run(setup);
            String ocr = verification(setup, results);
            System.out.print(report(results, loadSeconds, ocr, crossCheck));
        }
    }

    /** V6's page and capped count of a text, as CaseAccess sent them before V8 (head: every case). */
    private static String beforeV8(java.sql.Connection c, String text) throws java.sql.SQLException {
        String applicants = "IN (SELECT a2.id FROM crm.applicant a2 WHERE strpos(a2.search, (SELECT lower(?))) > 0)";
        int page = 0;
        try (var ps = c.prepareStatement("SELECT s.id FROM crm.service_case s JOIN crm.applicant a"
                + " ON a.community = s.community AND a.id = s.applicant_id WHERE (strpos(s.search, (SELECT lower(?))) > 0"
                + " OR s.applicant_id " + applicants + ") ORDER BY s.registered_at DESC, s.id DESC LIMIT 50 OFFSET 0")) {
            ps.setString(1, text);
            ps.setString(2, text);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    page++;
                }
            }
        }
        try (var ps = c.prepareStatement("SELECT count(*) FROM (SELECT 1 FROM crm.case_search cs WHERE strpos(cs.search,"
                + " (SELECT lower(?))) > 0 OR cs.applicant_id " + applicants + " LIMIT ?) capped")) {
            ps.setString(1, text);
            ps.setString(2, text);
            ps.setInt(3, LIST_COUNT + 1);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return page + " of " + rs.getInt(1);
            }
        }
    }

    /** One case with an ID card page and a taxpayer card page, verified again and again with the scans read anew. */
    private static String verification(CrmTestSetup setup, List<Result> results) throws IOException, java.sql.SQLException {
        if (!Files.isExecutable(Path.of("/usr/bin/tesseract"))) {
            return "missing: no tesseract on this machine, the verification was not measured";
        }
        long caseId;
        String last;
        String first;
        String tax;
        try (var c = setup.dataSource().getConnection(); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT c.id, a.last_name, a.first_name, a.tax_number FROM crm.service_case c"
                        + " JOIN crm.applicant a ON a.id = c.applicant_id WHERE c.status = 'REGISTERED'"
                        + " ORDER BY c.registered_at DESC LIMIT 1")) {
            rs.next();
            caseId = rs.getLong(1);
            last = rs.getString(2);
            first = rs.getString(3);
            tax = rs.getString(4);
        }
        String condition = Arrays.stream(DocumentCondition.values()).findFirst().orElseThrow().name();
        setup.execute("INSERT INTO crm.case_document (community, case_id, position, name, kind, condition, received) VALUES"
                + " ('default', " + caseId + ", 1, 'Паспорт громадянина України', 'IDENTITY', '" + condition + "', true),"
                + " ('default', " + caseId + ", 2, 'Картка платника податків', 'TAX_NUMBER', '" + condition + "', true)");
        List<Long> documents = new ArrayList<>();
        try (var c = setup.dataSource().getConnection(); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT id FROM crm.case_document WHERE case_id = " + caseId + " ORDER BY position")) {
            while (rs.next()) {
                documents.add(rs.getLong(1));
            }
        }
        byte[] idCard = ScanImages.png(ScanImages.page(ScanImages.idCard(last, first, "12.03.1985", tax, "001234567",
                "19850312-01234"), 7));
        byte[] taxCard = ScanImages.png(ScanImages.page(List.of("КАРТКА ПЛАТНИКА ПОДАТКІВ", "РНОКПП: " + tax,
                "Прізвище: " + last, "Ім’я: " + first), 11));
        setup.cases().attachScan(setup.administrator, caseId, documents.get(0), "pasport.png", idCard);
        setup.cases().attachScan(setup.administrator, caseId, documents.get(1), "rnokpp.png", taxCard);
        var verification = setup.verification(new TesseractScanReader(OcrSettings.defaults("tesseract")));
        long id = caseId;
        double[] ms = new double[OCR_RUNS];
        int findings = 0;
        for (int i = 0; i < OCR_RUNS; i++) {
            setup.execute("DELETE FROM crm.scan_reading"); // each run reads both pages again
            long start = System.nanoTime();
            findings = verification.verify(setup.administrator, id).size();
            ms[i] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(ms);
        results.add(new Result("verification of one case, 2 scanned pages (OCR ukr+eng), " + OCR_RUNS + " runs",
                findings + " findings", percentile(ms, 0.5), percentile(ms, 0.95), 5000));
        return "tesseract " + version();
    }

    private static String version() {
        try {
            Process p = new ProcessBuilder("tesseract", "--version").redirectErrorStream(true).start();
            String first = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines().findFirst().orElse("");
            p.waitFor();
            return first.replace("tesseract ", "");
        } catch (IOException | InterruptedException e) {
            return "?";
        }
    }

    private static Result time(String name, double goal, Supplier<String> work) {
        String rows = "";
        for (int i = 0; i < WARMUP; i++) {
            rows = work.get();
        }
        double[] ms = new double[RUNS];
        for (int i = 0; i < RUNS; i++) {
            long start = System.nanoTime();
            rows = work.get();
            ms[i] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(ms);
        System.err.printf(Locale.ROOT, "%-70s p50 %8.1f  p95 %8.1f%n", name, percentile(ms, 0.5), percentile(ms, 0.95));
        return new Result(name, rows, percentile(ms, 0.5), percentile(ms, 0.95), goal);
    }

    /** Nearest-rank percentile of sorted values. */
    private static double percentile(double[] sorted, double p) {
        int rank = (int) Math.ceil(p * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    private static String report(List<Result> results, double loadSeconds, String ocr, String crossCheck) {
        StringBuilder md = new StringBuilder();
        md.append("Data: 500 service cards (12 queue groups), 60 000 applicants, 200 000 cases over 5 years, ")
                .append("~66 700 verification findings, 120 000 hall tickets of the last year; generated by ")
                .append("bench/crm/data.sql in ").append(String.format(Locale.ROOT, "%.0f", loadSeconds))
                .append(" s, then VACUUM (ANALYZE) of its tables (as autovacuum does on a live server; this test server")
                .append(" runs with autovacuum off). Each query through the real service (JDBC, row-level security and jit=off")
                .append(" as in the portal): ")
                .append(WARMUP).append(" warm-up runs, then ").append(RUNS)
                .append(" timed runs, one at a time. OCR: ").append(ocr).append(".\n\n")
                .append("Cross-check (bench/crm/CrmCrossCheck.java): ").append(crossCheck).append(".\n\n");
        md.append("| what | rows | median ms | p95 ms | goal |\n|---|---|---:|---:|---|\n");
        for (Result r : results) {
            md.append(String.format(Locale.ROOT, "| %s | %s | %.1f | %.1f | < %.0f ms p95: %s |%n", r.name(), r.rows(),
                    r.median(), r.p95(), r.goal(), r.p95() < r.goal() ? "met" : "NOT met"));
        }
        return md.toString();
    }
}
