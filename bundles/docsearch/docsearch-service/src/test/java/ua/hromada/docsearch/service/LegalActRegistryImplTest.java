package ua.hromada.docsearch.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import ua.hromada.docsearch.api.ActDraft;
import ua.hromada.docsearch.api.ActStatus;
import ua.hromada.docsearch.api.BulkImport;
import ua.hromada.docsearch.api.ExtractionStatus;
import ua.hromada.docsearch.api.FileUpload;
import ua.hromada.docsearch.api.LegalAct;
import ua.hromada.docsearch.api.LinkType;
import ua.hromada.docsearch.api.SearchQuery;
import ua.hromada.docsearch.api.SearchResult;
import ua.hromada.docsearch.api.ValidationException;
import ua.hromada.portal.api.jobs.JobProgress;

/**
 * The service on a real PostgreSQL database and a real index, with the five seed documents
 * (src/test/resources/seeds, copied from ../shared/seeds) as acts.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LegalActRegistryImplTest {
    private static final long MB = 1024 * 1024;
    private TestSetup setup;
    private LegalActRegistryImpl service;
    private final Map<String, Long> seeds = new LinkedHashMap<>();

    @BeforeAll
    void start() throws IOException {
        setup = new TestSetup();
        service = setup.service(20 * MB);
        seed("000", "report", "2/2026", LocalDate.of(2026, 1, 20),
                "Цифровізація Полтавської МТГ: підсумки роботи відділу", "Полтавська міська рада", null, null,
                ActStatus.IN_FORCE, Set.of("цифровізація"));
        seed("001", "regulation", "1/78-2026", LocalDate.of(2026, 3, 12),
                "Положення про відділ цифрового розвитку і цифровізації Управління адміністративних послуг",
                "Полтавська міська рада", 8, 78, ActStatus.IN_FORCE, Set.of("положення", "структура"));
        seed("002", "council-decision", "№ 790", LocalDate.of(2024, 4, 26),
                "Про регіональну програму інформатизації «Цифрова Полтавщина» на 2024 – 2026 роки",
                "Полтавська обласна рада", 8, 31, ActStatus.AMENDED, Set.of("програма", "інформатизація"));
        seed("003", "other", "ГП-15", LocalDate.of(2024, 6, 3),
                "У Горішніх Плавнях переходять на діджитал: інформаційний портал міста", "Асоціація міст України",
                null, null, ActStatus.IN_FORCE, Set.of());
        seed("004", "report", "АМУ-7", LocalDate.of(2025, 2, 10),
                "Результати опитування щодо цифрової інфраструктури громад", "Асоціація міст України", null, null,
                ActStatus.LOST_FORCE, Set.of("опитування"));
    }

    private void seed(String prefix, String kind, String number, LocalDate date, String title, String body,
            Integer convocation, Integer session, ActStatus status, Set<String> tags) throws IOException {
        String file;
        try (var files = Files.list(Path.of("src/test/resources/seeds"))) {
            file = files.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(prefix)).findFirst().orElseThrow();
        }
        byte[] text;
        try (InputStream in = getClass().getResourceAsStream("/seeds/" + file)) {
            text = in.readAllBytes();
        }
        LegalAct act = service.create(new ActDraft(kind, number, date, title, body, convocation, session, status, tags,
                List.of()), List.of(new FileUpload(file, text)), Fixtures.editor("olena"));
        seeds.put(prefix, act.id());
    }

    @AfterAll
    void stop() {
        setup.close();
    }

    private List<Long> ids(SearchResult r) {
        return r.hits().stream().map(SearchResult.Hit::id).toList();
    }

    private SearchResult search(String text) {
        return service.search(SearchQuery.text(text));
    }

    private void assertFirst(String seed, String query) {
        SearchResult r = search(query);
        assertFalse(r.hits().isEmpty(), query + ": no hits");
        assertEquals(seeds.get(seed), r.hits().get(0).id(),
                () -> query + ": " + r.hits().stream().map(h -> h.id() + " " + h.title()).toList());
    }

    @Test
    void seedsAreStoredWithTheirText() {
        LegalAct act = service.find(seeds.get("002")).orElseThrow();
        assertEquals("№ 790", act.number());
        assertEquals("790", act.normalizedNumber());
        assertEquals("Рішення сесії міської ради", act.kind().name());
        assertEquals(1, act.files().size());
        assertEquals(ExtractionStatus.OK, act.files().get(0).extraction());
        assertEquals(64, act.files().get(0).sha256().length());
        assertEquals("text/plain", act.files().get(0).mediaType());
        assertTrue(service.issuingBodies().contains("Асоціація міст України"));
        assertEquals(7, service.kinds().size());
        assertTrue(setup.audit.entries().stream().anyMatch(e -> e.action().equals("create")
                && e.entityId().equals(seeds.get("002").toString()) && e.module().equals("docsearch")
                && e.entityType().equals("legal-act") && e.changes().contains("790")));
    }

    @Test
    void realisticQueriesFindTheSeeds() {
        assertFirst("002", "програма інформатизації");
        assertFirst("002", "програми інформатизації");
        assertFirst("002", "цифрова полтавщина");
        assertFirst("002", "Цифрової Полтавщини");
        assertFirst("001", "відділ цифрового розвитку");
        assertFirst("001", "положення про відділ");
        assertFirst("004", "опитування обласних центрів");
        assertFirst("003", "Горішні Плавні");
        assertTrue(ids(search("відкриті дані")).contains(seeds.get("003")));
        assertTrue(ids(search("відкритих даних")).contains(seeds.get("003")));
    }

    @Test
    void aTypoInATitleWordStillFinds() {
        assertFirst("002", "цифрова полтавшина");
        assertFirst("003", "Горішніх Плавнях діджитол");
    }

    @Test
    void numberLookupIsNormalisedAndCombinesWithTheDate() {
        for (String q : List.of("790", "№ 790", "№790", "N790", "No 790")) {
            assertFirst("002", q);
        }
        SearchResult number = search("790");
        assertEquals(1, number.total(), "an exact number finds only the acts with it, not texts that mention it");
        assertEquals(Map.of("council-decision", 1L), counts(number, "kind"));
        // a number no act has is searched as words: the title of 002 says "на 2024 – 2026 роки"
        assertTrue(ids(search("2024")).contains(seeds.get("002")));
        SearchResult exact = search("790 від 26.04.2024");
        assertEquals(List.of(seeds.get("002")), ids(exact));
        assertEquals(0, search("790 від 27.04.2024").total());
        assertFirst("001", "1/78-2026");
        assertFirst("003", "№ ГП-15".replace("№ ", ""));
    }

    @Test
    void snippetsMarkMatchesAndEscapeTheRest() {
        SearchResult r = search("програма інформатизації");
        String snippet = r.hits().get(0).snippet();
        assertNotNull(snippet);
        assertTrue(snippet.contains("<mark>"), snippet);
        String withoutMarks = snippet.replace("<mark>", "").replace("</mark>", "");
        assertFalse(withoutMarks.contains("<"), snippet);
        assertFalse(withoutMarks.contains(">"), snippet);
    }

    @Test
    void filtersAndFacetsCountAllMatches() {
        SearchResult all = service.search(new SearchQuery("", Set.of(), Set.of(), Set.of(), Set.of(), null, null,
                SearchQuery.Sort.DATE_DESC, 0, 2));
        assertEquals(5, all.total());
        assertEquals(2, all.hits().size(), "paged");
        assertEquals(List.of(seeds.get("001"), seeds.get("000")), ids(all), "newest first");
        Map<String, Long> kinds = counts(all, "kind");
        assertEquals(Map.of("report", 2L, "regulation", 1L, "council-decision", 1L, "other", 1L), kinds);
        assertEquals(Map.of("2024", 2L, "2025", 1L, "2026", 2L), counts(all, "year"));
        assertEquals(Map.of("IN_FORCE", 3L, "AMENDED", 1L, "LOST_FORCE", 1L), counts(all, "status"));
        assertEquals(Map.of("Полтавська міська рада", 2L, "Полтавська обласна рада", 1L, "Асоціація міст України", 2L),
                counts(all, "issuingBody"));
        assertEquals("Звіт", all.facets().get("kind").stream().filter(f -> f.value().equals("report")).findFirst()
                .orElseThrow().label());
        assertEquals("Змінено", all.facets().get("status").stream().filter(f -> f.value().equals("AMENDED"))
                .findFirst().orElseThrow().label());

        SearchResult page2 = service.search(new SearchQuery("", Set.of(), Set.of(), Set.of(), Set.of(), null, null,
                SearchQuery.Sort.DATE_DESC, 2, 2));
        assertEquals(List.of(seeds.get("004"), seeds.get("003")), ids(page2));

        SearchResult reports = service.search(new SearchQuery(null, Set.of("report"), Set.of(), Set.of(), Set.of(),
                null, null, SearchQuery.Sort.DATE_ASC, 0, 20));
        assertEquals(List.of(seeds.get("004"), seeds.get("000")), ids(reports));
        assertEquals(kinds, counts(reports, "kind"), "a facet's own selection does not narrow its counts");

        SearchResult y2024 = service.search(new SearchQuery("", Set.of(), Set.of(), Set.of(), Set.of(2024), null, null,
                SearchQuery.Sort.RELEVANCE, 0, 20));
        assertEquals(Set.of(seeds.get("002"), seeds.get("003")), Set.copyOf(ids(y2024)));

        SearchResult range = service.search(new SearchQuery("", Set.of(), Set.of("Асоціація міст України"),
                Set.of(ActStatus.IN_FORCE), Set.of(), LocalDate.of(2024, 1, 1), LocalDate.of(2024, 12, 31),
                SearchQuery.Sort.RELEVANCE, 0, 20));
        assertEquals(List.of(seeds.get("003")), ids(range));

        SearchResult words = service.search(new SearchQuery("цифрового", Set.of(), Set.of(), Set.of(), Set.of(), null,
                LocalDate.of(2025, 12, 31), SearchQuery.Sort.RELEVANCE, 0, 20));
        assertTrue(words.hits().stream().allMatch(h -> h.date().getYear() <= 2025));
        long sum = counts(words, "kind").values().stream().mapToLong(Long::longValue).sum();
        assertEquals(words.total(), sum, "facets count all matches");
    }

    private SearchResult filtered(String text, Set<String> kinds, Set<ActStatus> statuses, Set<Integer> years) {
        return service.search(new SearchQuery(text, kinds, Set.of(), statuses, years, null, null,
                SearchQuery.Sort.RELEVANCE, 0, 20));
    }

    @Test
    void facetCountsNarrowWithTheOtherFiltersButNotTheirOwn() {
        // reports: 000 (2026, in force) and 004 (2025, lost force); 001 regulation 2026
        SearchResult reports = filtered("", Set.of("report"), Set.of(), Set.of());
        assertEquals(2, reports.total());
        assertEquals(Map.of("report", 2L, "regulation", 1L, "council-decision", 1L, "other", 1L),
                counts(reports, "kind"), "the other kinds stay offered with what choosing them gives");
        assertEquals(Map.of("2026", 1L, "2025", 1L), counts(reports, "year"), "years of the reports only");
        assertEquals(Map.of("IN_FORCE", 1L, "LOST_FORCE", 1L), counts(reports, "status"));

        SearchResult reports2026 = filtered("", Set.of("report"), Set.of(), Set.of(2026));
        assertEquals(List.of(seeds.get("000")), ids(reports2026));
        assertEquals(Map.of("report", 1L, "regulation", 1L), counts(reports2026, "kind"), "kinds of 2026");
        assertEquals(Map.of("2026", 1L, "2025", 1L), counts(reports2026, "year"), "years of the reports");
        assertEquals(Map.of("IN_FORCE", 1L), counts(reports2026, "status"), "both selections apply");
        assertEquals(Map.of("Полтавська міська рада", 1L), counts(reports2026, "issuingBody"));

        // the same with words (full-text path) and with a number (exact lookup path)
        SearchResult words = filtered("цифрового", Set.of("report"), Set.of(), Set.of(2026));
        SearchResult wordsAll = filtered("цифрового", Set.of(), Set.of(), Set.of());
        SearchResult wordsIn2026 = filtered("цифрового", Set.of(), Set.of(), Set.of(2026));
        SearchResult wordsReports = filtered("цифрового", Set.of("report"), Set.of(), Set.of());
        assertEquals(counts(wordsIn2026, "kind"), counts(words, "kind"));
        assertEquals(counts(wordsReports, "year"), counts(words, "year"));
        assertTrue(counts(wordsAll, "kind").size() > counts(words, "kind").size(), wordsAll.facets().toString());
        assertEquals(words.total(), counts(words, "status").values().stream().mapToLong(Long::longValue).sum());

        // three selections: each facet counts as if only the other two were chosen (the single pass
        // visits acts that miss at most one selection)
        Set<String> kinds = Set.of("report", "regulation");
        Set<ActStatus> statuses = Set.of(ActStatus.IN_FORCE);
        Set<Integer> years = Set.of(2026);
        SearchResult three = filtered("цифрового", kinds, statuses, years);
        assertEquals(counts(filtered("цифрового", Set.of(), statuses, years), "kind"), counts(three, "kind"));
        assertEquals(counts(filtered("цифрового", kinds, Set.of(), years), "status"), counts(three, "status"));
        assertEquals(counts(filtered("цифрового", kinds, statuses, Set.of()), "year"), counts(three, "year"));
        assertEquals(three.total(), counts(three, "issuingBody").values().stream().mapToLong(Long::longValue).sum());
        assertTrue(!counts(three, "kind").isEmpty() || !counts(three, "year").isEmpty(), three.facets().toString());

        SearchResult number = filtered("№ 790", Set.of("report"), Set.of(), Set.of());
        assertEquals(0, number.total());
        assertEquals(Map.of("council-decision", 1L), counts(number, "kind"), "what choosing the act's kind gives");
        assertEquals(Map.of(), counts(number, "year"));
        SearchResult numberIn2024 = filtered("790", Set.of("council-decision"), Set.of(ActStatus.AMENDED),
                Set.of(2024));
        assertEquals(List.of(seeds.get("002")), ids(numberIn2024));
        assertEquals(Map.of("AMENDED", 1L), counts(numberIn2024, "status"));
        assertEquals(Map.of("Полтавська обласна рада", 1L), counts(numberIn2024, "issuingBody"));
    }

    private static Map<String, Long> counts(SearchResult r, String dim) {
        return r.facets().get(dim).stream()
                .collect(Collectors.toMap(SearchResult.FacetValue::value, SearchResult.FacetValue::count));
    }

    private static final List<String> PROBES = List.of("програма інформатизації", "цифрова полтавщина", "790",
            "790 від 26.04.2024", "відділ цифрового розвитку", "опитування обласних центрів", "громада", "");

    private List<String> fingerprint(LegalActRegistryImpl s) {
        List<String> out = new ArrayList<>();
        for (String q : PROBES) {
            SearchResult r = s.search(new SearchQuery(q, Set.of(), Set.of(), Set.of(), Set.of(), null, null,
                    SearchQuery.Sort.DATE_DESC, 0, 50));
            out.add(q + " -> " + r.total() + " " + ids(r) + " " + r.facets());
        }
        return out;
    }

    @Test
    void rebuiltIndexEqualsTheIncrementalOne() {
        List<String> incremental = fingerprint(service);
        List<long[]> progress = new ArrayList<>();
        long n = service.reindex((done, total) -> progress.add(new long[] {done, total}));
        assertEquals(service.count(), n);
        assertEquals(n, progress.get(progress.size() - 1)[0]);
        assertEquals(incremental, fingerprint(service));
        assertEquals(n, service.reindex(JobProgress.NONE), "idempotent");
        assertEquals(incremental, fingerprint(service));

        // a lost index folder: a fresh service on the same database rebuilds the community's index
        // when it first opens it (at start, or at the community's first use)
        LegalActRegistryImpl fresh = setup.service(20 * MB);
        assertEquals(n, fresh.search(SearchQuery.text("")).total());
        assertEquals(0, fresh.rebuildIfOutOfStep(), "in step since");
        assertEquals(incremental, fingerprint(fresh));
    }

    @Test
    void cancelledReindexKeepsTheOldIndex() {
        List<String> before = fingerprint(service);
        long n = service.reindex(new JobProgress() {
            @Override
            public void update(long done, long total) {
            }

            @Override
            public boolean cancelled() {
                return true;
            }
        });
        assertEquals(-1, n);
        assertEquals(before, fingerprint(service));
    }

    @Test
    void refusedInputLeavesNothingSaved() {
        long acts = service.count();
        int audits = setup.audit.entries().size();
        ValidationException e = assertThrows(ValidationException.class, () -> service.create(
                new ActDraft("no-such-kind", " ", LocalDate.now().plusDays(2), "", null, 0, -1, null, Set.of(),
                        List.of()),
                List.of(new FileUpload("virus.exe", new byte[] {1, 2})), Fixtures.editor("olena")));
        assertEquals(Map.of("kind", MessageKeys.KIND_UNKNOWN, "number", MessageKeys.NUMBER_REQUIRED, "date",
                MessageKeys.DATE_FUTURE, "title", MessageKeys.TITLE_REQUIRED, "convocation",
                MessageKeys.CONVOCATION_POSITIVE, "session", MessageKeys.SESSION_POSITIVE, "file", MessageKeys.FILE_TYPE),
                e.fieldErrors());

        ActDraft good = new ActDraft("other", "5", LocalDate.of(2025, 1, 1), "Нормальна назва", null, null, null,
                ActStatus.IN_FORCE, Set.of(), List.of());
        assertEquals(Map.of("title", MessageKeys.TITLE_TOO_LONG), assertThrows(ValidationException.class,
                () -> service.create(new ActDraft("other", "5", LocalDate.of(2025, 1, 1), "я".repeat(1001), null, null,
                        null, null, Set.of(), List.of()), List.of(), Fixtures.editor("olena"))).fieldErrors());
        // a good file and a renamed one: nothing of the act or the good file is saved
        assertEquals(Map.of("file", MessageKeys.FILE_MISMATCH), assertThrows(ValidationException.class,
                () -> service.create(good, List.of(new FileUpload("ok.txt", "текст".getBytes(StandardCharsets.UTF_8)),
                        new FileUpload("fake.pdf", "не pdf".getBytes(StandardCharsets.UTF_8))), Fixtures.editor("olena"))).fieldErrors());
        assertEquals(Map.of("file", MessageKeys.FILE_EMPTY), assertThrows(ValidationException.class,
                () -> service.create(good, List.of(new FileUpload("e.txt", new byte[0])), Fixtures.editor("olena"))).fieldErrors());
        assertEquals(Map.of("links", MessageKeys.LINK_UNKNOWN), assertThrows(ValidationException.class,
                () -> service.create(new ActDraft("other", "5", LocalDate.of(2025, 1, 1), "Назва", null, null, null,
                        null, Set.of(), List.of(new ActDraft.Link(999_999, LinkType.AMENDS))), List.of(), Fixtures.editor("olena")))
                .fieldErrors());
        LegalActRegistryImpl small = setup.service(1024);
        assertEquals(Map.of("file", MessageKeys.FILE_TOO_LARGE), assertThrows(ValidationException.class,
                () -> small.create(good, List.of(new FileUpload("big.txt", "а".repeat(2000).getBytes(StandardCharsets.UTF_8))),
                        Fixtures.editor("olena"))).fieldErrors());

        assertEquals(acts, service.count());
        assertEquals(audits, setup.audit.entries().size());
        assertEquals(0, search("Нормальна назва").total());
    }

    @Test
    void unreadableFileIsKeptAndFlagged() {
        byte[] corrupt = "%PDF-1.7\n1 0 obj << /Type /Catalog >> broken".getBytes(StandardCharsets.US_ASCII);
        LegalAct act = service.create(new ActDraft("mayor-order", "17-р", LocalDate.of(2025, 5, 5),
                "Про пошкоджений файл розпорядження", "Міський голова", null, null, ActStatus.IN_FORCE, Set.of(),
                List.of()), List.of(new FileUpload("C:\\scans\\order.pdf", corrupt)), Fixtures.editor("olena"));
        try {
            assertEquals(1, act.files().size());
            assertEquals("order.pdf", act.files().get(0).fileName());
            assertEquals(ExtractionStatus.FAILED, act.files().get(0).extraction());
            assertNotNull(act.files().get(0).extractionError());
            assertEquals(corrupt.length, service.fileContent(act.files().get(0).id()).orElseThrow().content().length);
            assertFirst2(act.id(), "пошкоджений файл");
        } finally {
            service.delete(act.id(), Fixtures.editor("olena"));
        }
        assertTrue(service.find(act.id()).isEmpty());
        assertEquals(0, search("пошкоджений файл").total());
    }

    private void assertFirst2(long id, String q) {
        assertEquals(id, search(q).hits().get(0).id());
    }

    @Test
    void updateLinksFilesAndDeleteKeepTheIndexInStep() {
        LegalAct amending = service.create(new ActDraft("council-decision", "1001", LocalDate.of(2025, 3, 1),
                "Про внесення змін до програми інформатизації", "Полтавська обласна рада", 8, 40, ActStatus.IN_FORCE,
                Set.of(), List.of(new ActDraft.Link(seeds.get("002"), LinkType.AMENDS))), List.of(), Fixtures.editor("petro"));
        try {
            LegalAct target = service.find(seeds.get("002")).orElseThrow();
            assertTrue(target.links().stream().anyMatch(l -> !l.outgoing() && l.otherActId() == amending.id()
                    && l.type() == LinkType.AMENDS && l.otherNumber().equals("1001")));
            assertTrue(amending.links().stream().anyMatch(l -> l.outgoing() && l.otherActId() == seeds.get("002")));

            LegalAct updated = service.update(amending.id(), version(amending.id()), new ActDraft("council-decision", "1001",
                    LocalDate.of(2025, 3, 1), "Про зміни до програми енергозбереження", "Полтавська обласна рада", 8, 40,
                    ActStatus.IN_FORCE, Set.of("енергетика"), List.of()), Fixtures.editor("petro"));
            assertTrue(updated.links().isEmpty());
            assertEquals(Set.of("енергетика"), updated.tags());
            assertFirst2(amending.id(), "енергозбереження");
            assertTrue(setup.audit.entries().stream().anyMatch(e -> e.action().equals("update")
                    && e.changes().contains("title:") && e.changes().contains("tags:")));

            LegalAct withFile = service.addFiles(amending.id(), version(amending.id()), List.of(new FileUpload("dodatok.docx",
                    Fixtures.docx("Додаток про теплову модернізацію шкіл"))), Fixtures.editor("petro"));
            assertEquals(ExtractionStatus.OK, withFile.files().get(0).extraction());
            assertFirst2(amending.id(), "теплова модернізація");
            service.removeFile(amending.id(), withFile.files().get(0).id(), Fixtures.editor("petro"));
            assertEquals(0, search("теплова модернізація").total());
            assertThrows(java.util.NoSuchElementException.class, () -> service.update(987_654, 0, new ActDraft("other",
                    "1", LocalDate.of(2025, 1, 1), "x", null, null, null, null, Set.of(), List.of()), Fixtures.editor("petro")));
            assertThrows(ValidationException.class, () -> service.update(amending.id(), version(amending.id()), new ActDraft("other", "1",
                    LocalDate.of(2025, 1, 1), "x", null, null, null, null, Set.of(),
                    List.of(new ActDraft.Link(amending.id(), LinkType.CANCELS))), Fixtures.editor("petro")));
        } finally {
            service.delete(amending.id(), Fixtures.editor("petro"));
        }
        assertTrue(service.find(seeds.get("002")).orElseThrow().links().isEmpty());
        assertEquals(0, search("енергозбереження").total());
    }

    private LegalAct act(String number, ActStatus status, List<ActDraft.Link> links) {
        return service.create(new ActDraft("executive-decision", number, LocalDate.of(2025, 6, 2),
                "Про тарифи на перевезення " + number, "Виконавчий комітет", null, null, status, Set.of(), links),
                List.of(), Fixtures.editor("petro"));
    }

    private ActDraft draftOf(LegalAct a, ActStatus status, List<ActDraft.Link> links) {
        return new ActDraft(a.kind().code(), a.number(), a.date(), a.title(), a.issuingBody(), a.convocation(),
                a.session(), status, a.tags(), links);
    }

    /** The version the act has now (what a form opened now would send back). */
    private long version(long id) {
        return service.find(id).orElseThrow().version();
    }

    private ActStatus statusOf(LegalAct a) {
        return service.find(a.id()).orElseThrow().status();
    }

    /** The status the index has for the act (found by its number, filtered by status). */
    private boolean indexedAs(LegalAct a, ActStatus status) {
        return ids(service.search(new SearchQuery(a.number(), Set.of(), Set.of(), Set.of(status), Set.of(), null, null,
                SearchQuery.Sort.RELEVANCE, 0, 20))).contains(a.id());
    }

    @Test
    void cancellingAndAmendingLinksSetTheTargetsStatusAndGiveItBack() {
        List<Long> created = new ArrayList<>();
        try {
            LegalAct target = act("9101", ActStatus.IN_FORCE, List.of());
            created.add(target.id());
            LegalAct cancelling = act("9102", ActStatus.IN_FORCE, List.of(new ActDraft.Link(target.id(),
                    LinkType.CANCELS)));
            created.add(cancelling.id());
            assertEquals(ActStatus.LOST_FORCE, statusOf(target));
            assertTrue(indexedAs(target, ActStatus.LOST_FORCE), "the index has the new status");
            assertTrue(setup.audit.entries().stream().anyMatch(e -> e.action().equals("status-from-link")
                    && e.entityId().equals(Long.toString(target.id()))
                    && e.changes().equals("status: IN_FORCE → LOST_FORCE (cancelled by act #" + cancelling.id() + ")")));

            LegalAct amending = act("9103", ActStatus.IN_FORCE, List.of(new ActDraft.Link(target.id(),
                    LinkType.AMENDS)));
            created.add(amending.id());
            assertEquals(ActStatus.LOST_FORCE, statusOf(target), "amending does not revive a cancelled act");

            service.update(cancelling.id(), version(cancelling.id()), draftOf(cancelling, ActStatus.IN_FORCE, List.of()), Fixtures.editor("petro"));
            assertEquals(ActStatus.AMENDED, statusOf(target), "the cancellation is gone, the amendment stays");
            assertTrue(indexedAs(target, ActStatus.AMENDED));

            service.delete(amending.id(), Fixtures.editor("petro"));
            created.remove(amending.id());
            assertEquals(ActStatus.IN_FORCE, statusOf(target), "no link left: the status before the links");
            assertTrue(indexedAs(target, ActStatus.IN_FORCE));

            // a status a person chose stays when the link that would have changed it goes
            LegalAct suspended = act("9104", ActStatus.SUSPENDED, List.of());
            created.add(suspended.id());
            service.update(cancelling.id(), version(cancelling.id()), draftOf(cancelling, ActStatus.IN_FORCE,
                    List.of(new ActDraft.Link(suspended.id(), LinkType.AMENDS))), Fixtures.editor("petro"));
            assertEquals(ActStatus.SUSPENDED, statusOf(suspended), "amending does not lift a suspension");
            service.update(cancelling.id(), version(cancelling.id()), draftOf(cancelling, ActStatus.IN_FORCE,
                    List.of(new ActDraft.Link(target.id(), LinkType.CANCELS))), Fixtures.editor("petro"));
            assertEquals(ActStatus.LOST_FORCE, statusOf(target));
            LegalAct t = service.find(target.id()).orElseThrow();
            service.update(target.id(), version(target.id()), draftOf(t, ActStatus.SUSPENDED, List.of()), Fixtures.editor("olena"));
            service.update(cancelling.id(), version(cancelling.id()), draftOf(cancelling, ActStatus.IN_FORCE, List.of()), Fixtures.editor("petro"));
            assertEquals(ActStatus.SUSPENDED, statusOf(target), "the person's choice is not undone by the link");
        } finally {
            for (int i = created.size() - 1; i >= 0; i--) {
                service.delete(created.get(i), Fixtures.editor("petro"));
            }
        }
    }

    @Test
    void statusFromLinksRules() {
        assertEquals(new LinkStatuses.LinkedStatus(ActStatus.LOST_FORCE, ActStatus.IN_FORCE),
                LinkStatuses.statusFromLinks(ActStatus.IN_FORCE, null, true, false));
        assertEquals(new LinkStatuses.LinkedStatus(ActStatus.LOST_FORCE, ActStatus.SUSPENDED),
                LinkStatuses.statusFromLinks(ActStatus.SUSPENDED, null, true, true));
        assertEquals(new LinkStatuses.LinkedStatus(ActStatus.AMENDED, ActStatus.IN_FORCE),
                LinkStatuses.statusFromLinks(ActStatus.IN_FORCE, null, false, true));
        assertEquals(null, LinkStatuses.statusFromLinks(ActStatus.AMENDED, null, false, true), "already so");
        assertEquals(null, LinkStatuses.statusFromLinks(ActStatus.LOST_FORCE, null, false, false));
        assertEquals(null, LinkStatuses.statusFromLinks(ActStatus.LOST_FORCE, null, true, false));
        assertEquals(new LinkStatuses.LinkedStatus(ActStatus.SUSPENDED, null),
                LinkStatuses.statusFromLinks(ActStatus.LOST_FORCE, ActStatus.SUSPENDED, false, true),
                "an amendment alone would not have changed a suspended act");
        assertEquals(new LinkStatuses.LinkedStatus(ActStatus.IN_FORCE, null),
                LinkStatuses.statusFromLinks(ActStatus.AMENDED, ActStatus.IN_FORCE, false, false));
    }

    @Test
    void importCommitsTheIndexOncePerBatchAndStaysInStepWhenItStopsMidway() throws IOException {
        Path dir = setup.newDir();
        LegalActRegistryImpl own = setup.service(dir, 20 * MB);
        own.reindex(JobProgress.NONE);
        StringBuilder csv = new StringBuilder("file,kind,number,date,title\n");
        Map<String, byte[]> entries = new LinkedHashMap<>();
        for (int i = 1; i <= 4; i++) {
            csv.append("p").append(i).append(".txt,other,П-").append(i).append(",2025-03-0").append(i)
                    .append(",Пакетний імпорт номер ").append(i).append('\n');
            entries.put("p" + i + ".txt", ("Текст пакетного документа " + i).getBytes(StandardCharsets.UTF_8));
        }
        entries.put("metadata.csv", csv.toString().getBytes(StandardCharsets.UTF_8));
        long commitsBefore = commitGeneration(dir);
        RuntimeException stop = new IllegalStateException("import stopped");
        // the third row's progress report fails: rows 1-3 are saved, row 4 never runs
        RuntimeException thrown = assertThrows(IllegalStateException.class, () -> new BulkImportImpl(own, setup.communities).importZip(
                new ByteArrayInputStream(Fixtures.zip(entries)), (done, total) -> {
                    if (done == 3) {
                        throw stop;
                    }
                }, Fixtures.editor("import")));
        assertEquals(stop, thrown);
        List<Long> saved = ids(own.search(SearchQuery.text("пакетний імпорт")));
        try {
            assertEquals(3, saved.size(), "what the database has is in the index");
            assertEquals(commitsBefore + 1, commitGeneration(dir), "one commit for the three rows");
            assertEquals(3, saved.stream().filter(id -> service.find(id).isPresent()).count());
            own.deactivate();
            LegalActRegistryImpl reopened = setup.service(dir, 20 * MB);
            assertEquals(saved.size(), reopened.search(SearchQuery.text("пакетний імпорт")).total(), "committed");
        } finally {
            saved.forEach(id -> service.delete(id, Fixtures.editor("import")));
        }
    }

    private static long commitGeneration(Path root) throws IOException {
        // the default community's index (one folder per community)
        try (var gens = Files.list(root.resolve("default"))) {
            Path gen = gens.filter(p -> p.getFileName().toString().startsWith("gen-")).findFirst().orElseThrow();
            try (var d = org.apache.lucene.store.FSDirectory.open(gen)) {
                return org.apache.lucene.index.SegmentInfos.getLastCommitGeneration(d);
            }
        }
    }

    @Test
    void zipImportSkipsBadRowsAndReportsEach() {
        String csv = "file,kind,number,date,title,issuing_body,status,convocation,session,tags\n"
                + "a.txt;b.html,Рішення виконавчого комітету,№ 55,01.02.2025,Про благоустрій скверу,Виконавчий комітет,чинний,,,благоустрій;сквер\n"
                + "c.txt,executive-decision,56,2025-13-01,Погана дата,Виконавчий комітет,,,,\n"
                + "missing.pdf,executive-decision,57,2025-02-03,Немає файлу,Виконавчий комітет,,,,\n"
                + "d.odt,executive-decision,,2025-02-04,Без номера,Виконавчий комітет,,,,\n"
                + "e.rtf,regulation,58,2025-02-05,Положення про сквери,Виконавчий комітет,IN_FORCE,8,2,\n";
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("metadata.csv", csv.getBytes(StandardCharsets.UTF_8));
        entries.put("a.txt", "Озеленення скверу на вулиці Соборності".getBytes(StandardCharsets.UTF_8));
        entries.put("b.html", Fixtures.html("Схема скверу"));
        entries.put("c.txt", "текст".getBytes(StandardCharsets.UTF_8));
        entries.put("d.odt", Fixtures.odt("без номера"));
        entries.put("docs/e.rtf", Fixtures.rtf("Положення про утримання скверів"));
        List<long[]> progress = new ArrayList<>();
        BulkImport importer = new BulkImportImpl(service, setup.communities);
        BulkImport.ImportReport report = importer.importZip(new ByteArrayInputStream(Fixtures.zip(entries)),
                (done, total) -> progress.add(new long[] {done, total}), Fixtures.editor("import"));
        try {
            assertEquals(5, report.rows());
            assertEquals(2, report.created());
            assertEquals(3, report.failed());
            List<BulkImport.RowResult> r = report.results();
            assertTrue(r.get(0).ok());
            assertEquals(2, r.get(0).row());
            assertEquals(MessageKeys.IMPORT_DATE, r.get(1).messageKey());
            assertEquals("2025-13-01", r.get(1).detail());
            assertEquals(MessageKeys.IMPORT_FILE_MISSING, r.get(2).messageKey());
            assertEquals(MessageKeys.NUMBER_REQUIRED, r.get(3).messageKey());
            assertTrue(r.get(4).ok());
            assertEquals(5, progress.get(progress.size() - 1)[0]);

            LegalAct first = service.find(r.get(0).actId()).orElseThrow();
            assertEquals("executive-decision", first.kind().code());
            assertEquals(2, first.files().size());
            assertEquals(Set.of("благоустрій", "сквер"), first.tags());
            assertFirst2(first.id(), "озеленення скверу");
            assertEquals(8, service.find(r.get(4).actId()).orElseThrow().convocation());
            assertThrows(ValidationException.class, () -> importer.importZip(
                    new ByteArrayInputStream("not a zip".getBytes(StandardCharsets.UTF_8)), null, Fixtures.editor("import")));
            assertThrows(ValidationException.class, () -> importer.importZip(
                    new ByteArrayInputStream(Fixtures.zip(Map.of("a.txt", new byte[] {1}))), null, Fixtures.editor("import")));
        } finally {
            r(report).forEach(id -> service.delete(id, Fixtures.editor("import")));
        }
    }

    private static List<Long> r(BulkImport.ImportReport report) {
        return report.results().stream().filter(BulkImport.RowResult::ok).map(BulkImport.RowResult::actId).toList();
    }
}
