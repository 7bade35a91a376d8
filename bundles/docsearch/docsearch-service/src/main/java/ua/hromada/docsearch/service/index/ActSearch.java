package ua.hromada.docsearch.service.index;

import java.io.IOException;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopDocsCollector;
import org.apache.lucene.search.TopFieldCollector;
import org.apache.lucene.search.TopScoreDocCollector;

import ua.hromada.docsearch.api.SearchQuery;
import ua.hromada.docsearch.service.ActNumbers;
import ua.hromada.docsearch.service.TypedDates;

/**
 * One search over the searcher of one index generation: an act's number first, else the words
 * (dates typed in the box narrow the range), one pass for the page, the total and the facet
 * counts, then the page's hits with their snippets. Split from {@link ActIndex}, which keeps the
 * generations, their writers and the locks around them.
 */
final class ActSearch {
    /** How many of the best hits the phrase boosts reorder. */
    private static final int RESCORE_WINDOW = 100;

    private final ActQueries queries;
    private final Snippets snippets = new Snippets();
    private final FacetCounting facetCounting = new FacetCounting(ActIndex.FACETS);

    /** {@code analyzer}: the index's own, so queries are analysed as the documents were. */
    ActSearch(Analyzer analyzer) {
        this.queries = new ActQueries(analyzer);
    }

    /** {@code analysis}: the {@link DocAnalyzer#VERSION} the searched index was built with. */
    IndexHit.Page search(IndexSearcher searcher, SearchQuery q, String analysis) throws IOException {
        int offset = Math.max(0, Math.min(q.offset(), SearchQuery.MAX_OFFSET));
        int limit = Math.max(1, Math.min(q.limit() <= 0 ? SearchQuery.DEFAULT_LIMIT : q.limit(), SearchQuery.MAX_LIMIT));
        SearchQuery.Sort order = q.sort() == null ? SearchQuery.Sort.RELEVANCE : q.sort();
        ActQueries.Filters filters = ActQueries.filters(q);
        SearchQuery dated = TypedDates.narrow(q);
        boolean onlyDates = dated != q && isBlank(dated.text());
        if (!isBlank(q.text()) && !onlyDates) {
            Optional<ActNumbers.NumberQuery> number = ActNumbers.parseQuery(q.text());
            IndexHit.Page page = number.isEmpty() ? null
                    : NumberSearch.search(searcher, number.get(), filters, order, offset, limit);
            if (page != null) {
                return page;
            }
            // «рішення № 790 від 26.04.2024 про …»: the act of that number, when there is one
            Optional<ActNumbers.NumberQuery> inPhrase = ActNumbers.findInPhrase(q.text());
            page = inPhrase.isEmpty() ? null : NumberSearch.search(searcher, inPhrase.get(), filters, order, offset, limit);
            if (page != null && page.total() > 0) {
                return page;
            }
        }
        // dates typed in the box («квітень 2024», «від 26.04.2024») narrow the range; the rest are words
        if (dated != q) {
            q = dated;
            filters = ActQueries.filters(q);
        }
        ActQueries.TextQuery text = queries.textQuery(searcher, q.text(), hasMatchField(analysis));
        Query query = ActQueries.candidates(text.match(), filters);

        if (order == SearchQuery.Sort.RELEVANCE && isBlank(q.text())) {
            order = SearchQuery.Sort.DATE_DESC;
        }
        int n = offset + limit;
        // one pass over the matches: the page, the exact total and the drill-sideways facet counts
        // (they need every match anyway)
        TopDocsCollector<?> collector = order == SearchQuery.Sort.RELEVANCE
                ? TopScoreDocCollector.create(Math.max(n, RESCORE_WINDOW), null, Integer.MAX_VALUE)
                : TopFieldCollector.create(new Sort(new SortField(ActIndex.F_DATE_SORT, SortField.Type.LONG,
                        order == SearchQuery.Sort.DATE_DESC), new SortField(ActIndex.F_ID_NUM, SortField.Type.LONG,
                        order == SearchQuery.Sort.DATE_DESC)), n, null, Integer.MAX_VALUE);
        FacetCounting.Pass pass = facetCounting.pass(collector, filters.values());
        searcher.search(query, pass);
        TopDocs top = collector.topDocs();
        if (order == SearchQuery.Sort.RELEVANCE) {
            if (text.proximity() != null && top.scoreDocs.length > 0) {
                // the phrase boosts (words near each other) only reorder the best hits: scoring
                // positions for every match was a large part of the search time
                top = PhraseRescore.rescore(searcher, top, text.proximity(), top.scoreDocs.length);
            }
            if (top.scoreDocs.length > n) {
                top = new TopDocs(top.totalHits, java.util.Arrays.copyOf(top.scoreDocs, n));
            }
        } else {
            TopFieldCollector.populateScores(top.scoreDocs, searcher, query);
        }
        long total = pass.total();
        Map<String, Map<String, Long>> facets = pass.counts();

        ScoreDoc[] page = top.scoreDocs.length <= offset ? new ScoreDoc[0]
                : java.util.Arrays.copyOfRange(top.scoreDocs, offset, top.scoreDocs.length);
        Map<Integer, String> snippets = this.snippets.snippets(searcher, text, page);
        IndexHit[] hits = new IndexHit[page.length];
        Integer[] byDoc = new Integer[page.length];
        for (int i = 0; i < page.length; i++) {
            byDoc[i] = i;
        }
        java.util.Arrays.sort(byDoc, Comparator.comparingInt(i -> page[i].doc));
        List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
        BinaryDocValues hitValues = null;
        int leafIndex = -1;
        for (int i : byDoc) {
            ScoreDoc sd = page[i];
            int leaf = ReaderUtil.subIndex(sd.doc, leaves);
            LeafReaderContext ctx = leaves.get(leaf);
            if (leaf != leafIndex) {
                leafIndex = leaf;
                hitValues = ctx.reader().getBinaryDocValues(ActIndex.F_HIT);
            }
            hits[i] = ActDocuments.hitAt(ctx, hitValues, sd.doc - ctx.docBase, Float.isNaN(sd.score) ? 0f : sd.score,
                    snippets.get(sd.doc));
        }
        return new IndexHit.Page(total, List.of(hits), facets);
    }

    /** Indexes built before analysis version 4 have no {@link ActIndex#F_MATCH} field (until rebuilt). */
    private static boolean hasMatchField(String analysis) {
        try {
            return analysis != null && Integer.parseInt(analysis) >= 4;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
