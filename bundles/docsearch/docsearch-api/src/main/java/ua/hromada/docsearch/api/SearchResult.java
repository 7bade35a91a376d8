package ua.hromada.docsearch.api;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * @param facets counts per value for the facet fields {@code kind}, {@code issuingBody},
 *               {@code status}, {@code year}, computed over all matches (not just the page)
 */
public record SearchResult(long total, List<Hit> hits, Map<String, List<FacetValue>> facets, long tookMillis) {

    /**
     * @param snippet a fragment of the matching text with matches wrapped in {@code <mark>} and
     *                everything else HTML-escaped; may be null
     */
    public record Hit(long id, String kindCode, String kindName, String number, LocalDate date, String title,
            String issuingBody, ActStatus status, float score, String snippet) {
    }

    public record FacetValue(String value, String label, long count) {
    }
}
