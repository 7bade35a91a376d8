package ua.hromada.docsearch.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import ua.hromada.docsearch.api.ActDraft;
import ua.hromada.docsearch.api.ActStatus;
import ua.hromada.docsearch.api.FileUpload;
import ua.hromada.docsearch.api.LegalAct;
import ua.hromada.docsearch.api.SearchQuery;
import ua.hromada.docsearch.api.SearchResult;

/**
 * Numbers that begin with letters (issue 20, item 19) — the exact queries employees typed — and
 * the snippet of a typo match highlighting the word it matched (item 22).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LetterNumbersTest {
    private TestSetup setup;
    private LegalActRegistryImpl service;
    private LegalAct cp;
    private LegalAct pmr;
    private LegalAct zv;
    private LegalAct unrelated;

    @BeforeAll
    void start() {
        setup = new TestSetup();
        service = setup.service(20L * 1024 * 1024);
        cp = act("mayor-order", "№ ЦП-2026", LocalDate.of(2026, 1, 15), "Про цільову програму енергоефективності",
                "Цільова програма енергоефективності бюджетних установ.");
        pmr = act("executive-decision", "ПМР-1", LocalDate.of(2022, 5, 17), "Про план місцевого розвитку",
                "План місцевого розвитку громади.");
        zv = act("report", "ЗВ-2025/3", LocalDate.of(2025, 9, 30), "Звіт про виконання бюджету",
                "Звіт про виконання бюджету за дев’ять місяців.");
        // mentions ПМР and 1 in its words: what «ПМР-1» used to find instead
        unrelated = act("other", "77", LocalDate.of(2024, 3, 1), "Про засідання робочої групи ПМР № 1",
                "Робоча група ПМР провела засідання 1 березня; розглянуто ПМР і пункт 1.");
    }

    @AfterAll
    void stop() {
        setup.close();
    }

    private LegalAct act(String kind, String number, LocalDate date, String title, String text) {
        return service.create(new ActDraft(kind, number, date, title, "Полтавська міська рада", null, null,
                ActStatus.IN_FORCE, Set.of(), List.of()),
                List.of(new FileUpload("text.txt", text.getBytes(StandardCharsets.UTF_8))), Fixtures.editor("olena"));
    }

    private List<Long> found(String query) {
        return service.search(SearchQuery.text(query)).hits().stream().map(SearchResult.Hit::id).toList();
    }

    @Test
    void theQueriesEmployeesTypedFindTheAct() {
        assertEquals(List.of(cp.id()), found("N ЦП-2026"));
        assertEquals(List.of(cp.id()), found("№ ЦП-2026"));
        assertEquals(List.of(cp.id()), found("цп-2026"));
        assertEquals(List.of(pmr.id()), found("ПМР-1 від 17.05.2022"));
        assertEquals(List.of(zv.id()), found("N ЗВ-2025/3"));
        assertEquals(List.of(pmr.id()), found("ПМР-1"), "only the act with that number, not texts that mention ПМР and 1");
        assertEquals(List.of(), found("ПМР-1 від 18.05.2022"), "another date: no act");
        assertTrue(found("ПМР").contains(unrelated.id()), "the word alone is still a word");
    }

    @Test
    void lettersInNumbersNormalise() {
        assertEquals("цп-2026", ActNumbers.normalize("№ ЦП-2026"));
        assertEquals("цп-2026", ActNumbers.normalize("N ЦП-2026"));
        assertEquals("зв-2025/3", ActNumbers.normalize("N ЗВ-2025/3"));
        assertEquals("нв-12", ActNumbers.normalize("НВ-12"), "a number's own Н stays");
        assertEquals("790", ActNumbers.normalize("N790"));
        var q = ActNumbers.parseQuery("ПМР-1 від 17.05.2022").orElseThrow();
        assertEquals("пмр-1", q.normalizedNumber());
        assertEquals(LocalDate.of(2022, 5, 17), q.date());
        assertEquals("нв-12", ActNumbers.parseQuery("НВ-12").orElseThrow().normalizedNumber());
        assertTrue(ActNumbers.parseQuery("бюджет").isEmpty(), "a word without digits is not a number");
    }

    @Test
    void numbersStoredUnderTheOldRulesAreNormalisedAgainAtStart() throws Exception {
        try (Connection c = setup.db.dataSource().getConnection();
                PreparedStatement ps = c.prepareStatement(
                        "UPDATE docsearch.act SET normalized_number = '№цп-2026' WHERE id = ?")) {
            ps.setLong(1, cp.id());
            ps.executeUpdate();
        }
        assertEquals(1, service.renormalizeNumbers());
        assertEquals("цп-2026", service.find(cp.id()).orElseThrow().normalizedNumber());
        assertEquals(List.of(cp.id()), found("N ЦП-2026"));
        assertEquals(0, service.renormalizeNumbers(), "nothing left to do");
    }

    @Test
    void aTypoMatchHighlightsTheWordItMatched() {
        // «енергоефективністі»: a typo no title has; the title word within two edits matched
        SearchResult r = service.search(SearchQuery.text("енергоефективністі"));
        assertEquals(List.of(cp.id()), r.hits().stream().map(SearchResult.Hit::id).toList());
        String snippet = r.hits().get(0).snippet();
        assertNotNull(snippet);
        Matcher mark = Pattern.compile("<mark>([^<]+)</mark>").matcher(snippet);
        assertTrue(mark.find(), snippet);
        assertTrue(mark.group(1).toLowerCase().startsWith("енергоефективност"), snippet);
    }
}
