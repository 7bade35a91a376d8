package ua.hromada.oks.service;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import org.flywaydb.core.Flyway;

import ua.hromada.oks.api.OksPermissions;
import ua.hromada.oks.api.ViolationQuery;
import ua.hromada.portal.api.map.BoundingBox;
import ua.hromada.portal.api.PortalUser;
import ua.hromada.portal.testing.TestDatabase;

/**
 * The OKS benchmark (bench/oks/run.sh): 100 000 violations with 1 000 000 journal rows generated in
 * SQL, then the analytics page's queries and the map's bounding-box query timed through the real
 * services. Writes bench/results/oks.md. Not a test: run by the script.
 */
public final class OksBench {
    private static final double SOUTH = 49.50, WEST = 34.42, NORTH = 49.66, EAST = 34.68;

    public static void main(String[] args) throws Exception {
        int violations = Integer.getInteger("bench.violations", 100_000);
        int runs = Integer.getInteger("bench.runs", 50);
        int warmup = Integer.getInteger("bench.warmup", 10);
        Path out = Path.of(System.getProperty("bench.out", "bench/results/oks.md"));
        boolean keep = Boolean.getBoolean("bench.keepDb");
        TestDatabase db = TestDatabase.create();
        try {
            db.execute("CREATE EXTENSION IF NOT EXISTS postgis");
            Flyway.configure().dataSource(db.dataSource()).schemas("oks").createSchemas(true)
                    .locations("classpath:db/migration/oks").load().migrate();
            long t0 = System.nanoTime();
            generate(db, violations);
            double genSeconds = (System.nanoTime() - t0) / 1e9;
            long journalRows = count(db, "SELECT count(*) FROM oks.journal");

            // as the portal's datasource (config/org.ops4j.datasource-hromada.cfg): no JIT for short queries
            db.dataSource().setOptions(System.getProperty("bench.pgOptions", "-c jit=off"));
            // -Dbench.rls=true: as the portal runs it, the application role under row-level security
            boolean rls = Boolean.getBoolean("bench.rls");
            if (rls) {
                db.isolate("oks");
            }
            OksDatabase oks = new OksDatabase(rls ? db.communityDataSource("default") : db.dataSource(),
                    new ua.hromada.portal.testing.TestCommunities(), Clock.systemUTC());
            OksSettings settings = new OksSettings(10 << 20, 40_000_000L, 14, 1, null, ZoneId.of("Europe/Kyiv"), 1500);
            ViolationsImpl service = new ViolationsImpl(oks, settings,
                    new ua.hromada.portal.jobs.JobPools(Map.of()).forModule("oks-bench"));
            OksAnalyticsImpl analytics = new OksAnalyticsImpl(oks, settings);
            PortalUser boss = new PortalUser(1, "boss", "Керівник", Set.of(), Set.of(OksPermissions.VIEW));
            PortalUser executor = new PortalUser(2, "exec1", "Виконавець", Set.of(), Set.of(OksPermissions.EXECUTE));
            LocalDate today = LocalDate.now(ZoneId.of("Europe/Kyiv"));

            Map<String, Supplier<Object>> cases = new LinkedHashMap<>();
            cases.put("analytics (a) by status group", () -> analytics.byStatusGroup(boss));
            cases.put("analytics (b) by responsibility", () -> analytics.byResponsibility(boss));
            cases.put("analytics (c) by action code", () -> analytics.byAction(boss));
            cases.put("analytics (d) period report, last 30 days", () -> analytics.periodReport(boss, today.minusDays(30), today));
            cases.put("analytics (d) period report, last 365 days", () -> analytics.periodReport(boss, today.minusDays(365), today));
            cases.put("analytics (a) as an executor (own organisation)", () -> analytics.byStatusGroup(executor));
            cases.put("list: first page of 50 + count (current, newest)", () -> {
                service.count(boss, ViolationQuery.current());
                return service.search(boss, ViolationQuery.current());
            });
            cases.put("list: cell drill-down 3-9 older than 7 days", () -> {
                ViolationQuery q = new ViolationQuery(null, 9, null, 7, null, null, null, null, null, null, null, null,
                        null, null, 0, 50);
                service.count(boss, q);
                return service.search(boss, q);
            });
            // the map page's own call (the current cases, no filter set)
            ViolationMapImpl map = new ViolationMapImpl(oks, settings);
            cases.put("map bbox: whole community, zoom 12 (aggregated)",
                    () -> map.markers(boss, ViolationQuery.current(), new BoundingBox(SOUTH, WEST, NORTH, EAST), 12));
            cases.put("map bbox: district, zoom 14",
                    () -> map.markers(boss, ViolationQuery.current(), new BoundingBox(49.57, 34.52, 49.61, 34.58), 14));
            cases.put("map bbox: streets, zoom 16",
                    () -> map.markers(boss, ViolationQuery.current(), new BoundingBox(49.585, 34.545, 49.592, 34.558), 16));
            cases.put("map bbox: street, zoom 18 (points)",
                    () -> map.markers(boss, ViolationQuery.current(), new BoundingBox(49.5880, 34.5500, 49.5895, 34.5530), 18));

            Map<String, double[]> results = new LinkedHashMap<>();
            Map<String, Integer> sizes = new LinkedHashMap<>();
            for (var e : cases.entrySet()) {
                for (int i = 0; i < warmup; i++) {
                    e.getValue().get();
                }
                double[] ms = new double[runs];
                Object last = null;
                for (int i = 0; i < runs; i++) {
                    long s = System.nanoTime();
                    last = e.getValue().get();
                    ms[i] = (System.nanoTime() - s) / 1e6;
                }
                Arrays.sort(ms);
                results.put(e.getKey(), ms);
                sizes.put(e.getKey(), last instanceof List<?> l ? l.size()
                        : last instanceof ua.hromada.oks.api.OksAnalytics.PeriodReport r ? (int) r.registered() : -1);
                System.out.printf(Locale.ROOT, "%-55s p50 %7.2f ms  p95 %7.2f ms%n", e.getKey(), pct(ms, 50), pct(ms, 95));
            }
            write(out, violations, journalRows, genSeconds, runs, warmup, results, sizes);
            service.deactivate();
        } finally {
            if (keep) {
                System.out.println("Kept database " + db.name());
            } else {
                db.close();
            }
        }
    }

    /**
     * Violations over the community with 10 journal rows each on average, in plausible step chains;
     * registered over the last year in id order, as a live system inserts them.
     */
    private static void generate(TestDatabase db, int n) {
        db.execute("INSERT INTO oks.executor_org (name, email, active) SELECT 'Виконавець ' || g, 'exec' || g"
                + " || '@example.org', true FROM generate_series(1, 20) g");
        db.execute("INSERT INTO oks.executor_member (org_id, username) SELECT id, 'exec' || id FROM oks.executor_org");
        // ten chains, one per id % 10; each ends in a different status
        db.execute("CREATE TABLE oks.bench_chain (k int, steps text[])");
        db.execute("INSERT INTO oks.bench_chain VALUES"
                + " (0, ARRAY['DETECTED','SENT','ACCEPTED','REPORTED','RETURNED','EXTENDED','REPORTED','RETURNED','REPORTED','CONFIRMED']),"
                + " (1, ARRAY['DETECTED','SENT','ACCEPTED','REPORTED','RETURNED','REPORTED','RETURNED','REPORTED','CONFIRMED','ARCHIVED']),"
                + " (2, ARRAY['DETECTED','SENT','REDIRECTED','REDIRECTED','EXTENDED','EXTENDED','REPORTED','RETURNED','EXTENDED','REPORTED']),"
                + " (3, ARRAY['DETECTED','SENT','ACCEPTED','EXTENDED','EXTENDED','EXTENDED','REPORTED','RETURNED','EXTENDED','EXTENDED']),"
                + " (4, ARRAY['DETECTED_URGENT','SENT','ACCEPTED','DISPUTED','REDIRECTED','ACCEPTED','DISPUTED','EXTENDED','DISPUTED','REDIRECTED']),"
                + " (5, ARRAY['DETECTED','SENT','ACCEPTED','DISPUTED','REDIRECTED','REDIRECTED','EXTENDED','DISPUTED','EXTENDED','DISPUTED']),"
                + " (6, ARRAY['DETECTED','SENT','ACCEPTED','REPORTED','RETURNED','REPORTED','RETURNED','REPORTED','RETURNED','REPORTED']),"
                + " (7, ARRAY['DETECTED','SENT','ACCEPTED','REPORTED','RETURNED','REPORTED','RETURNED','REPORTED','CONFIRMED','ARCHIVED']),"
                + " (8, ARRAY['DETECTED','SENT','REDIRECTED','ACCEPTED'] || array_fill('EXTENDED'::text, ARRAY[15])),"
                + " (9, ARRAY['DETECTED'])");
        db.execute("INSERT INTO oks.violation (id, inspector, inspector_name, created_at, deadline, type_id, description,"
                + " address, location, urgency)"
                + " SELECT g, 'insp' || (g % 15), 'Інспектор ' || (g % 15),"
                + " now() - ((" + n + " - g)::float8 / " + n + " * 365 + random() * 0.5) * interval '1 day', NULL, 1 + g % 5,"
                + " 'Порушення номер ' || g,"
                + " 'вул. Тестова, ' || (g % 300), ST_SetSRID(ST_MakePoint(" + WEST + " + random() * " + (EAST - WEST)
                + ", " + SOUTH + " + random() * " + (NORTH - SOUTH) + "), 4326),"
                + " CASE WHEN g % 10 = 4 THEN 'URGENT' ELSE 'NORMAL' END FROM generate_series(1, " + n + ") g");
        db.execute("SELECT setval('oks.violation_id_seq', " + n + ")");
        // step i of a chain happens i * (gap) after registration, never after now
        db.execute("INSERT INTO oks.journal (violation_id, at, author, author_name, action_kind, comment, deadline, executor_id)"
                + " SELECT v.id, least(now() - interval '1 minute', v.created_at + (s.i - 1) * ((now() - v.created_at) / (array_length(c.steps, 1) + 1))),"
                + " 'insp1', 'Інспектор', c.steps[s.i], NULL,"
                + " (v.created_at + interval '14 days')::date, CASE WHEN s.i > 1 THEN 1 + v.id % 20 END"
                + " FROM oks.violation v JOIN oks.bench_chain c ON c.k = v.id % 10"
                + " CROSS JOIN LATERAL generate_series(1, array_length(c.steps, 1)) s(i)");
        db.execute("UPDATE oks.violation v SET last_entry_id = l.id, status_kind = l.action_kind, status_at = l.at,"
                + " executor_id = l.executor_id, deadline = l.deadline"
                + " FROM (SELECT DISTINCT ON (violation_id) violation_id, id, action_kind, at, executor_id, deadline FROM oks.journal"
                + " ORDER BY violation_id, at DESC, id DESC) l WHERE l.violation_id = v.id");
        db.execute("UPDATE oks.violation v SET confirmed_at = j.at FROM oks.journal j"
                + " WHERE j.violation_id = v.id AND j.action_kind = 'CONFIRMED'");
        db.execute("DROP TABLE oks.bench_chain");
        db.execute("VACUUM ANALYZE oks.violation");
        db.execute("VACUUM ANALYZE oks.journal");
    }

    private static long count(TestDatabase db, String sql) throws Exception {
        try (var c = db.dataSource().getConnection(); var s = c.createStatement(); var rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static double pct(double[] sorted, int p) {
        int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
    }

    private static void write(Path out, int violations, long journal, double genSeconds, int runs, int warmup,
            Map<String, double[]> results, Map<String, Integer> sizes) throws IOException {
        StringBuilder md = new StringBuilder();
        md.append("# OKS benchmark\n\n");
        md.append("Command: `bench/oks/run.sh` (").append(LocalDate.now()).append(").\n\n");
        md.append("Machine: ").append(machine()).append(", Java ").append(System.getProperty("java.version"))
                .append(", PostgreSQL ").append(System.getProperty("bench.pgVersion", "15")).append(" + PostGIS on 127.0.0.1,"
                + " connection options `" + System.getProperty("bench.pgOptions", "-c jit=off") + "` as in the portal's datasource.\n\n");
        md.append(String.format(Locale.ROOT, "Data: %,d violations over the community's territory, %,d journal rows"
                + " (generated in SQL in %.0f s; ten step chains ending in every status group), 20 executor organisations."
                + " Each query runs through the real service (JDBC, the same SQL as the portal): %d warm-up runs, then %d"
                + " timed runs, sequentially, one connection at a time. Goal: under 200 ms each.%n%n",
                violations, journal, genSeconds, warmup, runs));
        md.append("| query | rows returned | p50 ms | p95 ms | goal |\n|---|---:|---:|---:|---|\n");
        for (var e : results.entrySet()) {
            double p50 = pct(e.getValue(), 50);
            double p95 = pct(e.getValue(), 95);
            md.append(String.format(Locale.ROOT, "| %s | %s | %.1f | %.1f | %s |%n", e.getKey(),
                    sizes.get(e.getKey()) < 0 ? "" : sizes.get(e.getKey()), p50, p95, p95 < 200 ? "met" : "NOT met"));
        }
        md.append("\n\"rows returned\": table rows, list rows, map features (points or aggregated cells), or for the period"
                + " report the number of violations registered in it.\n");
        // notes on earlier runs (what changed and why) stay below the marker
        String marker = "<!-- kept across runs: everything below is kept by the next run -->";
        String kept = Files.exists(out) ? Files.readString(out) : "";
        md.append("\n").append(marker).append("\n");
        if (kept.contains(marker)) {
            md.append(kept.substring(kept.indexOf(marker) + marker.length()).replaceFirst("^\n", ""));
        }
        Files.createDirectories(out.getParent());
        Files.writeString(out, md.toString());
        System.out.println("Wrote " + out);
    }

    private static String machine() {
        String cpu = "unknown CPU";
        try {
            cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                    .findFirst().map(l -> l.substring(l.indexOf(':') + 1).strip()).orElse(cpu);
        } catch (IOException e) {
            // not Linux
        }
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            host = "host";
        }
        return Runtime.getRuntime().availableProcessors() + " cores (" + cpu + "), " + host;
    }

    private OksBench() {
    }
}
