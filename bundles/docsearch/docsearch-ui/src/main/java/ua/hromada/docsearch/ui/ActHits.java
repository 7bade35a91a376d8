package ua.hromada.docsearch.ui;

import java.util.List;
import java.util.Locale;
import java.util.Set;

import ua.hromada.docsearch.api.ActKind;
import ua.hromada.docsearch.api.LegalActSearch;
import ua.hromada.docsearch.api.SearchQuery;
import ua.hromada.docsearch.api.SearchResult;
import ua.hromada.docsearch.ui.view.ViewSupport;
import ua.hromada.portal.api.SearchProvider.SearchHit;
import ua.hromada.portal.api.calendar.DisplayFormats;

/**
 * The acts that match a search box's words, as hits leading to an act's page: the employees'
 * ({@code docs/act/<id>}) or the residents' ({@code dokumenty/<id>}).
 */
final class ActHits {

    /** Most hits one search box asks for. */
    static final int MAX = 50;

    private ActHits() {
    }

    /** By relevance; a number ("790", "№ 790 від 26.04.2024") is looked up exactly by the service. */
    static List<SearchHit> find(LegalActSearch search, String words, int limit, Locale locale, String actRoute) {
        if (words == null || words.isBlank()) {
            return List.of();
        }
        SearchQuery q = new SearchQuery(words.trim(), Set.of(), Set.of(), Set.of(), Set.of(), null, null,
                SearchQuery.Sort.RELEVANCE, 0, Math.max(1, Math.min(limit, MAX)));
        return search.search(q).hits().stream()
                .map(h -> new SearchHit(h.title(), description(h, locale), actRoute + h.id())).toList();
    }

    /** Kind, number and date: «Рішення, 790, 26.04.2024». */
    static String description(SearchResult.Hit h, Locale locale) {
        StringBuilder sb = new StringBuilder();
        if (h.kindName() != null) {
            sb.append(ActKind.localName(h.kindCode(), h.kindName(), locale));
        }
        if (h.number() != null && !h.number().isBlank()) {
            sb.append(sb.length() > 0 ? ", " : "").append(h.number());
        }
        if (h.date() != null) {
            sb.append(sb.length() > 0 ? ", " : "").append(DisplayFormats.date(h.date()));
        }
        return sb.toString();
    }
}
