package ua.hromada.docsearch.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import ua.hromada.docsearch.api.ActDraft;
import ua.hromada.docsearch.api.ActStatus;
import ua.hromada.docsearch.api.FileUpload;
import ua.hromada.docsearch.api.SearchQuery;
import ua.hromada.docsearch.api.SearchResult;

/** Dates typed in the search box become a date range; a number written inside a phrase is still looked up. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TypedDatesTest {
    private TestSetup setup;
    private LegalActRegistryImpl service;
    private long april26;
    private long april10;
    private long march2024;
    private long april2023;

    @BeforeAll
    void start() {
        setup = new TestSetup();
        service = setup.service(1024 * 1024);
        april26 = act("790", LocalDate.of(2024, 4, 26), "Про програму інформатизації громади");
        april10 = act("755", LocalDate.of(2024, 4, 10), "Про бюджет громади і програму інформатизації");
        march2024 = act("700", LocalDate.of(2024, 3, 5), "Про програму розвитку доріг");
        april2023 = act("2024", LocalDate.of(2023, 4, 26), "Про програму інформатизації на 2023 рік");
    }

    private long act(String number, LocalDate date, String title) {
        return service.create(new ActDraft("council-decision", "№ " + number, date, title, null, 8, 31,
                ActStatus.IN_FORCE, Set.of(), List.of()), List.of(new FileUpload("a.txt",
                (title + ". Текст рішення.").getBytes(StandardCharsets.UTF_8))), Fixtures.editor("olena")).id();
    }

    @AfterAll
    void stop() {
        setup.close();
    }

    private Set<Long> found(String text) {
        SearchResult r = service.search(SearchQuery.text(text));
        assertEquals(r.hits().size(), r.total(), text);
        return Set.copyOf(r.hits().stream().map(SearchResult.Hit::id).toList());
    }

    @Test
    void parsesTheWaysPeopleTypeDates() {
        assertParsed("26.04.2024", "", "2024-04-26", "2024-04-26");
        assertParsed("рішення від 26.04.2024 р.", "рішення", "2024-04-26", "2024-04-26");
        assertParsed("2024-04-26", "", "2024-04-26", "2024-04-26");
        assertParsed("бюджет 26 квітня 2024 року", "бюджет", "2024-04-26", "2024-04-26");
        assertParsed("квітень 2024", "", "2024-04-01", "2024-04-30");
        assertParsed("програма у квітні 2024", "програма", "2024-04-01", "2024-04-30");
        assertParsed("лютого 2024", "", "2024-02-01", "2024-02-29");
        assertParsed("2024", "", "2024-01-01", "2024-12-31");
        assertParsed("звіт за 2024 рік", "звіт", "2024-01-01", "2024-12-31");
        assertParsed("з 01.01.2024 по 31.03.2024", "", "2024-01-01", "2024-03-31");
        // not dates: a day that does not exist, a year range, a year written as a number, an amount
        assertFalse(TypedDates.parse("31.02.2024").found());
        assertFalse(TypedDates.parse("програма на 2024 2026 роки").found());
        assertFalse(TypedDates.parse("2024-2026").found());
        assertFalse(TypedDates.parse("№ 2024").found());
        assertFalse(TypedDates.parse("1/06-2024").found());
        assertFalse(TypedDates.parse("12500 гривень").found());
    }

    private static void assertParsed(String typed, String words, String from, String to) {
        TypedDates.Parsed p = TypedDates.parse(typed);
        assertEquals(words, p.text(), typed);
        assertEquals(LocalDate.parse(from), p.from(), typed);
        assertEquals(LocalDate.parse(to), p.to(), typed);
    }

    @Test
    void findsTheNumberInsideAPhrase() {
        assertEquals(new ActNumbers.NumberQuery("790", LocalDate.of(2024, 4, 26)),
                ActNumbers.findInPhrase("рішення № 790 від 26.04.2024 про програму").orElseThrow());
        assertEquals(new ActNumbers.NumberQuery("1/78-2026", null), ActNumbers.findInPhrase("наказ N1/78-2026.").orElseThrow());
        assertFalse(ActNumbers.findInPhrase("програма 2024 року").isPresent());
    }

    @Test
    void typedDatesFilterTheSearch() {
        assertEquals(Set.of(april26), found("26.04.2024"));
        assertEquals(Set.of(april26), found("інформатизації від 26.04.2024"));
        assertEquals(Set.of(april26, april10), found("квітень 2024"));
        assertEquals(Set.of(april26, april10), found("програма квітень 2024"));
        assertEquals(Set.of(april26, april10, march2024), found("програма 2024"));
        assertEquals(Set.of(march2024), found("доріг березня 2024"));
        // the date typed and the range chosen both apply
        SearchQuery both = new SearchQuery("квітень 2024", Set.of(), Set.of(), Set.of(), Set.of(),
                LocalDate.of(2024, 4, 20), null, SearchQuery.Sort.RELEVANCE, 0, 20);
        assertEquals(List.of(april26), service.search(both).hits().stream().map(SearchResult.Hit::id).toList());
    }

    @Test
    void numbersStillWin() {
        // a whole number query, with the sign, is the act of that number even when it looks like a year
        assertEquals(Set.of(april2023), found("№ 2024"));
        assertEquals(Set.of(april26), found("790 від 26.04.2024"));
        // inside a phrase
        assertEquals(Set.of(april26), found("рішення № 790 від 26.04.2024 про програму інформатизації"));
        assertEquals(Set.of(april10), found("рішення № 755 про бюджет"));
        // a number no act has stays one of the words, searched within the date typed
        assertEquals(Set.of(), found("рішення № 999 від 26.04.2024 про програму"));
        assertEquals(Set.of(april26), found("рішення від 26.04.2024 про програму"));
    }

    /** What the search page names as the date filter: the dates as typed, without the preposition. */
    @Test
    void namesTheDatesAsTyped() {
        assertEquals(List.of("26.04.2024"), TypedDates.parse("рішення від 26.04.2024 про бюджет").dates());
        assertEquals(List.of("квітні 2024"), TypedDates.parse("благоустрій у квітні 2024").dates());
        assertEquals(List.of("01.01.2024", "31.03.2024"), TypedDates.parse("з 01.01.2024 по 31.03.2024").dates());
        assertEquals(List.of(), TypedDates.parse("на 2024 – 2026 роки").dates());
        assertEquals(List.of("26.04.2024"), service.typedDates("від 26.04.2024"));
    }
}
