package ua.hromada.opendata.publication;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import ua.hromada.opendata.publication.ui.PublicDatasetSearch;
import ua.hromada.portal.api.SearchProvider.SearchHit;

/** The public home page's dataset search over the real published registry: what the public page lists. */
class PublicDatasetSearchTest {

    private static final Locale UK = Locale.forLanguageTag("uk");
    private static PublicationFixture f;
    private static PublicDatasetSearch search;

    @BeforeAll
    static void start() {
        f = new PublicationFixture();
        search = new PublicDatasetSearch(f.publication);
    }

    @AfterAll
    static void stop() throws Exception {
        f.close();
    }

    private static List<String> routes(String words, int limit) {
        return search.search(words, limit, UK).stream().map(SearchHit::route).toList();
    }

    @Test
    void publishedDatasetsOpenTheirPassportOnThePublicPage() {
        List<SearchHit> hits = search.search("бюджет 2026", 5, UK);
        assertEquals(List.of(new SearchHit("Бюджет міста на 2026 рік", "Департамент фінансів",
                "vidkryti-dani?nabir=budget-2026")), hits);
        // the same relevance and order as the public page (PublicPageQueryTest)
        assertEquals(List.of("vidkryti-dani?nabir=budget-2025", "vidkryti-dani?nabir=budget-2026"), routes("бюджет", 5));
    }

    @Test
    void anUnpublishedDatasetIsNeverFound() {
        assertEquals(List.of(), routes("Чернетка", 5));
        assertEquals(List.of("vidkryti-dani?nabir=kindergartens", "vidkryti-dani?nabir=schools"), routes("освіта", 5),
                "the draft of the education department is left out");
    }

    @Test
    void theLimitIsKeptAndWordsAreNeverQuerySyntax() {
        assertEquals(1, routes("освіта", 1).size());
        assertEquals(List.of("vidkryti-dani?nabir=kindergartens", "vidkryti-dani?nabir=schools"), routes("освіта:", 5),
                "a stray colon is read as a space");
        assertEquals(List.of(), routes("   ", 5));
        assertEquals("opendata.publication.page.title", search.titleKey());
    }
}
