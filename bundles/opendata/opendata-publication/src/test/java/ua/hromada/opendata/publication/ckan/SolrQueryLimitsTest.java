package ua.hromada.opendata.publication.ckan;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The parser's bounds, without a registry: what anyone may send is refused as a query error
 * (CKAN's 400 Search Query Error, or Solr's 409 for bad date math) before it can exhaust the stack,
 * overflow a date or cost unbounded work.
 */
class SolrQueryLimitsTest {

    @Test
    void deepNestingIsAQueryErrorNotAStackOverflow() {
        String deep = "(".repeat(4000) + "tags:освіта" + ")".repeat(4000);
        SearchQueryError e = assertThrows(SearchQueryError.class, () -> SolrQuery.parse(deep));
        assertTrue(e.getMessage().contains("nested"), e.getMessage());
        String deepInField = "tags:" + "(".repeat(4000) + "a" + ")".repeat(4000);
        assertThrows(SearchQueryError.class, () -> SolrQuery.parse(deepInField));
        // unbalanced, as an attacker would not bother to close them
        assertThrows(SearchQueryError.class, () -> SolrQuery.parse("(".repeat(9000)));
        // up to the limit it parses
        int ok = SolrQuery.MAX_DEPTH;
        assertDoesNotThrow(() -> SolrQuery.parse("(".repeat(ok) + "tags:a" + ")".repeat(ok)));
        assertThrows(SearchQueryError.class, () -> SolrQuery.parse("(".repeat(ok + 1) + "tags:a" + ")".repeat(ok + 1)));
    }

    @Test
    void longQueriesAndTooManyClausesAreQueryErrors() {
        String longQuery = "tags:" + "a".repeat(SolrQuery.MAX_LENGTH);
        SearchQueryError tooLong = assertThrows(SearchQueryError.class, () -> SolrQuery.parse(longQuery));
        assertTrue(tooLong.getMessage().contains(String.valueOf(SolrQuery.MAX_LENGTH)), tooLong.getMessage());
        assertThrows(SearchQueryError.class, () -> SolrQuery.requireLength("бюджет ".repeat(2000)));
        String manyClauses = "a OR ".repeat(SolrQuery.MAX_CLAUSES) + "b";
        assertTrue(manyClauses.length() <= SolrQuery.MAX_LENGTH);
        SearchQueryError clauses = assertThrows(SearchQueryError.class, () -> SolrQuery.parse(manyClauses));
        assertTrue(clauses.getMessage().contains("clauses"), clauses.getMessage());
        assertDoesNotThrow(() -> SolrQuery.parse("a OR ".repeat(SolrQuery.MAX_CLAUSES - 1) + "b"));
    }

    @Test
    void dateMathOutOfRangeIsSolrsInvalidDateMathNotAnOverflow() {
        for (String math : new String[] { "NOW-999999999999DAY", "NOW+999999999999DAYS", "NOW-99999999999999999999DAY",
                "NOW-9999999999999YEARS", "NOW+9223372036854775807SECONDS", "NOW-999999999999999MONTH" }) {
            SearchError e = assertThrows(SearchError.class, () -> SolrQuery.instant(math, false), math);
            assertTrue(e.getMessage().startsWith("Invalid Date Math String"), e.getMessage());
        }
        assertThrows(SearchError.class, () -> SolrQuery.parse("metadata_modified:[NOW-999999999999DAY TO *]"));
        assertThrows(SearchError.class, () -> SolrQuery.parse("metadata_created:NOW+999999999999DAY"));
        assertDoesNotThrow(() -> SolrQuery.parse("metadata_modified:[NOW-3650DAYS TO NOW]"));
    }

    @Test
    void aRefusedQueryIsNotEchoedWhole() {
        String field = "x".repeat(5000);
        SearchError e = assertThrows(SearchError.class, () -> SolrQuery.parse(field + ":a"));
        assertTrue(e.getMessage().length() < 200, e.getMessage());
        SearchError syntax = assertThrows(SearchError.class, () -> SolrQuery.parse("tags:(a " + "b ".repeat(1000)));
        assertTrue(syntax.getMessage().length() < 300, syntax.getMessage());
    }
}
