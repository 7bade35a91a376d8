package ua.hromada.portal.shell.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import ua.hromada.portal.api.PublicSearchProvider;
import ua.hromada.portal.api.SearchProvider.SearchHit;

/** The public home page's search over the providers the registry gives, as the page runs it. */
class PublicSearchTest {

    private static final Locale UK = Locale.forLanguageTag("uk");

    /** A provider answering {@code count} hits for any words (more than asked, to prove the cut). */
    private record Provider(String titleKey, int count, List<String> asked) implements PublicSearchProvider {
        Provider(String titleKey, int count) {
            this(titleKey, count, new ArrayList<>());
        }

        @Override
        public List<SearchHit> search(String query, int limit, Locale locale) {
            asked.add(query);
            return IntStream.range(0, count).mapToObj(i -> new SearchHit(titleKey + " " + i, "опис", "r/" + i)).toList();
        }
    }

    private static List<String> titles(List<PublicSearch.Group> groups) {
        return groups.stream().map(PublicSearch.Group::titleKey).toList();
    }

    @Test
    void hitsAreGroupedByTitleInTheProvidersOrderAtMostNAGroup() {
        Provider acts = new Provider("docs.acts", 12);
        Provider none = new Provider("gis.layers", 0);
        Provider sets = new Provider("opendata.sets", 2);
        List<PublicSearch.Group> groups = PublicSearch.run(List.of(acts, none, sets), "  бюджет ", 5, UK);
        assertEquals(List.of("docs.acts", "opendata.sets"), titles(groups), "a group without hits is not shown");
        assertEquals(5, groups.get(0).hits().size(), "at most 5 a group, whatever the provider answers");
        assertEquals(List.of("opendata.sets 0", "opendata.sets 1"),
                groups.get(1).hits().stream().map(SearchHit::title).toList());
        assertEquals(List.of("бюджет"), acts.asked(), "the words without the spaces around them");
    }

    @Test
    void providersWithTheSameTitleShareOneGroup() {
        List<PublicSearch.Group> groups = PublicSearch.run(
                List.of(new Provider("eservices.services", 3), new Provider("eservices.services", 3)), "довідка", 4, UK);
        assertEquals(List.of("eservices.services"), titles(groups));
        assertEquals(4, groups.get(0).hits().size());
    }

    @Test
    void aFailingProviderIsSkippedAndTheOthersAnswer() {
        PublicSearchProvider broken = new PublicSearchProvider() {
            @Override
            public String titleKey() {
                return "broken.group";
            }

            @Override
            public List<SearchHit> search(String query, int limit, Locale locale) {
                throw new IllegalStateException("index is gone");
            }
        };
        List<PublicSearch.Group> groups = PublicSearch.run(List.of(broken, new Provider("docs.acts", 1)), "рішення",
                5, UK);
        assertEquals(List.of("docs.acts"), titles(groups));
    }

    @Test
    void blankWordsAskNobodyAndLongOnesAreCut() {
        Provider acts = new Provider("docs.acts", 1);
        assertTrue(PublicSearch.run(List.of(acts), "   ", 5, UK).isEmpty());
        assertTrue(PublicSearch.run(List.of(acts), null, 5, UK).isEmpty());
        assertTrue(acts.asked().isEmpty(), "no provider is asked for nothing");
        PublicSearch.run(List.of(acts), "а".repeat(1000), 5, UK);
        assertEquals(PublicSearch.MAX_QUERY, acts.asked().get(0).length());
    }

    @Test
    void nothingFoundIsNoGroup() {
        assertEquals(List.of(), PublicSearch.run(List.of(new Provider("docs.acts", 0)), "ніщо", 5, UK));
    }
}
