package ua.hromada.opendata.audit;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Proxy;
import java.util.Set;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.osgi.framework.BundleContext;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

import ua.hromada.opendata.api.AuditReports;
import ua.hromada.opendata.api.AuditRun;
import ua.hromada.opendata.api.OpendataPermissions;
import ua.hromada.opendata.service.OpendataConfig;
import ua.hromada.opendata.service.OpendataDatabase;
import ua.hromada.opendata.service.DatasetRegistryImpl;
import ua.hromada.portal.api.PortalUser;
import ua.hromada.portal.api.SchemaMigrations;
import ua.hromada.portal.testing.DiscardingAuditLog;
import ua.hromada.portal.testing.TestCommunities;
import ua.hromada.portal.testing.TestDatabase;
import ua.hromada.portal.api.jdbc.CommunityDataSource;
import ua.hromada.portal.api.PortalSettings;
import ua.hromada.portal.api.jobs.JobProgress;

/**
 * The full audit (no link checks) over 500 data managers × 10 000 datasets generated in SQL in the
 * registry's schema, through the real registry and audit services; median of 3 runs. Writes the
 * "Audit" section of bench/results/opendata.md (other sections of that file are left as they are).
 * Run by bench/opendata/audit.sh.
 */
public final class AuditBench {
    public static void main(String[] args) throws Exception {
        int managers = Integer.getInteger("bench.managers", 500);
        int datasets = Integer.getInteger("bench.datasets", 10_000);
        int runs = Integer.getInteger("bench.runs", 3);
        Path out = Path.of(System.getProperty("bench.out", "bench/results/opendata.md"));
        try (PooledSetup f = new PooledSetup()) {
            long t0 = System.nanoTime();
            Map<String, Long> made = generate(f.community, managers, datasets);
            double generateSeconds = (System.nanoTime() - t0) / 1e9;
            System.out.printf(Locale.ROOT, "generated %s in %.1f s%n", made, generateSeconds);
            long w = System.nanoTime();
            f.audit.run(AUDITOR, JobProgress.NONE); // warm-up: class loading, JIT, PostgreSQL caches
            double coldSeconds = (System.nanoTime() - w) / 1e9;
            double[] seconds = new double[runs];
            AuditRun last = null;
            for (int i = 0; i < runs; i++) {
                long s = System.nanoTime();
                last = f.audit.run(AUDITOR, JobProgress.NONE);
                seconds[i] = (System.nanoTime() - s) / 1e9;
                System.out.printf(Locale.ROOT, "run %d: %.2f s, %d datasets, %d findings%n", last.id(), seconds[i],
                        last.datasetsChecked(), last.findings());
            }
            double[] sorted = seconds.clone();
            Arrays.sort(sorted);
            double median = sorted[sorted.length / 2];
            Map<String, Integer> byRule = new TreeMap<>(new AuditStore(f.db).findingsByRule(last.id()));
            Map<String, String> reports = new java.util.LinkedHashMap<>();
            for (AuditReports.Format format : AuditReports.Format.values()) {
                java.io.ByteArrayOutputStream file = new java.io.ByteArrayOutputStream();
                long r = System.nanoTime();
                f.reports.write(AUDITOR, LocalDate.now(), format, file);
                reports.put(format.name(), String.format(Locale.ROOT, "%.2f s, %d KB", (System.nanoTime() - r) / 1e9,
                        file.size() / 1024));
            }
            System.out.println("reports " + reports);
            write(out, section(managers, datasets, made, generateSeconds, coldSeconds, seconds, median, last, byRule)
                    + "\nThe analytical report of that run (" + managers + " managers, every finding in the workbook): "
                    + reports.entrySet().stream().map(e -> e.getKey() + " " + e.getValue())
                            .collect(java.util.stream.Collectors.joining("; ")) + ".\n");
            System.out.printf(Locale.ROOT, "median %.2f s (goal < 30 s)%n", median);
        }
    }

    private static final PortalUser AUDITOR = new PortalUser(1, "bench", "Bench", Set.of(), Set.of(OpendataPermissions.AUDIT));

    /**
     * The registry and the audit built as Karaf builds them (their components' public constructors,
     * default configuration) over a HikariCP pool of 10 like the portal's datasource, on a throw-away database.
     */
    static final class PooledSetup implements AutoCloseable {
        final TestDatabase database = TestDatabase.create();
        final HikariDataSource dataSource;
        final DataSource community;
        final AuditDatabase db;
        final OpendataAuditImpl audit;
        final AuditReportsImpl reports;

        PooledSetup() {
            database.dataSource().setOptions("-c jit=off");
            HikariConfig config = new HikariConfig();
            config.setDataSource(database.dataSource());
            config.setMaximumPoolSize(10);
            dataSource = new HikariDataSource(config);
            // as the portal's SchemaMigrations: Flyway as the owner, then row-level security on the schema
            SchemaMigrations flyway = (bundle, schema, location) -> {
                String version = Flyway.configure().dataSource(dataSource).schemas(schema).createSchemas(true)
                        .locations("classpath:" + location).load().migrate().targetSchemaVersion;
                database.isolate(schema);
                return version;
            };
            // the services as in the portal: the community DataSource over the pool, default community
            community = new CommunityDataSource(dataSource, () -> "default");
            BundleContext context = proxy(BundleContext.class);
            DatasetRegistryImpl registry = new DatasetRegistryImpl(new OpendataDatabase(community, flyway, new TestCommunities(),
                    proxy(PortalSettings.class), context),
                    new DiscardingAuditLog(), proxy(PortalSettings.class), proxy(OpendataConfig.class));
            flyway.migrate(null, AuditDatabase.SCHEMA, "db/migration/opendata_audit");
            db = new AuditDatabase(community, java.time.Clock.systemUTC());
            audit = new OpendataAuditImpl(db, registry, AuditFixture.OFFLINE,
                    new ua.hromada.portal.jobs.JobPools(java.util.Map.of()).forModule("opendata-bench"),
                    new TestCommunities(), AuditFixture.NO_OUTBOUND);
            reports = new AuditReportsImpl(db, new DataRequestsImpl(db, registry, new DiscardingAuditLog(),
                    new ua.hromada.portal.testing.TestPortalSettings(), RequestSettings.defaults()),
                    registry, AuditFixture.OFFLINE, new RuleExplanationsImpl(db, new DiscardingAuditLog()));
        }

        /** An interface whose methods answer their defaults (a default method's or an annotation's) or null. */
        @SuppressWarnings("unchecked")
        private static <T> T proxy(Class<T> type) {
            return (T) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type},
                    (p, method, a) -> method.isDefault() ? InvocationHandler.invokeDefault(p, method, a)
                            : method.getDefaultValue());
        }

        @Override
        public void close() {
            dataSource.close();
            database.close();
        }
    }

    /** Managers, obligations lists, datasets with passports and structures, link and uploaded resources. */
    static Map<String, Long> generate(DataSource dataSource, int managers, int datasets) throws SQLException {
        byte[] good = csv(StandardCharsets.UTF_8, ',', 60);
        byte[] cp1251 = csv(Charset.forName("windows-1251"), ',', 60);
        byte[] semicolon = csv(StandardCharsets.UTF_8, ';', 60);
        byte[] textPdf = AuditFixture.textPdf();
        byte[] scan = AuditFixture.scannedPdf();
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            exec(c, "INSERT INTO opendata.data_manager (name, edrpou, responsible_person, email, phone)"
                    + " SELECT 'Розпорядник ' || g, lpad((20000000 + g)::text, 8, '0'), 'Відповідальна особа ' || g,"
                    + " 'manager' || g || '@example.org', '+380 532 ' || lpad(g::text, 6, '0') FROM generate_series(1, ?) g",
                    managers);
            exec(c, "INSERT INTO opendata.manager_obligation (manager_id, obligation_id)"
                    + " SELECT m.id, o.id FROM opendata.data_manager m CROSS JOIN opendata.obligation o WHERE (m.id + o.id) % 3 <> 0");
            // every ~10th passport lacks keywords, ~every 7th is overdue, a quarter fulfils an obligation
            exec(c, "INSERT INTO opendata.dataset (identifier, title, description, language, formats, first_published_at,"
                    + " last_modified_at, actuality_date, frequency, keywords, links, responsible_person, responsible_email,"
                    + " legal_basis, purpose, manager_id, tags, obligation_id, published, search_text)"
                    + " SELECT 'bench-' || g, 'Набір даних № ' || g, 'Опис набору даних № ' || g || ' для аудиту', 'uk',"
                    + " CASE WHEN g % 11 = 0 THEN ARRAY['PDF'] ELSE ARRAY['CSV'] END,"
                    + " (current_date - 800)::timestamp AT TIME ZONE 'Europe/Kyiv',"
                    + " (current_date - (g % 7) * CASE WHEN g % 7 = 3 THEN 60 ELSE 3 END)::timestamp AT TIME ZONE 'Europe/Kyiv',"
                    + " current_date - 1,"
                    + " (ARRAY['DAILY','WEEKLY','MONTHLY','QUARTERLY','YEARLY','ON_CHANGE','NO_LONGER_UPDATED'])[1 + g % 7],"
                    + " CASE WHEN g % 10 = 0 THEN '{}'::text[] ELSE ARRAY['відкриті дані', 'набір ' || g] END,"
                    + " ARRAY['https://data.example.org/bench-' || g], 'Особа ' || g, 'person' || g || '@example.org',"
                    + " 'Постанова КМУ № 835', 'Оприлюднення', (SELECT min(id) FROM opendata.data_manager) + (g % ?), ARRAY['бенч'],"
                    + " CASE WHEN g % 4 = 0 THEN (SELECT id FROM opendata.obligation ORDER BY id OFFSET (g / 4) % 11 LIMIT 1) END,"
                    + " g % 5 <> 0, 'bench-' || g FROM generate_series(1, ?) g", managers, datasets);
            exec(c, "INSERT INTO opendata.structure_field (dataset_id, position, name, title, type, required)"
                    + " SELECT d.id, p, (ARRAY['id','name','amount'])[p], (ARRAY['Ідентифікатор','Назва','Сума'])[p], 'string', p = 1"
                    + " FROM opendata.dataset d CROSS JOIN generate_series(1, 3) p WHERE d.id % 8 <> 0");
            exec(c, "INSERT INTO opendata.resource (dataset_id, name, format, media_type, url)"
                    + " SELECT id, 'Посилання на дані', 'CSV', 'text/csv', 'https://data.example.org/' || identifier || '.csv'"
                    + " FROM opendata.dataset");
            // uploaded files: CSV for 30 % of the datasets (a third of them in Windows-1251 or with semicolons), PDF for 3 %
            exec(c, "INSERT INTO opendata.resource (dataset_id, name, format, media_type, file_name, size, sha256, storage)"
                    + " SELECT id, 'Файл даних', 'CSV', 'text/csv', identifier || '.csv', 0, repeat('0', 64), 'database'"
                    + " FROM opendata.dataset WHERE id % 10 < 3");
            exec(c, "INSERT INTO opendata.resource (dataset_id, name, format, media_type, file_name, size, sha256, storage)"
                    + " SELECT id, 'Звіт', 'PDF', 'application/pdf', identifier || '.pdf', 0, repeat('0', 64), 'database'"
                    + " FROM opendata.dataset WHERE id % 33 = 5");
            content(c, "CSV", 0, good);
            content(c, "CSV", 1, cp1251);
            content(c, "CSV", 2, semicolon);
            content(c, "PDF", 0, textPdf);
            content(c, "PDF", 1, scan);
            c.commit();
            exec(c, "ANALYZE");
            c.commit();
            Map<String, Long> made = new TreeMap<>();
            for (String t : List.of("data_manager", "dataset", "structure_field", "resource", "resource_content",
                    "manager_obligation")) {
                try (var rs = c.createStatement().executeQuery("SELECT count(*) FROM opendata." + t)) {
                    rs.next();
                    made.put(t, rs.getLong(1));
                }
            }
            return made;
        }
    }

    private static void content(Connection c, String format, int variant, byte[] bytes) throws SQLException {
        int variants = format.equals("CSV") ? 3 : 2;
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO opendata.resource_content (resource_id, content)"
                + " SELECT id, ? FROM opendata.resource WHERE file_name IS NOT NULL AND format = ? AND id % ? = ?")) {
            ps.setBytes(1, bytes);
            ps.setString(2, format);
            ps.setInt(3, variants);
            ps.setInt(4, variant);
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("UPDATE opendata.resource SET size = ? WHERE file_name IS NOT NULL"
                + " AND format = ? AND id % ? = ?")) {
            ps.setLong(1, bytes.length);
            ps.setString(2, format);
            ps.setInt(3, variants);
            ps.setInt(4, variant);
            ps.executeUpdate();
        }
    }

    private static byte[] csv(Charset charset, char delimiter, int rows) {
        StringBuilder sb = new StringBuilder("id").append(delimiter).append("name").append(delimiter).append("amount\n");
        for (int i = 1; i <= rows; i++) {
            sb.append(i).append(delimiter).append("Вулиця Соборності, будинок ").append(i).append(delimiter)
                    .append(i * 1000).append('\n');
        }
        String text = sb.toString();
        if (delimiter == ',') {
            text = text.replace("Вулиця Соборності, будинок", "\"Вулиця Соборності, будинок\"");
        }
        return text.getBytes(charset);
    }

    private static void exec(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            ps.execute();
        }
    }

    private static String section(int managers, int datasets, Map<String, Long> made, double generateSeconds,
            double coldSeconds, double[] seconds, double median, AuditRun last, Map<String, Integer> byRule) {
        StringBuilder sb = new StringBuilder();
        sb.append("## Audit\n\n");
        sb.append("Command: `bench/opendata/audit.sh` (").append(LocalDate.now()).append(").\n\n");
        sb.append("Machine: ").append(Runtime.getRuntime().availableProcessors()).append(" cores, Java ")
                .append(System.getProperty("java.version")).append(", PostgreSQL ").append(System.getProperty("bench.pgVersion", "?"))
                .append(" on 127.0.0.1.\n\n");
        sb.append(String.format(Locale.ROOT, "Data: %d data managers × %d datasets generated in SQL in the registry's schema"
                + " in %.1f s (%s). Every dataset has a passport (every 10th without keywords, some overdue), 7 in 8 a"
                + " structure, a link resource; 30 %% an uploaded CSV (a third in Windows-1251, a third with semicolons),"
                + " 3 %% an uploaded PDF (half of them scans). Link checks off (the default).%n%n", managers, datasets,
                generateSeconds, made));
        sb.append("The full audit through the real services, built by their components' constructors over a HikariCP pool"
                + " of 10 connections as the portal's datasource (registry read in one pass, every rule, CSV and PDF files read,"
                + " findings, scores and the obligations snapshot stored in one transaction with batched inserts),"
                + " after one warm-up run:\n\n");
        sb.append("| run | seconds |\n|---:|---:|\n");
        sb.append(String.format(Locale.ROOT, "| warm-up (first after start) | %.2f |%n", coldSeconds));
        for (int i = 0; i < seconds.length; i++) {
            sb.append(String.format(Locale.ROOT, "| %d | %.2f |%n", i + 1, seconds[i]));
        }
        sb.append(String.format(Locale.ROOT, "%n**Median: %.2f s** for %d datasets, %d findings — goal under 30 s: %s.%n%n",
                median, last.datasetsChecked(), last.findings(), median < 30 ? "met" : "NOT met"));
        sb.append("Findings of the last run by rule: ");
        List<String> parts = new ArrayList<>();
        byRule.forEach((rule, n) -> parts.add(rule + " " + n));
        sb.append(String.join(", ", parts)).append(".\n");
        return sb.toString();
    }

    /** Replaces the "## Audit" section (up to the next "## " heading) or appends it; other sections stay. */
    static void write(Path file, String section) throws IOException {
        String text = Files.exists(file) ? Files.readString(file) : "# Open data benchmarks\n\n";
        int start = text.indexOf("## Audit\n");
        String updated;
        if (start < 0) {
            updated = text.stripTrailing() + "\n\n" + section;
        } else {
            int next = text.indexOf("\n## ", start + 1);
            updated = text.substring(0, start) + section + (next < 0 ? "" : "\n" + text.substring(next + 1));
        }
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.writeString(file, updated);
    }
}
