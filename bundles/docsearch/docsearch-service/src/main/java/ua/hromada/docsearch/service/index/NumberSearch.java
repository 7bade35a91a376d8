package ua.hromada.docsearch.service.index;

import static ua.hromada.docsearch.service.index.ActIndex.FACETS;
import static ua.hromada.docsearch.service.index.ActIndex.F_HIT;
import static ua.hromada.docsearch.service.index.ActIndex.F_ISSUING_BODY;
import static ua.hromada.docsearch.service.index.ActIndex.F_KIND;
import static ua.hromada.docsearch.service.index.ActIndex.F_NUMBER_NORM;
import static ua.hromada.docsearch.service.index.ActIndex.F_STATUS;
import static ua.hromada.docsearch.service.index.ActIndex.F_YEAR;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.Weight;
import org.apache.lucene.util.Bits;

import ua.hromada.docsearch.api.SearchQuery;
import ua.hromada.docsearch.service.ActNumbers;

/** The exact number lookup of {@link ActIndex}: the few acts with a number, filtered and counted here. */
final class NumberSearch {
    private NumberSearch() {
    }

    /**
     * An exact number ("№ 790", "790 від 26.04.2024") that some act has: only the acts with that
     * number match, and there are few of them, so they are read whole and the filters, the facet
     * counts and the order are worked out on them — no scoring, no pass over the index, no snippet
     * (the hit's number and title are what was asked for). Null when no act has the number and
     * no date was given: then it is searched as words.
     */
    static IndexHit.Page search(IndexSearcher searcher, ActNumbers.NumberQuery number, ActQueries.Filters filters,
            SearchQuery.Sort order, int offset, int limit) throws IOException {
        // straight from the postings of the number's term: a query, its weight and the query
        // cache cost more here than the lookup itself
        Term term = new Term(F_NUMBER_NORM, number.normalizedNumber());
        List<IndexHit> acts = new ArrayList<>();
        boolean indexed = false;
        // convocation, session and tags: checked per act against the filter's matches in its segment
        Weight council = filters.council() == null ? null
                : searcher.createWeight(searcher.rewrite(filters.council()), ScoreMode.COMPLETE_NO_SCORES, 1f);
        for (LeafReaderContext ctx : searcher.getIndexReader().leaves()) {
            PostingsEnum docs = ctx.reader().postings(term, PostingsEnum.NONE);
            if (docs == null) {
                continue;
            }
            indexed = true;
            Bits live = ctx.reader().getLiveDocs();
            BinaryDocValues values = ctx.reader().getBinaryDocValues(F_HIT);
            Scorer councilScorer = council == null ? null : council.scorer(ctx);
            DocIdSetIterator councilDocs = councilScorer == null ? null : councilScorer.iterator();
            for (int doc = docs.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docs.nextDoc()) {
                if (live != null && !live.get(doc)) {
                    continue;
                }
                if (council != null && (councilDocs == null
                        || (councilDocs.docID() < doc ? councilDocs.advance(doc) : councilDocs.docID()) != doc)) {
                    continue;
                }
                IndexHit act = ActDocuments.hitAt(ctx, values, doc, 1f, null);
                if ((number.date() == null || number.date().equals(act.date())) && filters.inRange(act.date())) {
                    acts.add(act);
                }
            }
        }
        if (!indexed && number.date() == null) {
            return null; // no act has this number: it may still be in the texts
        }
        Map<String, Map<String, Long>> facets = new LinkedHashMap<>();
        FACETS.forEach(f -> facets.put(f, new LinkedHashMap<>()));
        List<IndexHit> matching = new ArrayList<>();
        for (IndexHit act : acts) {
            String missed = null;
            int misses = 0;
            for (Map.Entry<String, Set<String>> f : filters.values().entrySet()) {
                if (!f.getValue().contains(facetValue(act, f.getKey()))) {
                    misses++;
                    missed = f.getKey();
                }
            }
            // the same drill-sideways counts as the full search: a miss on one facet only counts there
            if (misses == 0) {
                matching.add(act);
                for (String dim : FACETS) {
                    count(facets.get(dim), facetValue(act, dim));
                }
            } else if (misses == 1) {
                count(facets.get(missed), facetValue(act, missed));
            }
        }
        Comparator<IndexHit> byDate = Comparator.comparing(IndexHit::date).thenComparingLong(IndexHit::id);
        matching.sort(order == SearchQuery.Sort.DATE_ASC ? byDate : byDate.reversed());
        facets.replaceAll((dim, counts) -> byCount(counts));
        List<IndexHit> page = offset >= matching.size() ? List.of()
                : List.copyOf(matching.subList(offset, Math.min(matching.size(), offset + limit)));
        return new IndexHit.Page(matching.size(), page, facets);
    }

    private static String facetValue(IndexHit act, String dim) {
        return switch (dim) {
            case F_KIND -> act.kindCode();
            case F_ISSUING_BODY -> act.issuingBody();
            case F_STATUS -> act.status();
            case F_YEAR -> Integer.toString(act.date().getYear());
            default -> throw new IllegalArgumentException(dim);
        };
    }

    private static void count(Map<String, Long> counts, String value) {
        if (value != null) {
            counts.merge(value, 1L, Long::sum);
        }
    }

    /** Largest count first, then by value: the order the facet counts of the full search come in. */
    private static Map<String, Long> byCount(Map<String, Long> counts) {
        if (counts.size() < 2) {
            return counts; // a number's few acts: mostly one value per facet
        }
        List<Map.Entry<String, Long>> entries = new ArrayList<>(counts.entrySet());
        entries.sort(BY_COUNT);
        Map<String, Long> sorted = new LinkedHashMap<>();
        for (Map.Entry<String, Long> e : entries) {
            sorted.put(e.getKey(), e.getValue());
        }
        return sorted;
    }

    private static final Comparator<Map.Entry<String, Long>> BY_COUNT = Map.Entry.<String, Long>comparingByValue()
            .reversed().thenComparing(Map.Entry.comparingByKey());
}
