package ua.hromada.docsearch.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;

import ua.hromada.docsearch.api.ActStatus;
import ua.hromada.docsearch.api.LegalActSearch;
import ua.hromada.docsearch.api.SearchQuery;
import ua.hromada.docsearch.api.SearchResult;
import ua.hromada.portal.api.SearchProvider.SearchHit;
import ua.hromada.portal.api.jobs.JobProgress;

/**
 * The public home page's act search: the words go to the register's search as the residents' page
 * sends them (relevance, no filter), and every hit leads to the act's public page, never to the
 * employees' one. The index answers here from a list (its search is tested in docsearch-service).
 */
class PublicActSearchTest {

    /** The register's search answering the given hits and keeping what it was asked. */
    private static final class Register implements LegalActSearch {
        final List<SearchQuery> asked = new ArrayList<>();
        final List<SearchResult.Hit> hits;

        Register(List<SearchResult.Hit> hits) {
            this.hits = hits;
        }

        @Override
        public SearchResult search(SearchQuery query) {
            asked.add(query);
            return new SearchResult(hits.size(), hits, Map.of(), 1);
        }

        @Override
        public long reindex(JobProgress progress) {
            return hits.size();
        }
    }

    private static SearchResult.Hit hit(long id, String number, String title) {
        return new SearchResult.Hit(id, "decision", "Рішення", number, LocalDate.of(2024, 4, 26), title,
                "Полтавська міська рада", ActStatus.IN_FORCE, 1f, null);
    }

    @Test
    void aHitOpensTheActsPublicPage() {
        Register register = new Register(List.of(hit(790, "790", "Про бюджет міста"), hit(12, "", "Про парки")));
        List<SearchHit> hits = new PublicActSearch(register).search("  бюджет ", 5, Locale.forLanguageTag("uk"));
        assertEquals(List.of(new SearchHit("Про бюджет міста", "Рішення, 790, 26.04.2024", "dokumenty/790"),
                new SearchHit("Про парки", "Рішення, 26.04.2024", "dokumenty/12")), hits);
        SearchQuery q = register.asked.get(0);
        assertEquals("бюджет", q.text());
        assertEquals(SearchQuery.Sort.RELEVANCE, q.sort());
        assertEquals(5, q.limit());
        assertTrue(q.kinds().isEmpty() && q.statuses().isEmpty() && q.years().isEmpty(),
                "the residents' page searches every act, as it is");
    }

    @Test
    void blankWordsAskNothingAndTheLimitIsKept() {
        Register register = new Register(List.of());
        PublicActSearch search = new PublicActSearch(register);
        assertEquals(List.of(), search.search(" ", 5, Locale.ENGLISH));
        assertTrue(register.asked.isEmpty());
        search.search("рішення", 10_000, Locale.ENGLISH);
        assertEquals(ActHits.MAX, register.asked.get(0).limit());
        assertEquals("docsearch.ui.menu.public", search.titleKey(), "the group is named as the residents' page");
    }
}
