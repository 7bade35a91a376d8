package ua.hromada.docsearch.service;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.postgresql.PGConnection;
import org.postgresql.ds.PGSimpleDataSource;

import ua.hromada.docsearch.api.ActStatus;
import ua.hromada.docsearch.api.SearchQuery;
import ua.hromada.docsearch.api.SearchResult;
import ua.hromada.portal.api.community.Communities;
import ua.hromada.portal.api.jdbc.CommunityDataSource;
import ua.hromada.portal.api.jdbc.CommunityTables;
import ua.hromada.portal.testing.DiscardingAuditLog;
import ua.hromada.portal.testing.TestCommunities;

/**
 * Search benchmark (issue 5, bench/): 100 000 acts generated from real Ukrainian text, indexed by
 * the service's own reindex, queried through the service's search() (facets, snippets, paging 20,
 * i.e. the portal's path) and, as the baseline, through PostgreSQL full-text search on the same
 * rows. Not a unit test (no @Test, name outside surefire's patterns); run by bench/docsearch/run.sh.
 *
 * <p>System properties: bench.corpus (bench/work/corpus.txt), bench.out (bench/results/docsearch.md),
 * bench.acts (100000), bench.runs (200), bench.warmup (50 runs at least), bench.warmupSeconds (5 at least),
 * bench.db (hromada_bench_docsearch),
 * bench.indexDir (bench/work/docsearch-index), bench.keepDb (false), bench.command (for the report),
 * bench.cold (queries of the cold pass per set, = bench.runs), bench.coldWarmup (true: before the timed cold
 * queries, as many other new queries of the same shapes on both sides, untimed), bench.datasourceCfg (the portal's datasource
 * configuration whose URL options, e.g. {@code -c jit=off}, every bench connection to the bench database gets),
 * bench.lock (how run.sh found the shared build lock, for the report).
 */
public final class DocsearchBench {
    static final long SEED = 20_261_123L;
    private static final String KEEP_MARKER = "<!-- kept across runs: everything below is kept by the next run -->";

    private final Path corpusPath = Path.of(System.getProperty("bench.corpus", "bench/work/corpus.txt"));
    private final Path out = Path.of(System.getProperty("bench.out", "bench/results/docsearch.md"));
    private final int acts = Integer.getInteger("bench.acts", 100_000);
    private final int runs = Integer.getInteger("bench.runs", 200);
    private final int warmup = Integer.getInteger("bench.warmup", 50);
    private final double warmupSeconds = Double.parseDouble(System.getProperty("bench.warmupSeconds", "5"));
    private final String dbName = System.getProperty("bench.db", "hromada_bench_docsearch");
    private final Path indexDir = Path.of(System.getProperty("bench.indexDir", "bench/work/docsearch-index"));
    private final boolean keepDb = Boolean.getBoolean("bench.keepDb");
    private final boolean reuse = Boolean.getBoolean("bench.reuse");
    private final String command = System.getProperty("bench.command", "bench/docsearch/run.sh");
    private final Path seedsDir = Path.of(System.getProperty("bench.seeds",
            "bundles/docsearch/docsearch-service/src/test/resources/seeds"));
    private final int coldQueries = Integer.getInteger("bench.cold", runs);
    private final boolean coldWarmup = Boolean.parseBoolean(System.getProperty("bench.coldWarmup", "true"));
    /** How many queries each side was asked in the cold pass's warm-up, per set (0 without it). */
    private final Map<String, Integer> coldWarmedUp = new LinkedHashMap<>();
    private final Path datasourceCfg = Path.of(System.getProperty("bench.datasourceCfg",
            "config/org.ops4j.datasource-hromada.cfg"));
    private final String lock = System.getProperty("bench.lock", "unknown");
    /** The connection options of the portal's datasource URL (PostgreSQL's {@code options} parameter). */
    private String pgOptions;

    private final Random rnd = new Random(SEED);
    private final List<String> paragraphs = new ArrayList<>();
    private final List<String> sentences = new ArrayList<>();
    /** Generated acts by id (1-based), metadata only: for picking number queries and known items. */
    private final List<Meta> metas = new ArrayList<>();
    private final Map<String, String> facts = new LinkedHashMap<>();

    record Meta(long id, String kind, String number, String normalized, LocalDate date, String title, String body,
            String status) {
    }

    public static void main(String[] args) throws Exception {
        new DocsearchBench().run();
    }

    // ------------------------------------------------------------------ queries

    /** Inflected forms and lemmas of words that occur in the corpus (seeds and manpages-uk). */
    static final List<String> KEYWORDS = List.of(
            "програми інформатизації", "відкриті дані", "файлової системи", "параметрів командного рядка",
            "цифровий розвиток", "файлова система", "змінна середовища", "обліковий запис",
            "облікових записів користувачів", "символічні посилання", "права доступу", "вхідні дані",
            "стандартне виведення", "капітальні видатки", "місцеве самоврядування", "адміністративна послуга",
            "цифрова трансформація", "резервна пам'ять", "резервної пам’яті", "таблиця розділів",
            "параметри монтування", "дескриптори файлів", "командна оболонка", "діагностичні повідомлення",
            "вбудована команда", "військова адміністрація", "ключові слова", "керування службами",
            "системою стеження за помилками", "документація");

    /** Known items: the seeds, found by a form of a title word different from the one in the title. */
    record Known(long id, String query, String titleHas) {
    }

    static final List<Known> KNOWN = List.of(
            new Known(3, "програми інформатизації", "програму інформатизації"),
            new Known(2, "цифровий розвиток", "цифрового розвитку"),
            new Known(5, "цифрова інфраструктура громади", "цифрової інфраструктури громад"),
            new Known(4, "інформаційні портали", "інформаційний портал"),
            new Known(1, "підсумок роботи відділів", "підсумки роботи відділу"));

    /** One query; kind, year and status are facet selections, from/to the date range (null: none). */
    record Q(String label, SearchQuery lucene, String text, String kind, Integer year, LocalDate from, LocalDate to,
            String status, boolean number) {
    }

    // ------------------------------------------------------------------ main flow

    void run() throws Exception {
        pgOptions = DocsearchBenchMachine.portalConnectionOptions(datasourceCfg);
        loadCorpus();
        // bench.reuse: query the database and index a previous run kept (bench.keepDb), for
        // trying search changes without minutes of loading; the published figures come from full runs
        boolean reusing = reuse && Files.isDirectory(indexDir) && databaseExists();
        if (!reusing) {
            admin("DROP DATABASE IF EXISTS " + dbName + " WITH (FORCE)");
            admin("CREATE DATABASE " + dbName);
        }
        // the service and the baseline connect as the portal does: with its datasource URL's options
        PGSimpleDataSource ds = dataSource(dbName);
        if (!pgOptions.isEmpty()) {
            ds.setOptions(pgOptions);
        }
        LegalActRegistryImpl service = null;
        try {
            Flyway.configure().dataSource(ds).schemas("docsearch").createSchemas(true)
                    .locations("classpath:db/migration/docsearch").load().migrate();
            long t = System.nanoTime();
            load(ds, !reusing);
            // secured as the portal secures it; the service runs as the default community's application role
            try (Connection c = ds.getConnection()) {
                CommunityTables.isolate(c, "docsearch");
            }
            DataSource community = new CommunityDataSource(ds, () -> Communities.DEFAULT);
            TestCommunities communities = new TestCommunities();
            if (reusing) {
                String kept = "kept from an earlier run (bench.reuse)";
                facts.put("load", kept);
                facts.put("reindex", kept + "; index on disk " + mb(dirSize(indexDir)));
                facts.put("pgindex", kept);
                service = new LegalActRegistryImpl(community, communities, new DiscardingAuditLog(), Clock.systemDefaultZone(), indexDir, 20L << 20);
            } else {
                facts.put("load", String.format(Locale.ROOT, "%.1f s (COPY of %,d acts with one TXT file row each)",
                        secs(t), acts));

                deleteTree(indexDir);
                Files.createDirectories(indexDir);
                service = new LegalActRegistryImpl(community, communities, new DiscardingAuditLog(), Clock.systemDefaultZone(), indexDir, 20L << 20);
                t = System.nanoTime();
                long done = service.reindex(new LogProgress());
                double reindexS = secs(t);
                facts.put("reindex", String.format(Locale.ROOT, "%,d acts in %.1f s = %,.0f docs/s; index on disk %s",
                        done, reindexS, done / reindexS, mb(dirSize(indexDir))));

                t = System.nanoTime();
                try (Connection c = ds.getConnection()) {
                    pgFullText(c);
                }
                facts.put("pgindex", String.format(Locale.ROOT,
                        "%.1f s (tsvector column + GIN index + VACUUM FULL ANALYZE)", secs(t)));
            }

            List<Q> keyword = keywordQueries();
            List<Q> number = numberQueries();
            List<Q> filtered = filteredQueries();
            // the cold pass: queries neither side has been asked before, each once, the same list for both
            Set<String> asked = new java.util.HashSet<>();
            Stream.of(keyword, filtered).flatMap(List::stream)
                    .forEach(q -> asked.add(DocsearchBenchCold.wordKey(q.text())));
            KNOWN.forEach(k -> asked.add(DocsearchBenchCold.wordKey(k.query())));
            Set<String> askedNumbers = DocsearchBenchCold.numbersOf(number);
            List<Q> coldKeyword = DocsearchBenchCold.keyword(sentences, coldQueries, asked, DocsearchBenchCold.KEYWORD_SEED);
            List<Q> coldFiltered = DocsearchBenchCold.filtered(sentences, coldQueries, asked, DocsearchBenchCold.FILTERED_SEED);
            List<Q> coldNumber = DocsearchBenchCold.number(metas, coldQueries, askedNumbers, DocsearchBenchCold.NUMBER_SEED);
            // the cold pass's warm-up (bench.coldWarmup): as many other queries drawn the same way (another
            // seed; `asked` now holds the warm and timed cold ones, so none repeats them)
            long w = DocsearchBenchCold.WARM_UP_SEED;
            Map<String, List<Q>> coldWarmupLists = !coldWarmup ? Map.of() : Map.of(
                    "keyword", DocsearchBenchCold.keyword(sentences, coldQueries, asked, DocsearchBenchCold.KEYWORD_SEED + w),
                    "number", DocsearchBenchCold.number(metas, coldQueries, askedNumbers, DocsearchBenchCold.NUMBER_SEED + w),
                    "filtered", DocsearchBenchCold.filtered(sentences, coldQueries, asked, DocsearchBenchCold.FILTERED_SEED + w));

            Report report = new Report();
            facts.put("loadavg", Files.exists(Path.of("/proc/loadavg"))
                    ? Files.readString(Path.of("/proc/loadavg")).strip().split("\\s+", 4)[0] + " "
                            + Files.readString(Path.of("/proc/loadavg")).strip().split("\\s+", 4)[1]
                    : "unknown");
            try (Connection c = ds.getConnection()) {
                facts.put("postgres", scalar(c, "SHOW server_version"));
                facts.put("jit", scalar(c, "SHOW jit"));
                long pgPid = Long.parseLong(scalar(c, "SELECT pg_backend_pid()"));
                DocsearchBenchMachine.CpuUse cpu = DocsearchBenchMachine.CpuUse.start(pgPid);
                facts.put("pgsizes", scalar(c, "SELECT pg_size_pretty(pg_total_relation_size('docsearch.act'))"
                        + " || ' act (with the tsvector), ' || pg_size_pretty(pg_relation_size('docsearch.act_fts_idx'))"
                        + " || ' GIN index, ' || pg_size_pretty(pg_total_relation_size('docsearch.act_file')) || ' act_file'"));
                PgBaseline pg = new PgBaseline(c);
                LegalActRegistryImpl s = service;
                for (var set : List.of(Map.entry("keyword", keyword), Map.entry("number", number),
                        Map.entry("filtered", filtered))) {
                    String name = set.getKey();
                    List<Q> qs = set.getValue();
                    System.out.println("== " + name + ": " + qs.size() + " queries");
                    Timing lucene = measure(qs, q -> () -> s.search(q.lucene()).total());
                    Timing pgMin = measure(qs, q -> () -> pg.minimal(q));
                    Timing pgFull = measure(qs, q -> () -> pg.full(q));
                    // the two sides side by side: number lookups must agree on everything (same rows)
                    int same = 0;
                    long[] luceneTotals = new long[qs.size()];
                    long[] pgTotals = new long[qs.size()];
                    for (int i = 0; i < qs.size(); i++) {
                        Q q = qs.get(i);
                        Answer l = Answer.of(s.search(q.lucene()));
                        Answer p = pg.full(q);
                        luceneTotals[i] = l.total();
                        pgTotals[i] = p.total();
                        if (l.total() == p.total() && l.facets().equals(p.facets())
                                && (!q.number() || l.ids().equals(p.ids()))) {
                            same++;
                        } else if (q.number()) {
                            System.out.println("   differs: " + q.label() + "\n     lucene " + l + "\n     pg     " + p);
                        }
                    }
                    report.sets.add(new SetResult(name, qs, lucene, pgMin, pgFull, same, medianOf(luceneTotals),
                            medianOf(pgTotals)));
                    System.out.printf(Locale.ROOT, "   lucene p50 %.2f p95 %.2f | pg p50 %.2f p95 %.2f | pg+ p50 %.2f p95 %.2f%n",
                            lucene.p(0.5), lucene.p(0.95), pgMin.p(0.5), pgMin.p(0.95), pgFull.p(0.5), pgFull.p(0.95));
                }
                // the warm pass compiled only the paths of its 30 queries per set: other shapes' paths
                // (filter combinations, word counts) would still compile during the timed cold queries.
                // So first other new queries of the same shapes, on both sides alike, untimed
                for (String name : List.of("keyword", "number", "filtered")) {
                    int n = !coldWarmup ? 0 : DocsearchBenchCold.warmUp(coldWarmupLists.get(name),
                            q -> () -> s.search(q.lucene()), q -> () -> pg.full(q), warmupSeconds);
                    coldWarmedUp.put(name, n);
                    System.out.println("== cold " + name + " warm-up: " + (coldWarmup
                            ? n + " other new queries per side (" + coldWarmupLists.get(name).size() + " distinct), untimed"
                            : "none (bench.coldWarmup=false)"));
                }
                // then each timed new query once per side; 'page + count' is left out: it would show
                // PostgreSQL the queries before its same job
                for (var set : List.of(Map.entry("keyword", coldKeyword), Map.entry("number", coldNumber),
                        Map.entry("filtered", coldFiltered))) {
                    String name = set.getKey();
                    List<Q> qs = set.getValue();
                    System.out.println("== cold " + name + ": " + qs.size() + " new queries, each once");
                    Timing lucene = measureOnce(qs, q -> () -> s.search(q.lucene()));
                    Timing pgFull = measureOnce(qs, q -> () -> pg.full(q));
                    int same = 0;
                    long[] luceneTotals = new long[qs.size()];
                    long[] pgTotals = new long[qs.size()];
                    for (int i = 0; i < qs.size(); i++) {
                        Q q = qs.get(i);
                        Answer l = Answer.of((SearchResult) lucene.answers.get(i));
                        Answer p = (Answer) pgFull.answers.get(i);
                        luceneTotals[i] = l.total();
                        pgTotals[i] = p.total();
                        if (l.total() == p.total() && l.facets().equals(p.facets())
                                && (!q.number() || l.ids().equals(p.ids()))) {
                            same++;
                        } else if (q.number()) {
                            System.out.println("   differs: " + q.label() + "\n     lucene " + l + "\n     pg     " + p);
                        }
                    }
                    report.cold.add(new ColdResult(name, qs, lucene, pgFull, same, medianOf(luceneTotals),
                            medianOf(pgTotals)));
                    System.out.printf(Locale.ROOT, "   lucene p50 %.2f p95 %.2f | pg+ p50 %.2f p95 %.2f | same %d%n",
                            lucene.p(0.5), lucene.p(0.95), pgFull.p(0.5), pgFull.p(0.95), same);
                }
                report.cpu = cpu.stop();
                for (Q q : keyword) {
                    report.recall.add(new long[] {s.search(q.lucene()).total(), pg.count(q)});
                }
                for (Known k : KNOWN) {
                    SearchResult r = s.search(SearchQuery.text(k.query()));
                    int luceneRank = rankOf(r, k.id());
                    int pgRank = pg.rankOf(k.query(), k.id());
                    boolean pgMatches = pg.matches(k.query(), k.id());
                    String snippet = r.hits().stream().filter(h -> h.id() == k.id()).map(SearchResult.Hit::snippet)
                            .findFirst().orElse(null);
                    report.known.add(new Object[] {k, luceneRank, pgMatches, pgRank, snippet});
                }
                // one act by a typo in a title word (fuzzy title matching)
                report.typo = typoCheck(s);
            }
            write(report, keyword);
        } finally {
            if (service != null) {
                service.deactivate();
            }
            if (!keepDb && !reusing) {
                admin("DROP DATABASE IF EXISTS " + dbName + " WITH (FORCE)");
                deleteTree(indexDir);
            }
        }
    }

    // ------------------------------------------------------------------ corpus and data

    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?;:])\\s+");
    private static final Pattern CYRILLIC = Pattern.compile(".*[\\u0400-\\u04FF]{3,}.*");

    void loadCorpus() throws IOException {
        for (String line : Files.readAllLines(corpusPath, StandardCharsets.UTF_8)) {
            String p = line.strip().replace("**", "");
            if (p.length() < 40) {
                continue;
            }
            paragraphs.add(p);
            for (String s : SENTENCE_END.split(p)) {
                String t = s.strip();
                int words = t.split("\\s+").length;
                if (words >= 4 && CYRILLIC.matcher(t).matches()) {
                    sentences.add(t);
                }
            }
        }
        facts.put("corpus", String.format(Locale.ROOT, "%,d paragraphs, %,d sentences from %s", paragraphs.size(),
                sentences.size(), corpusPath));
    }

    private static final String[][] KINDS = {
            {"council-decision", "30"}, {"executive-decision", "30"}, {"mayor-order", "20"}, {"regulation", "6"},
            {"programme", "5"}, {"report", "5"}, {"other", "4"}};
    private static final String[] DEPARTMENTS = {"Управління освіти", "Департамент фінансів",
            "Управління адміністративних послуг", "Департамент житлово-комунального господарства",
            "Управління соціального захисту населення", "Відділ цифрового розвитку і цифровізації"};
    private static final String[] TAGS = {"бюджет", "освіта", "цифровізація", "ЖКГ", "земельні відносини",
            "транспорт", "соціальний захист", "культура", "містобудування", "охорона здоров'я"};
    private static final String[] TITLE_PREFIX = {"Про ", "Про затвердження ", "Про внесення змін до рішення щодо ",
            "Про надання дозволу: ", "Про виконання ", ""};

    private String pick(String[][] weighted) {
        int total = Arrays.stream(weighted).mapToInt(w -> Integer.parseInt(w[1])).sum();
        int r = rnd.nextInt(total);
        for (String[] w : weighted) {
            r -= Integer.parseInt(w[1]);
            if (r < 0) {
                return w[0];
            }
        }
        throw new IllegalStateException();
    }

    private String number(String kind, LocalDate date) {
        int n = 1 + rnd.nextInt(rnd.nextInt(10) < 7 ? 3000 : 20000);
        return switch (kind) {
            case "council-decision" -> rnd.nextBoolean() ? "№ " + n : n + "-" + (date.getYear() < 2021 ? 7 : 8);
            case "executive-decision" -> rnd.nextInt(3) == 0 ? String.valueOf(n) : "№ " + n;
            case "mayor-order" -> (rnd.nextBoolean() ? "№ " : "") + n + "-р";
            default -> rnd.nextBoolean() ? "1/0" + (1 + rnd.nextInt(9)) + "-" + (1 + rnd.nextInt(5)) + "-" + n
                    : n + "/" + date.getYear();
        };
    }

    private String issuingBody(String kind) {
        return switch (kind) {
            case "council-decision" -> rnd.nextInt(10) < 9 ? "Полтавська міська рада" : "Полтавська обласна рада";
            case "executive-decision" -> "Виконавчий комітет Полтавської міської ради";
            case "mayor-order" -> "Міський голова";
            default -> DEPARTMENTS[rnd.nextInt(DEPARTMENTS.length)];
        };
    }

    private String status() {
        int r = rnd.nextInt(100);
        return r < 70 ? "IN_FORCE" : r < 82 ? "AMENDED" : r < 97 ? "LOST_FORCE" : "SUSPENDED";
    }

    private String title() {
        String s = sentences.get(rnd.nextInt(sentences.size()));
        String[] words = s.split("\\s+");
        int n = Math.min(words.length, 5 + rnd.nextInt(12));
        String t = String.join(" ", Arrays.copyOf(words, n)).replaceAll("[\\s.,;:!?«»\"(\\-–—]+$", "");
        if (t.length() > 300) {
            t = t.substring(0, 300);
        }
        String prefix = TITLE_PREFIX[rnd.nextInt(TITLE_PREFIX.length)];
        if (!prefix.isEmpty() && !t.isEmpty() && Character.isUpperCase(t.charAt(0)) && t.length() > 1
                && !Character.isUpperCase(t.charAt(1))) {
            t = Character.toLowerCase(t.charAt(0)) + t.substring(1);
        }
        return prefix + t;
    }

    private String body(String title) {
        int target = 1000 + rnd.nextInt(2001);
        StringBuilder b = new StringBuilder(target + 400).append(title).append("\n\n");
        while (b.length() < target) {
            b.append(paragraphs.get(rnd.nextInt(paragraphs.size()))).append("\n\n");
        }
        if (b.length() > target) {
            int cut = b.lastIndexOf(" ", target);
            b.setLength(cut > target / 2 ? cut : target);
        }
        return b.toString().strip();
    }

    record SeedAct(String issuingBody, String kind, String number, LocalDate date, String title, String body,
            String status) {
    }

    /** The five seeds with the metadata the service tests give them: ids 1..5. */
    List<SeedAct> seeds() throws IOException {
        List<SeedAct> list = new ArrayList<>();
        Object[][] meta = {
                {"000", "report", "2/2026", LocalDate.of(2026, 1, 20),
                        "Цифровізація Полтавської МТГ: підсумки роботи відділу", "Полтавська міська рада", "IN_FORCE"},
                {"001", "regulation", "1/78-2026", LocalDate.of(2026, 3, 12),
                        "Положення про відділ цифрового розвитку і цифровізації Управління адміністративних послуг",
                        "Полтавська міська рада", "IN_FORCE"},
                {"002", "council-decision", "№ 790", LocalDate.of(2024, 4, 26),
                        "Про регіональну програму інформатизації «Цифрова Полтавщина» на 2024 – 2026 роки",
                        "Полтавська обласна рада", "AMENDED"},
                {"003", "other", "ГП-15", LocalDate.of(2024, 6, 3),
                        "У Горішніх Плавнях переходять на діджитал: інформаційний портал міста", "Асоціація міст України",
                        "IN_FORCE"},
                {"004", "report", "АМУ-7", LocalDate.of(2025, 2, 10),
                        "Результати опитування щодо цифрової інфраструктури громад", "Асоціація міст України",
                        "LOST_FORCE"}};
        for (Object[] m : meta) {
            Path file;
            try (Stream<Path> files = Files.list(seedsDir)) {
                file = files.filter(p -> p.getFileName().toString().startsWith((String) m[0])).findFirst().orElseThrow();
            }
            list.add(new SeedAct((String) m[5], (String) m[1], (String) m[2], (LocalDate) m[3], (String) m[4],
                    Files.readString(file), (String) m[6]));
        }
        return list;
    }

    /** Generates the acts (the same ones on every run: fixed seed) and, with {@code copy}, loads them. */
    void load(PGSimpleDataSource ds, boolean copy) throws Exception {
        LocalDate first = LocalDate.of(2015, 1, 1);
        int days = (int) (LocalDate.of(2026, 12, 31).toEpochDay() - first.toEpochDay()) + 1;
        String now = OffsetDateTime.of(2026, 11, 23, 12, 0, 0, 0, ZoneOffset.UTC).toString();
        List<SeedAct> seeds = seeds();
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        long textBytes = 0;
        try (Connection c = ds.getConnection()) {
            var copyApi = c.unwrap(PGConnection.class).getCopyAPI();
            StringBuilder actRows = new StringBuilder(1 << 20);
            StringBuilder fileRows = new StringBuilder(1 << 24);
            StringBuilder tagRows = new StringBuilder(1 << 16);
            for (int id = 1; id <= acts; id++) {
                String kind;
                String number;
                LocalDate date;
                String title;
                String body;
                String issuing;
                String status;
                Integer convocation = null;
                Integer session = null;
                if (id <= seeds.size()) {
                    SeedAct s = seeds.get(id - 1);
                    kind = s.kind();
                    number = s.number();
                    date = s.date();
                    title = s.title();
                    body = s.body();
                    issuing = s.issuingBody();
                    status = s.status();
                } else {
                    kind = pick(KINDS);
                    date = first.plusDays(rnd.nextInt(days));
                    number = number(kind, date);
                    title = title();
                    body = body(title);
                    issuing = issuingBody(kind);
                    status = status();
                    if (kind.equals("council-decision")) {
                        convocation = date.getYear() < 2021 ? 7 : 8;
                        session = 1 + rnd.nextInt(80);
                    }
                    int tags = rnd.nextInt(3);
                    for (int i = 0; i < tags; i++) {
                        String tag = TAGS[(id * 7 + i * 3) % TAGS.length];
                        tagRows.append(id).append('\t').append(esc(tag)).append('\n');
                    }
                }
                String normalized = ActNumbers.normalize(number);
                metas.add(new Meta(id, kind, number, normalized, date, title, body, status));
                actRows.append(id).append('\t').append(kind).append('\t').append(esc(number)).append('\t')
                        .append(esc(normalized)).append('\t').append(date).append('\t').append(esc(title)).append('\t')
                        .append(esc(issuing)).append('\t').append(convocation == null ? "\\N" : convocation)
                        .append('\t').append(session == null ? "\\N" : session).append('\t').append(status)
                        .append('\t').append(now).append('\t').append(now).append('\n');
                byte[] content = body.getBytes(StandardCharsets.UTF_8);
                textBytes += content.length;
                fileRows.append(id).append('\t').append(id).append('\t').append("act-").append(id).append(".txt\t")
                        .append("text/plain\t").append(content.length).append('\t')
                        .append(HexFormat.of().formatHex(sha.digest(content))).append('\t').append("\\\\x")
                        .append(HexFormat.of().formatHex(content)).append('\t').append(esc(body))
                        .append("\tOK\t\\N\t").append(now).append('\n');
                if (!copy && (id % 5000 == 0 || id == acts)) {
                    actRows.setLength(0);
                    fileRows.setLength(0);
                    tagRows.setLength(0);
                } else if (id % 5000 == 0 || id == acts) {
                    copyApi.copyIn("COPY docsearch.act (id, kind_code, number, normalized_number, act_date, title,"
                            + " issuing_body, convocation, session, status, created_at, updated_at) FROM STDIN",
                            new StringReader(actRows.toString()));
                    copyApi.copyIn("COPY docsearch.act_file (id, act_id, file_name, media_type, size_bytes, sha256,"
                            + " content, extracted_text, extraction_status, extraction_error, created_at) FROM STDIN",
                            new StringReader(fileRows.toString()));
                    copyApi.copyIn("COPY docsearch.act_tag (act_id, tag) FROM STDIN", new StringReader(tagRows.toString()));
                    actRows.setLength(0);
                    fileRows.setLength(0);
                    tagRows.setLength(0);
                    if (id % 20000 == 0) {
                        System.out.println("loaded " + id + " acts");
                    }
                }
            }
            if (copy) {
                try (Statement s = c.createStatement()) {
                    s.execute("SELECT setval('docsearch.act_id_seq', " + acts + ")");
                    s.execute("SELECT setval('docsearch.act_file_id_seq', " + acts + ")");
                    s.execute("VACUUM ANALYZE docsearch.act");
                    s.execute("VACUUM ANALYZE docsearch.act_file");
                    s.execute("VACUUM ANALYZE docsearch.act_tag");
                }
            }
        }
        facts.put("text", String.format(Locale.ROOT, "%s of extracted text (%,d bytes UTF-8 per act on average)",
                mb(textBytes), textBytes / acts));
    }

    private static String esc(String s) {
        if (s == null) {
            return "\\N";
        }
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            switch (ch) {
                case '\\' -> b.append("\\\\");
                case '\t' -> b.append("\\t");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                default -> b.append(ch);
            }
        }
        return b.toString();
    }

    // ------------------------------------------------------------------ query sets

    static SearchQuery sq(String text, Set<String> kinds, Set<ActStatus> statuses, Set<Integer> years,
            LocalDate from, LocalDate to) {
        return new SearchQuery(text, kinds, Set.of(), statuses, years, from, to, SearchQuery.Sort.RELEVANCE, 0, 20);
    }

    List<Q> keywordQueries() {
        return KEYWORDS.stream().map(k -> new Q(k, SearchQuery.text(k), k, null, null, null, null, null, false)).toList();
    }

    List<Q> numberQueries() {
        Random r = new Random(SEED + 1);
        List<Q> list = new ArrayList<>();
        list.add(new Q("№ 790", SearchQuery.text("№ 790"), "№ 790", null, null, null, null, null, true));
        list.add(new Q("790 від 26.04.2024", SearchQuery.text("790 від 26.04.2024"), "790 від 26.04.2024", null, null,
                null, null, null, true));
        while (list.size() < 30) {
            Meta m = metas.get(5 + r.nextInt(metas.size() - 5));
            String text = typed(m, list.size());
            list.add(new Q(text, SearchQuery.text(text), text, null, null, null, null, null, true));
        }
        return list;
    }

    /** A number as people type it, the way chosen by {@code i}: as written, without the "№", with "N", with the date. */
    static String typed(Meta m, int i) {
        return switch (i % 4) {
            case 0 -> m.number();
            case 1 -> m.number().replace("№ ", "");
            case 2 -> m.number().startsWith("№ ") ? "N" + m.number().substring(2) : m.number();
            default -> m.number().replace("№ ", "") + " від " + m.date().format(DateTimeFormatter.ofPattern("dd.MM.yyyy"));
        };
    }

    List<Q> filteredQueries() {
        String[] kinds = {"council-decision", "executive-decision", "mayor-order", "regulation", "programme"};
        ActStatus[] statuses = {ActStatus.IN_FORCE, ActStatus.LOST_FORCE, ActStatus.AMENDED};
        List<Q> list = new ArrayList<>();
        for (int i = 0; i < KEYWORDS.size(); i++) {
            String k = KEYWORDS.get(i);
            if (i % 2 == 0) {
                String kind = kinds[i % kinds.length];
                int year = 2016 + i % 11;
                list.add(new Q(k + " | kind=" + kind + " year=" + year,
                        sq(k, Set.of(kind), Set.of(), Set.of(year), null, null), k, kind, year, null, null, null, false));
            } else {
                LocalDate from = LocalDate.of(2017 + i % 6, 1 + i % 12, 1);
                LocalDate to = from.plusMonths(18);
                ActStatus st = statuses[i % statuses.length];
                list.add(new Q(k + " | " + from + ".." + to + " status=" + st,
                        sq(k, Set.of(), Set.of(st), Set.of(), from, to), k, null, null, from, to, st.name(), false));
            }
        }
        return list;
    }

    // ------------------------------------------------------------------ PostgreSQL baseline

    /** PostgreSQL FTS over the same rows: 'simple' config (no Ukrainian stemmer ships with PostgreSQL). */
    static void pgFullText(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("ALTER TABLE docsearch.act ADD COLUMN fts tsvector");
            s.execute("UPDATE docsearch.act a SET fts = setweight(to_tsvector('simple', a.title), 'A')"
                    + " || setweight(to_tsvector('simple', coalesce((SELECT string_agg(f.extracted_text, E'\\n\\n')"
                    + "    FROM docsearch.act_file f WHERE f.act_id = a.id), '')), 'B')"
                    + " || setweight(to_tsvector('simple', coalesce(a.issuing_body, '') || ' ' || a.number || ' '"
                    + "    || coalesce((SELECT string_agg(t.tag, ' ') FROM docsearch.act_tag t WHERE t.act_id = a.id), '')), 'C')");
            s.execute("VACUUM FULL docsearch.act");
            s.execute("CREATE INDEX act_fts_idx ON docsearch.act USING gin (fts)");
            s.execute("ANALYZE docsearch.act");
        }
    }

    /** What an answer carries, for comparing the two sides. */
    record Answer(long total, List<Long> ids, Map<String, Map<String, Long>> facets) {
        static Answer of(SearchResult r) {
            Map<String, Map<String, Long>> facets = new LinkedHashMap<>();
            r.facets().forEach((dim, values) -> {
                if (!values.isEmpty()) {
                    Map<String, Long> counts = new java.util.TreeMap<>();
                    values.forEach(v -> counts.put(v.value(), v.count()));
                    facets.put(dim, counts);
                }
            });
            return new Answer(r.total(), r.hits().stream().map(SearchResult.Hit::id).toList(), facets);
        }
    }

    static final class PgBaseline {
        private final Connection c;
        private final Map<String, PreparedStatement> statements = new LinkedHashMap<>();

        PgBaseline(Connection c) {
            this.c = c;
        }

        private PreparedStatement ps(String sql) throws SQLException {
            PreparedStatement p = statements.get(sql);
            if (p == null) {
                p = c.prepareStatement(sql);
                statements.put(sql, p);
            }
            return p;
        }

        /** A condition with its parameters. */
        private record Where(String sql, List<Object> params) {
        }

        /** The words or the number, and the date range: what the facet selections then narrow. */
        private static Where base(Q q) {
            List<Object> params = new ArrayList<>();
            StringBuilder w = new StringBuilder();
            if (q.number()) {
                var nq = ActNumbers.parseQuery(q.text()).orElseThrow();
                w.append("a.normalized_number = ?");
                params.add(nq.normalizedNumber());
                if (nq.date() != null) {
                    w.append(" AND a.act_date = ?");
                    params.add(java.sql.Date.valueOf(nq.date()));
                }
            } else {
                w.append("a.fts @@ websearch_to_tsquery('simple', ?)");
                params.add(q.text());
            }
            if (q.from() != null) {
                w.append(" AND a.act_date BETWEEN ? AND ?");
                params.add(java.sql.Date.valueOf(q.from()));
                params.add(java.sql.Date.valueOf(q.to()));
            }
            return new Where(w.toString(), params);
        }

        /** The facet selections, by facet (as the service names them). */
        private static Map<String, Where> selections(Q q) {
            Map<String, Where> sel = new LinkedHashMap<>();
            if (q.kind() != null) {
                sel.put("kind", new Where("a.kind_code = ?", List.of(q.kind())));
            }
            if (q.status() != null) {
                sel.put("status", new Where("a.status = ?", List.of(q.status())));
            }
            if (q.year() != null) {
                sel.put("year", new Where("a.act_date BETWEEN ? AND ?", List.of(
                        java.sql.Date.valueOf(LocalDate.of(q.year(), 1, 1)),
                        java.sql.Date.valueOf(LocalDate.of(q.year(), 12, 31)))));
            }
            return sel;
        }

        /** Everything: the base and every facet selection. */
        private static Where where(Q q) {
            Where b = base(q);
            StringBuilder w = new StringBuilder(b.sql());
            List<Object> params = new ArrayList<>(b.params());
            selections(q).values().forEach(s -> {
                w.append(" AND ").append(s.sql());
                params.addAll(s.params());
            });
            return new Where(w.toString(), params);
        }

        /** facet column in the CTE below, by facet */
        private static final Map<String, String> FACET_COLUMNS = Map.of("kind", "kind_code",
                "issuingBody", "issuing_body", "status", "status", "year", "y");

        /**
         * The exact total and the four facet counts as the service computes them, in one statement:
         * the rows matching the base are read once (MATERIALIZED) with a flag per facet selection;
         * the total needs every flag, a facet's counts every flag but its own (drill sideways).
         */
        private static Where facetsSql(Q q) {
            Map<String, Where> sel = selections(q);
            Where b = base(q);
            List<Object> params = new ArrayList<>();
            StringBuilder sql = new StringBuilder("WITH m AS MATERIALIZED (SELECT a.kind_code, a.issuing_body,"
                    + " a.status, extract(year FROM a.act_date)::int AS y");
            sel.forEach((dim, w) -> {
                sql.append(", (").append(w.sql()).append(") AS ok_").append(dim.toLowerCase(Locale.ROOT));
                params.addAll(w.params());
            });
            sql.append(" FROM docsearch.act a WHERE ").append(b.sql()).append(")");
            params.addAll(b.params());
            sql.append(" SELECT 'total', NULL, count(*) FROM m").append(flags(sel, null));
            for (String dim : List.of("kind", "issuingBody", "status", "year")) {
                String col = FACET_COLUMNS.get(dim);
                String flags = flags(sel, dim);
                sql.append(" UNION ALL SELECT '").append(dim).append("', ").append(col).append("::text, count(*) FROM m")
                        .append(flags.isEmpty() ? " WHERE " : flags + " AND ").append(col).append(" IS NOT NULL")
                        .append(" GROUP BY ").append(col);
            }
            return new Where(sql.toString(), params);
        }

        private static String flags(Map<String, Where> sel, String except) {
            List<String> f = sel.keySet().stream().filter(d -> !d.equals(except))
                    .map(d -> "ok_" + d.toLowerCase(Locale.ROOT)).toList();
            return f.isEmpty() ? "" : " WHERE " + String.join(" AND ", f);
        }

        private static void bind(PreparedStatement p, int start, List<Object> params) throws SQLException {
            for (int i = 0; i < params.size(); i++) {
                p.setObject(start + i, params.get(i));
            }
        }

        private static final String COLS = "a.id, a.kind_code, a.number, a.act_date, a.title, a.issuing_body, a.status";

        private String pageSql(Q q, Where w) {
            return q.number()
                    ? "SELECT " + COLS + " FROM docsearch.act a WHERE " + w.sql()
                            + " ORDER BY a.act_date DESC, a.id DESC LIMIT 20"
                    : "SELECT " + COLS + ", ts_rank(a.fts, websearch_to_tsquery('simple', ?)) AS rank"
                            + " FROM docsearch.act a WHERE " + w.sql() + " ORDER BY rank DESC, a.id LIMIT 20";
        }

        private List<Long> page(Q q, Where w) throws SQLException {
            PreparedStatement p = ps(pageSql(q, w));
            int i = 1;
            if (!q.number()) {
                p.setString(i++, q.text());
            }
            bind(p, i, w.params());
            List<Long> ids = new ArrayList<>();
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                    rs.getString(5);
                }
            }
            return ids;
        }

        long count(Q q) throws SQLException {
            Where w = where(q);
            PreparedStatement p = ps("SELECT count(*) FROM docsearch.act a WHERE " + w.sql());
            bind(p, 1, w.params());
            try (ResultSet rs = p.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }

        /** Page and total only: top 20 by ts_rank (or date for numbers) plus count(*). */
        long minimal(Q q) {
            try {
                page(q, where(q));
                return count(q);
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }

        /**
         * The same job as LegalActRegistryImpl.search(): the page of 20, ts_headline snippets of its
         * rows (word queries: number hits have none in the service either), the exact total and the
         * four facet counts with drill-sideways selections.
         */
        Answer full(Q q) {
            try {
                Where w = where(q);
                List<Long> ids = page(q, w);
                if (!q.number() && !ids.isEmpty()) {
                    PreparedStatement p = ps("SELECT f.act_id, ts_headline('simple', f.extracted_text,"
                            + " websearch_to_tsquery('simple', ?), 'StartSel=<mark>, StopSel=</mark>, MaxFragments=2,"
                            + " MaxWords=30, MinWords=10') FROM docsearch.act_file f WHERE f.act_id = ANY (?)");
                    p.setString(1, q.text());
                    p.setArray(2, c.createArrayOf("bigint", ids.toArray()));
                    try (ResultSet rs = p.executeQuery()) {
                        while (rs.next()) {
                            rs.getString(2);
                        }
                    }
                }
                Where f = facetsSql(q);
                PreparedStatement p = ps(f.sql());
                bind(p, 1, f.params());
                long total = 0;
                Map<String, Map<String, Long>> facets = new LinkedHashMap<>();
                try (ResultSet rs = p.executeQuery()) {
                    while (rs.next()) {
                        if (rs.getString(1).equals("total")) {
                            total = rs.getLong(3);
                        } else {
                            facets.computeIfAbsent(rs.getString(1), k -> new java.util.TreeMap<>())
                                    .put(rs.getString(2), rs.getLong(3));
                        }
                    }
                }
                return new Answer(total, ids, facets);
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }

        boolean matches(String text, long id) throws SQLException {
            PreparedStatement p = ps("SELECT a.fts @@ websearch_to_tsquery('simple', ?) FROM docsearch.act a WHERE a.id = ?");
            p.setString(1, text);
            p.setLong(2, id);
            try (ResultSet rs = p.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        }

        int rankOf(String text, long id) throws SQLException {
            Q q = new Q(text, null, text, null, null, null, null, null, false);
            List<Long> ids = page(q, where(q));
            return ids.indexOf(id) + 1;
        }
    }

    // ------------------------------------------------------------------ measuring

    interface Run {
        Object call() throws Exception;
    }

    static final class Timing {
        final double[] ms;
        final Map<String, List<Double>> byQuery = new LinkedHashMap<>();
        /** What each run returned, in order (the cold pass compares the two sides' answers afterwards). */
        final List<Object> answers = new ArrayList<>();

        Timing(int n) {
            ms = new double[n];
        }

        double p(double q) {
            double[] sorted = ms.clone();
            Arrays.sort(sorted);
            return sorted[Math.min(sorted.length - 1, Math.max(0, (int) Math.ceil(q * sorted.length) - 1))];
        }

        double median(String label) {
            if (!byQuery.containsKey(label)) {
                return Double.NaN; // fewer runs than queries (a small trial run)
            }
            double[] v = byQuery.get(label).stream().mapToDouble(Double::doubleValue).sorted().toArray();
            return v[Math.max(0, (int) Math.ceil(0.5 * v.length) - 1)];
        }
    }

    Timing measure(List<Q> qs, java.util.function.Function<Q, Run> op) throws Exception {
        // warm until the JIT has compiled the path (a portal's search runs hot): at least `warmup`
        // runs and at least `warmupSeconds`, the same for every side measured
        long warmUntil = System.nanoTime() + (long) (warmupSeconds * 1e9);
        for (int i = 0; i < warmup || System.nanoTime() < warmUntil; i++) {
            op.apply(qs.get(i % qs.size())).call();
        }
        Timing t = new Timing(runs);
        for (int i = 0; i < runs; i++) {
            Q q = qs.get(i % qs.size());
            Run r = op.apply(q);
            long start = System.nanoTime();
            r.call();
            double ms = (System.nanoTime() - start) / 1e6;
            t.ms[i] = ms;
            t.byQuery.computeIfAbsent(q.label(), k -> new ArrayList<>()).add(ms);
        }
        return t;
    }

    /** Each query once, in order, no warm-up with them: queries the side has not been asked before. */
    Timing measureOnce(List<Q> qs, java.util.function.Function<Q, Run> op) throws Exception {
        Timing t = new Timing(qs.size());
        for (int i = 0; i < qs.size(); i++) {
            Q q = qs.get(i);
            Run r = op.apply(q);
            long start = System.nanoTime();
            Object answer = r.call();
            double ms = (System.nanoTime() - start) / 1e6;
            t.ms[i] = ms;
            t.byQuery.computeIfAbsent(q.label(), k -> new ArrayList<>()).add(ms);
            t.answers.add(answer);
        }
        return t;
    }

    private static long medianOf(long[] values) {
        long[] v = values.clone();
        Arrays.sort(v);
        return v.length == 0 ? 0 : v[(v.length - 1) / 2];
    }

    private static int rankOf(SearchResult r, long id) {
        for (int i = 0; i < r.hits().size(); i++) {
            if (r.hits().get(i).id() == id) {
                return i + 1;
            }
        }
        return 0;
    }

    private String typoCheck(LegalActRegistryImpl s) {
        // seed 002: "Про регіональну програму інформатизації «Цифрова Полтавщина»" searched with a typo
        String typo = "інформатизацїї Полтавщина";
        SearchResult r = s.search(SearchQuery.text(typo));
        return "«" + typo + "» (typo in a title word): seed act #3 at rank " + rankOf(r, 3) + " of " + r.total();
    }

    // ------------------------------------------------------------------ report

    /** @param same queries whose total and facet counts (and page, for numbers) were equal on both sides */
    record SetResult(String name, List<Q> queries, Timing lucene, Timing pg, Timing pgFull, int same,
            long luceneMedianTotal, long pgMedianTotal) {
    }

    /** The cold pass of one set: every query once per side. */
    record ColdResult(String name, List<Q> queries, Timing lucene, Timing pgFull, int same, long luceneMedianTotal,
            long pgMedianTotal) {
    }

    static final class Report {
        final List<SetResult> sets = new ArrayList<>();
        final List<ColdResult> cold = new ArrayList<>();
        String cpu;
        final List<long[]> recall = new ArrayList<>();
        final List<Object[]> known = new ArrayList<>();
        String typo;
    }

    void write(Report r, List<Q> keyword) throws IOException {
        String kept = "";
        if (Files.exists(out)) {
            String old = Files.readString(out);
            int at = old.indexOf(KEEP_MARKER);
            if (at >= 0) {
                kept = old.substring(at + KEEP_MARKER.length());
            }
        }
        StringBuilder b = new StringBuilder();
        b.append("# Document search benchmark\n\n");
        b.append("Measured ").append(OffsetDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")))
                .append(" UTC with `").append(command).append("`.\n");
        b.append("Machine: ").append(DocsearchBenchMachine.machine()).append(", Java ")
                .append(System.getProperty("java.version")).append(" (").append(DocsearchBenchMachine.jvmArgs())
                .append("), PostgreSQL ").append(facts.get("postgres"))
                .append(" on loopback (server settings stock; every bench connection with the portal datasource's ")
                .append("connection options `").append(pgOptions.isEmpty() ? "none" : pgOptions).append("` from `")
                .append(datasourceCfg).append("`: `SHOW jit` = ").append(facts.get("jit")).append("), Lucene ")
                .append(org.apache.lucene.util.Version.LATEST).append(".\n");
        b.append("Load: ").append(lock).append("; load average (1 and 5 min) when the queries started: ")
                .append(facts.get("loadavg")).append("; while the warm and cold passes ran: ").append(r.cpu)
                .append(" (one query at a time: about one core is this bench's own work).\n\n");
        b.append("Corpus: ").append(facts.get("corpus")).append(" (the seeds + Debian's manpages-uk, made by ")
                .append("`bench/docsearch/make-corpus.sh`). ").append(String.format(Locale.ROOT, "%,d", acts))
                .append(" acts generated from it with a fixed seed: the five seeds as acts 1–5, the rest with kinds, ")
                .append("numbers as written (\"№ 790\", \"1/06-2-2216\", \"15-р\", \"790-8\"), dates 2015–2026, issuing ")
                .append("bodies, statuses, 0–2 tags, a title from a corpus sentence and 1–3 thousand characters of ")
                .append("corpus paragraphs as the extracted text of one TXT file; ").append(facts.get("text")).append(".\n\n");
        b.append("| step | result |\n|---|---|\n");
        b.append("| bulk load into schema `docsearch` | ").append(facts.get("load")).append(" |\n");
        b.append("| `LegalActRegistryImpl.reindex()` (streams from PostgreSQL, Ukrainian morphology) | ")
                .append(facts.get("reindex")).append(" |\n");
        b.append("| PostgreSQL FTS set-up (baseline) | ").append(facts.get("pgindex")).append("; ")
                .append(facts.get("pgsizes")).append(" |\n\n");

        b.append("## Query latency (ms)\n\n");
        b.append(String.format(Locale.ROOT, "Two passes, one thread, both sides with the same queries and settings. "
                + "**Warm**: each set and side a warm-up of at least %d runs and %.0f s (until the JIT has "
                + "compiled the path, as in a portal that runs for days), then %d timed runs cycling through its "
                + "queries (each query asked about %d times). **Cold**: after the warm pass, %d queries per set that "
                + "neither side has been asked in this run, each asked once on each "
                + "side, the same list for both: word queries are one to three neighbouring words of random corpus "
                + "sentences (no two with the same words, none with the words of a warm query), filtered ones other "
                + "such phrases with kind + year or date range + status selections drawn at random, numbers those of "
                + "other generated acts typed the same four ways. The data itself is in memory on both sides (OS page "
                + "cache; PostgreSQL's shared buffers and Lucene's filter cache keep what earlier queries read), so "
                + "'cold' means a new query, not a cold disk.\n\n",
                warmup, warmupSeconds, runs, runs / Math.max(1, r.sets.get(0).queries().size()), coldQueries));
        b.append(coldWarmup
                ? String.format(Locale.ROOT, "**Cold-pass warm-up: on** (`BENCH_COLD_WARMUP=1`, the default). The warm "
                        + "pass compiles only the code paths of its 30 queries per set; a new filter combination or "
                        + "query shape would still be compiled by the JIT while the timed cold queries run (measured: "
                        + "asked again at the end of a run, the cold filtered queries took half the time). So before "
                        + "the timed cold queries each set gets a warm-up of other new queries drawn the same way "
                        + "(another seed; none of them a warm or timed cold query), each asked on Lucene and then on "
                        + "PostgreSQL, untimed, cycling until each was asked once and %.0f s had passed: %s queries per "
                        + "side. 'Cold' then means a query neither side has seen, on code that is compiled.\n\n",
                        warmupSeconds, coldWarmedUp.entrySet().stream().map(e -> String.format(Locale.ROOT, "%s %,d",
                                e.getKey(), e.getValue())).collect(java.util.stream.Collectors.joining(", ")))
                : "**Cold-pass warm-up: off** (`BENCH_COLD_WARMUP=0`): the timed cold queries follow the warm pass "
                        + "directly, so their figures include the JIT compiling code paths (filter combinations, query "
                        + "shapes) the 30 warm queries per set never took (on both sides: the PostgreSQL side's JDBC "
                        + "driver runs in the same JVM).\n\n");
        b.append("Both sides do the same job, the one the portal's search page and `GET /api/documents/search` need: ")
                .append("the first page of 20 hits with what a hit shows, the exact total, and the counts of the four ")
                .append("facets (kind, issuing body, status, year) over all matches, where a facet's own selection does ")
                .append("not narrow its own counts (drill sideways) while the other selections and the date range do.\n\n")
                .append("- **Lucene** = `LegalActRegistryImpl.search()` in-process (no HTTP): word queries are scored ")
                .append("(BM25, title ×4, phrase boosts on the best 100) with highlighted snippets for the 20 hits; ")
                .append("a number that acts have is an exact term lookup on the normalised number (date order, no ")
                .append("snippet), its facet counts worked out from those few acts.\n")
                .append("- **PostgreSQL, same job** = over JDBC on loopback with the portal's connection options: the ")
                .append("page (`websearch_to_tsquery('simple', …)` ")
                .append("on a GIN-indexed tsvector, title weight A, file text B, issuing body/number/tags C, `ts_rank` ")
                .append("order, `LIMIT 20`; numbers: the `normalized_number` B-tree, date order), `ts_headline` snippets ")
                .append("for the page's rows (word queries), then one statement for the total and the four facet counts ")
                .append("(the matching rows read once as a MATERIALIZED CTE with a flag per selection; the total needs ")
                .append("every flag, each facet every flag but its own).\n")
                .append("- **PostgreSQL page + count** = the page and `count(*)` only, no snippets and no facets: ")
                .append("less than the portal needs, shown for reference (warm pass only: run before the same job it ")
                .append("would show PostgreSQL the cold queries first).\n\n")
                .append("'same answers' = queries for which both sides gave the same total and the same facet counts ")
                .append("(and, for numbers, the same page). Word queries differ on purpose: PostgreSQL has no Ukrainian ")
                .append("stemmer (see recall below). 'matches' = the median total of the set's queries on each side.\n\n");
        b.append("**Headline (the fair comparison): the cold rows** — PostgreSQL with the portal's connection options ")
                .append("doing the same job as the service, on queries neither side has seen, so neither gains from ")
                .append("repeating a few queries. The warm rows are the earlier measurement (30 curated queries per set, ")
                .append("asked over and over) under the same connection options.\n\n");
        b.append("| query set | pass | queries | Lucene p50 | Lucene p95 | PostgreSQL same job p50 | p95 | p50 speed-up | PostgreSQL page + count p50 | p95 | same answers | matches Lucene / PostgreSQL | goal p50 < 10, ≥ 5× |\n");
        b.append("|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
        for (int i = 0; i < r.sets.size(); i++) {
            SetResult s = r.sets.get(i);
            ColdResult c = r.cold.get(i);
            double l = s.lucene().p(0.5);
            b.append(String.format(Locale.ROOT, "| %s | warm | %d × %d runs | %.2f | %.2f | %.2f | %.2f | %.1f× | %.2f | %.2f | %d of %d | %,d / %,d | %s |\n",
                    s.name(), s.queries().size(), runs / Math.max(1, s.queries().size()), l, s.lucene().p(0.95),
                    s.pgFull().p(0.5), s.pgFull().p(0.95), s.pgFull().p(0.5) / l, s.pg().p(0.5), s.pg().p(0.95),
                    s.same(), s.queries().size(), s.luceneMedianTotal(), s.pgMedianTotal(),
                    goal(l, s.pgFull().p(0.5))));
            double cl = c.lucene().p(0.5);
            b.append(String.format(Locale.ROOT, "| **%s** | **cold** | %d new, each once, %s | **%.2f** | **%.2f** | **%.2f** | **%.2f** | **%.1f×** | — | — | %d of %d | %,d / %,d | **%s** |\n",
                    c.name(), c.queries().size(), coldWarmup
                            ? String.format(Locale.ROOT, "after %,d others untimed", coldWarmedUp.get(c.name()))
                            : "no warm-up", cl, c.lucene().p(0.95), c.pgFull().p(0.5), c.pgFull().p(0.95),
                    c.pgFull().p(0.5) / cl, c.same(), c.queries().size(), c.luceneMedianTotal(), c.pgMedianTotal(),
                    goal(cl, c.pgFull().p(0.5))));
        }
        b.append("\nFirst cold queries of each set: ");
        b.append(String.join("; ", r.cold.stream().map(c -> c.name() + ": " + String.join(", ", c.queries().stream()
                .limit(6).map(q -> "«" + q.label() + "»").toList())).toList())).append(".\n");
        b.append("\n## Recall on inflected queries\n\n");
        b.append("Total matches per keyword query. PostgreSQL ships no Ukrainian dictionary or stemmer, so the ")
                .append("'simple' configuration matches the typed word forms only; Lucene matches every form through ")
                .append("the lemmas of `UkrainianMorfologikAnalyzer` (and title words within one or two edits).\n\n");
        b.append("| query | Lucene total | PostgreSQL total | ratio | Lucene p50 ms | PostgreSQL same job p50 ms |\n|---|---|---|---|---|---|\n");
        SetResult kw = r.sets.get(0);
        long sumL = 0;
        long sumP = 0;
        for (int i = 0; i < keyword.size(); i++) {
            long[] t = r.recall.get(i);
            sumL += t[0];
            sumP += t[1];
            String label = keyword.get(i).label();
            b.append(String.format(Locale.ROOT, "| %s | %,d | %,d | %s | %.2f | %.2f |\n", label, t[0], t[1],
                    t[1] == 0 ? "∞" : String.format(Locale.ROOT, "%.1f×", (double) t[0] / t[1]),
                    kw.lucene().median(label), kw.pgFull().median(label)));
        }
        b.append(String.format(Locale.ROOT, "| **all %d queries** | **%,d** | **%,d** | **%.1f×** | | |\n\n", keyword.size(),
                sumL, sumP, (double) sumL / Math.max(1, sumP)));
        b.append("Known items (the seed acts, queried with another form of their title words; rank in the first 20, 0 = not there):\n\n");
        b.append("| act | query | title has | Lucene rank | PostgreSQL matches it | PostgreSQL rank | Lucene snippet |\n|---|---|---|---|---|---|---|\n");
        for (Object[] k : r.known) {
            Known kn = (Known) k[0];
            String snip = k[4] == null ? "" : ((String) k[4]).replace("|", "\\|");
            if (snip.length() > 160) {
                snip = snip.substring(0, 160) + "…";
            }
            b.append("| #").append(kn.id()).append(" | ").append(kn.query()).append(" | ").append(kn.titleHas())
                    .append(" | ").append(k[1]).append(" | ").append((Boolean) k[2] ? "yes" : "no").append(" | ")
                    .append(k[3]).append(" | ").append(snip).append(" |\n");
        }
        b.append("\nTypo: ").append(r.typo).append(".\n\n");
        b.append("Number queries used: ");
        b.append(String.join(", ", r.sets.get(1).queries().stream().map(q -> "«" + q.label() + "»").toList()))
                .append(".\n\n");
        b.append(KEEP_MARKER);
        b.append(kept.isEmpty() ? "\n" : kept);
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.writeString(out, b.toString());
        System.out.println(b);
    }

    private static String goal(double luceneP50, double pgP50) {
        boolean fast = luceneP50 < 10;
        boolean ahead = pgP50 >= 5 * luceneP50;
        return fast && ahead ? "met" : "not met (" + (fast ? "" : "p50 ≥ 10 ms") + (fast || ahead ? "" : ", ")
                + (ahead ? "" : "< 5×") + ")";
    }

    // ------------------------------------------------------------------ plumbing

    private static String scalar(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static double secs(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    private static String mb(long bytes) {
        return String.format(Locale.ROOT, "%.0f MB", bytes / 1024.0 / 1024.0);
    }

    private static long dirSize(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }
    }

    private static void deleteTree(Path p) throws IOException {
        if (!Files.exists(p)) {
            return;
        }
        try (Stream<Path> files = Files.walk(p)) {
            files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        }
    }

    private static PGSimpleDataSource dataSource(String database) {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setServerNames(new String[] {env("HROMADA_TEST_PGHOST", "127.0.0.1")});
        ds.setPortNumbers(new int[] {Integer.parseInt(env("HROMADA_TEST_PGPORT", "5432"))});
        ds.setUser(env("HROMADA_TEST_PGUSER", "postgres"));
        ds.setDatabaseName(database);
        return ds;
    }

    private static String env(String key, String def) {
        String v = System.getenv(key);
        return v == null || v.isBlank() ? def : v;
    }

    private boolean databaseExists() throws SQLException {
        try (Connection c = dataSource("postgres").getConnection();
                PreparedStatement p = c.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            p.setString(1, dbName);
            try (ResultSet rs = p.executeQuery()) {
                return rs.next();
            }
        }
    }

    private static void admin(String sql) throws SQLException {
        try (Connection c = dataSource("postgres").getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static final class LogProgress implements ua.hromada.portal.api.jobs.JobProgress {
        private long last = -1;

        @Override
        public void update(long done, long total) {
            if (done / 20_000 != last / 20_000 || done == total) {
                last = done;
                System.out.println("reindex " + done + " / " + total);
            }
        }

        @Override
        public boolean cancelled() {
            return false;
        }
    }
}
