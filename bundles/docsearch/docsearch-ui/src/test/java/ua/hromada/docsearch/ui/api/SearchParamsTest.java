package ua.hromada.docsearch.ui.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import ua.hromada.docsearch.api.ActStatus;
import ua.hromada.docsearch.api.SearchQuery;
import ua.hromada.docsearch.ui.api.SearchParams.BadParameter;

class SearchParamsTest {

    private static Map<String, String[]> params(String... pairs) {
        Map<String, String[]> map = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            String[] old = map.getOrDefault(pairs[i], new String[0]);
            String[] now = java.util.Arrays.copyOf(old, old.length + 1);
            now[old.length] = pairs[i + 1];
            map.put(pairs[i], now);
        }
        return map;
    }

    private static String codeOf(String... pairs) {
        return assertThrows(BadParameter.class, () -> SearchParams.parse(params(pairs))).code();
    }

    /** The public page keeps its search in the address: what it writes reads back as the same search. */
    @Test
    void aSearchWrittenToTheAddressReadsBackTheSame() {
        SearchQuery q = new SearchQuery("програми інформатизації", Set.of("report", "council-decision"),
                Set.of("Полтавська міська рада"), Set.of(ActStatus.LOST_FORCE, ActStatus.IN_FORCE), Set.of(2025, 2024),
                LocalDate.of(2024, 1, 1), LocalDate.of(2025, 12, 31), SearchQuery.Sort.DATE_ASC, 0, 20);
        Map<String, java.util.List<String>> address = SearchParams.toParameters(q);
        assertEquals(java.util.List.of("council-decision", "report"), address.get("kind"));
        assertEquals(java.util.List.of("in_force", "lost_force"), address.get("status"));
        assertEquals(java.util.List.of("2024-01-01"), address.get("from"));
        assertEquals(java.util.List.of("date_asc"), address.get("sort"));
        assertEquals(q, SearchParams.parseLists(address));
        assertEquals(Map.of(), SearchParams.toParameters(SearchQuery.text(" ")), "nothing chosen, nothing written");
    }

    @Test
    void convocationSessionAndTags() {
        SearchQuery q = SearchParams.parse(params("q", "бюджет", "convocation", "8", "session", "31", "tag", "освіта",
                "tag", " Бюджет ", "tag", ""));
        assertEquals(8, q.convocation());
        assertEquals(31, q.session());
        assertEquals(Set.of("освіта", "Бюджет"), q.tags());
        // written to the address and read back the same
        assertEquals(java.util.List.of("8"), SearchParams.toParameters(q).get("convocation"));
        assertEquals(java.util.List.of("Бюджет", "освіта"), SearchParams.toParameters(q).get("tag"));
        assertEquals(q, SearchParams.parseLists(SearchParams.toParameters(q)));
        SearchQuery none = SearchParams.parse(params());
        assertEquals(null, none.convocation());
        assertEquals(Set.of(), none.tags());
        // what the API refuses with 400
        assertEquals("convocation.invalid", codeOf("convocation", "восьме"));
        assertEquals("convocation.invalid", codeOf("convocation", "0"));
        assertEquals("session.invalid", codeOf("session", "-3"));
        assertEquals("session.repeated", codeOf("session", "1", "session", "2"));
        assertEquals("tag.invalid", codeOf("tag", "т".repeat(101)));
    }

    @Test
    void noParametersMeansFirstPageOfEverythingByRelevance() {
        SearchQuery q = SearchParams.parse(Map.of());
        assertEquals("", q.text());
        assertEquals(Set.of(), q.kinds());
        assertEquals(SearchQuery.Sort.RELEVANCE, q.sort());
        assertEquals(0, q.offset());
        assertEquals(SearchParams.DEFAULT_LIMIT, q.limit());
        assertNull(q.from());
    }

    @Test
    void allParametersAreRead() {
        SearchQuery q = SearchParams.parse(params("q", " програми інформатизації ", "kind", "council-decision",
                "kind", "program", "body", "Полтавська міська рада", "status", "in_force", "status", "LOST-FORCE",
                "year", "2024", "year", "2025", "from", "2024-01-01", "to", "2025-12-31", "sort", "date_desc",
                "offset", "40", "limit", "100"));
        assertEquals("програми інформатизації", q.text());
        assertEquals(Set.of("council-decision", "program"), q.kinds());
        assertEquals(Set.of("Полтавська міська рада"), q.issuingBodies());
        assertEquals(Set.of(ActStatus.IN_FORCE, ActStatus.LOST_FORCE), q.statuses());
        assertEquals(Set.of(2024, 2025), q.years());
        assertEquals(LocalDate.of(2024, 1, 1), q.from());
        assertEquals(LocalDate.of(2025, 12, 31), q.to());
        assertEquals(SearchQuery.Sort.DATE_DESC, q.sort());
        assertEquals(40, q.offset());
        assertEquals(100, q.limit());
    }

    @Test
    void blankRepeatableValuesMeanNoFilter() {
        SearchQuery q = SearchParams.parse(params("kind", "", "year", " ", "q", "  "));
        assertEquals(Set.of(), q.kinds());
        assertEquals(Set.of(), q.years());
        assertEquals("", q.text());
    }

    @Test
    void badInputIsRefusedWithACode() {
        assertEquals("limit.invalid", codeOf("limit", "101"));
        assertEquals("limit.invalid", codeOf("limit", "0"));
        assertEquals("limit.invalid", codeOf("limit", "ten"));
        assertEquals("offset.invalid", codeOf("offset", "-1"));
        assertEquals("offset.invalid", codeOf("offset", "99999999999"));
        assertEquals("from.invalid", codeOf("from", "26.04.2024"));
        assertEquals("to.invalid", codeOf("to", "2024-02-30"));
        assertEquals("range.invalid", codeOf("from", "2025-01-02", "to", "2025-01-01"));
        assertEquals("year.invalid", codeOf("year", "24"));
        assertEquals("year.invalid", codeOf("year", "рік"));
        assertEquals("status.invalid", codeOf("status", "valid"));
        assertEquals("sort.invalid", codeOf("sort", "title"));
        assertEquals("q.repeated", codeOf("q", "a", "q", "b"));
        assertEquals("q.tooLong", codeOf("q", "я".repeat(SearchParams.MAX_TEXT + 1)));
    }
}
