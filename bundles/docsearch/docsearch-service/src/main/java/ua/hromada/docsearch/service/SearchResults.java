package ua.hromada.docsearch.service;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import ua.hromada.docsearch.api.ActStatus;
import ua.hromada.docsearch.api.SearchResult;
import ua.hromada.docsearch.service.index.ActIndex;
import ua.hromada.docsearch.service.index.IndexHit;

/** A page of the index as the search answers it: kind names from the catalogue, facet values labelled. */
final class SearchResults {
    private final ua.hromada.portal.api.MessageBundle texts;
    private final Map<String, String> statusLabels = new ConcurrentHashMap<>();

    SearchResults(ua.hromada.portal.api.MessageBundle texts) {
        this.texts = texts;
    }

    SearchResult of(IndexHit.Page page, Map<String, String> kindNames, long tookMs) {
        List<SearchResult.Hit> hits = new ArrayList<>();
        for (IndexHit h : page.hits()) {
            hits.add(new SearchResult.Hit(h.id(), h.kindCode(), kindNames.getOrDefault(h.kindCode(), h.kindName()),
                    h.number(), h.date(), h.title(), h.issuingBody(), ActStatus.valueOf(h.status()), h.score(),
                    h.snippet()));
        }
        Map<String, List<SearchResult.FacetValue>> facets = new LinkedHashMap<>();
        page.facets().forEach((dim, counts) -> {
            List<SearchResult.FacetValue> values = new ArrayList<>();
            counts.forEach((value, count) -> values.add(new SearchResult.FacetValue(value, label(dim, value, kindNames),
                    count)));
            if (ActIndex.F_YEAR.equals(dim)) {
                values.sort((a, b) -> b.value().compareTo(a.value()));
            }
            facets.put(dim, List.copyOf(values));
        });
        return new SearchResult(page.total(), List.copyOf(hits), facets, tookMs);
    }

    private String label(String dim, String value, Map<String, String> kindNames) {
        switch (dim) {
            case ActIndex.F_KIND:
                return kindNames.getOrDefault(value, value);
            case ActIndex.F_STATUS:
                // a resource bundle lookup per facet value and search adds up: the texts are fixed
                return statusLabels.computeIfAbsent(value,
                        v -> texts.message("docsearch.status." + v, new Locale("uk")).orElse(v));
            default:
                return value;
        }
    }
}
