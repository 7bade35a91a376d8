package ua.hromada.opendata.publication;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import ua.hromada.opendata.publication.ckan.PackageSearch;
import ua.hromada.opendata.publication.ui.PageQuery;

/** The public page's filters over the real registry: what it lists, in which order, and the filter choices. */
class PublicPageQueryTest {

    private static PublicationFixture f;

    @BeforeAll
    static void start() {
        f = new PublicationFixture();
    }

    @AfterAll
    static void stop() throws Exception {
        f.close();
    }

    private static List<String> names(PageQuery q) {
        Snapshot s = f.publication.snapshot();
        return Arrays.stream(q.run(s).indexes()).mapToObj(i -> s.datasets().get(i).name()).toList();
    }

    @Test
    void listsPublishedDatasetsByTitleAndFilters() {
        assertEquals(List.of("budget-2025", "budget-2026", "kindergartens", "schools"), names(PageQuery.all()));
        assertEquals(List.of("budget-2025", "budget-2026"), names(new PageQuery(null, f.finance.edrpou(), null, null,
                null, 0)));
        assertEquals(List.of("kindergartens", "schools"), names(new PageQuery(null, null, "освіта", null, null, 0)));
        assertEquals(List.of("kindergartens"), names(new PageQuery(null, null, "освіта", "XLSX", null, 0)));
        assertEquals(List.of("schools"), names(new PageQuery(null, null, null, null, "schools", 0)));
        // words: the same relevance as package_search, equal scores by title
        assertEquals(List.of("budget-2025", "budget-2026"), names(new PageQuery("бюджет", null, null, null, null, 0)));
        assertEquals(List.of("budget-2026"), names(new PageQuery("бюджет 2026", null, null, null, null, 0)));
        assertEquals(List.of(), names(new PageQuery("бюджет", null, "освіта", null, null, 0)));
        assertEquals(List.of(), names(PageQuery.all().withPage(1)), "one page of 20 holds them all");
        // a value with quotes cannot break out of its filter
        assertEquals(List.of(), names(new PageQuery(null, null, "освіта\" OR tags:\"бюджет", null, null, 0)));
    }

    @Test
    void filterChoicesComeWithCounts() {
        PackageSearch.Result r = new PageQuery(null, null, "освіта", null, null, 0).run(f.publication.snapshot());
        Map<String, Integer> formats = r.facets().get("res_format").stream()
                .collect(Collectors.toMap(PackageSearch.FacetCount::name, PackageSearch.FacetCount::count));
        assertEquals(Map.of("CSV", 2, "JSON", 1, "XLSX", 1), formats);
        assertEquals(List.of("Управління освіти"), r.facets().get("organization").stream()
                .map(PackageSearch.FacetCount::displayName).toList());
    }
}
