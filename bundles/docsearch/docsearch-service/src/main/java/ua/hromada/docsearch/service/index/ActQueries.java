package ua.hromada.docsearch.service.index;

import static ua.hromada.docsearch.service.index.ActIndex.F_BODY;
import static ua.hromada.docsearch.service.index.ActIndex.F_CONVOCATION;
import static ua.hromada.docsearch.service.index.ActIndex.F_SESSION;
import static ua.hromada.docsearch.service.index.ActIndex.F_TAG;
import static ua.hromada.docsearch.service.index.ActIndex.F_DATE;
import static ua.hromada.docsearch.service.index.ActIndex.F_DATE_SORT;
import static ua.hromada.docsearch.service.index.ActIndex.F_ISSUING_BODY;
import static ua.hromada.docsearch.service.index.ActIndex.F_KIND;
import static ua.hromada.docsearch.service.index.ActIndex.F_MATCH;
import static ua.hromada.docsearch.service.index.ActIndex.F_META;
import static ua.hromada.docsearch.service.index.ActIndex.F_STATUS;
import static ua.hromada.docsearch.service.index.ActIndex.F_TITLE;
import static ua.hromada.docsearch.service.index.ActIndex.F_YEAR;

import java.io.IOException;
import java.io.StringReader;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.IndexOrDocValuesQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.MultiPhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.TermQuery;

import ua.hromada.docsearch.api.SearchQuery;

/**
 * The query builder of {@link ActIndex}: a search's filters (facet choices, date range) and its
 * words as Lucene queries, analysed as the documents were.
 */
final class ActQueries {
    static final float TITLE_BOOST = 4f;
    private static final float META_BOOST = 1.5f;
    private static final float FUZZY_BOOST = 1.5f;

    private final Analyzer analyzer;

    ActQueries(Analyzer analyzer) {
        this.analyzer = analyzer;
    }

    /**
     * @param values the selected values per facet (only facets with a selection)
     * @param range the date range, or null
     */
    /** {@code range}: the date range and the convocation, session and tag filters (null: none). */
    record Filters(Map<String, Set<String>> values, Query range, LocalDate from, LocalDate to, Query council) {
        boolean inRange(LocalDate date) {
            return (from == null || !date.isBefore(from)) && (to == null || !date.isAfter(to));
        }
    }

    static Filters filters(SearchQuery q) {
        Map<String, Set<String>> values = new LinkedHashMap<>();
        selected(values, F_KIND, q.kinds());
        selected(values, F_ISSUING_BODY, q.issuingBodies());
        selected(values, F_STATUS, q.statuses() == null ? null : q.statuses().stream().map(Enum::name).toList());
        selected(values, F_YEAR, q.years() == null ? null : q.years().stream().map(String::valueOf).toList());
        Query range = null;
        if (q.from() != null || q.to() != null) {
            long from = q.from() == null ? Long.MIN_VALUE : q.from().toEpochDay();
            long to = q.to() == null ? Long.MAX_VALUE : q.to().toEpochDay();
            // the points when the range picks fewer acts than the words, else the words lead and
            // each of their matches is checked against the date's doc value (no tree walk and no
            // set of every act in the range built for a query the words already narrow)
            range = new IndexOrDocValuesQuery(LongPoint.newRangeQuery(F_DATE, from, to),
                    NumericDocValuesField.newSlowRangeQuery(F_DATE_SORT, from, to));
        }
        BooleanQuery.Builder council = new BooleanQuery.Builder();
        boolean any = false;
        if (q.convocation() != null) {
            council.add(new TermQuery(new Term(F_CONVOCATION, q.convocation().toString())), Occur.FILTER);
            any = true;
        }
        if (q.session() != null) {
            council.add(new TermQuery(new Term(F_SESSION, q.session().toString())), Occur.FILTER);
            any = true;
        }
        for (String tag : q.tags() == null ? Set.<String>of() : q.tags()) {
            if (tag != null && !tag.isBlank()) {
                council.add(new TermQuery(new Term(F_TAG, tagKey(tag))), Occur.FILTER);
                any = true;
            }
        }
        Query councilQuery = any ? council.build() : null;
        if (councilQuery != null) {
            range = range == null ? councilQuery
                    : new BooleanQuery.Builder().add(range, Occur.FILTER).add(councilQuery, Occur.FILTER).build();
        }
        return new Filters(values, range, q.from(), q.to(), councilQuery);
    }

    /** A tag as the filter compares it: case and surrounding spaces do not matter. */
    static String tagKey(String tag) {
        return tag.strip().toLowerCase(java.util.Locale.ROOT);
    }

    private static void selected(Map<String, Set<String>> values, String dim, Collection<String> chosen) {
        if (chosen == null) {
            return;
        }
        Set<String> set = new java.util.TreeSet<>();
        chosen.stream().filter(v -> v != null).forEach(set::add);
        if (!set.isEmpty()) {
            values.put(dim, set);
        }
    }

    /**
     * What the single pass visits: {@code match} within the date range, and — with choices in two
     * or more facets — only documents that have a chosen value in all facets but at most one (the
     * drill-sideways counts need those; see {@link FacetCounting}). With a choice in one facet,
     * every match of the words and range counts in that facet. The conditions are non-scoring
     * FILTER clauses (the query cache keeps the bit sets of those used often).
     */
    static Query candidates(Query match, Filters filters) {
        BooleanQuery.Builder all = new BooleanQuery.Builder().add(match, Occur.MUST);
        if (filters.range() != null) {
            all.add(filters.range(), Occur.FILTER);
        }
        if (filters.values().size() >= 2) {
            BooleanQuery.Builder allButOne = new BooleanQuery.Builder()
                    .setMinimumNumberShouldMatch(filters.values().size() - 1);
            filters.values().forEach((dim, values) -> {
                BooleanQuery.Builder any = new BooleanQuery.Builder();
                values.forEach(v -> any.add(new TermQuery(new Term(dim, v)), Occur.SHOULD));
                allButOne.add(any.build(), Occur.SHOULD);
            });
            all.add(allButOne.build(), Occur.FILTER);
        }
        return all.build();
    }

    /**
     * Words: every word must match (as any of its lemmas) in the title, body or metadata; title
     * matches weigh most, a title word within two edits also matches, and the words together as a
     * phrase add to the score. (Numbers that acts have are looked up by {@link NumberSearch}.)
     *
     * @param match what matches, with the word and title scores
     * @param proximity the phrase boosts, added to the score of the best hits (null: none)
     * @param positions the analysed words (for the snippets)
     * @param fuzzy the index words the typo clauses (title words within one or two edits) matched,
     *        which the snippets highlight too
     */
    record TextQuery(Query match, Query proximity, List<List<String>> positions, Set<String> fuzzy) {
    }

    /**
     * Words (a number no act has is searched as words: it may be in the text).
     *
     * @param matchField the index has {@link ActIndex#F_MATCH} (built with analysis version 4 or later)
     */
    TextQuery textQuery(IndexSearcher searcher, String text, boolean matchField) throws IOException {
        if (isBlank(text)) {
            return new TextQuery(new MatchAllDocsQuery(), null, List.of(), Set.of());
        }
        List<List<String>> positions = analyze(F_BODY, text);
        Set<String> fuzzy = new LinkedHashSet<>();
        return new TextQuery(wordsQuery(searcher, positions, fuzzy, matchField), proximityQuery(positions), positions,
                fuzzy);
    }

    /** The words together (within two positions) in the title or the body, or null for one word. */
    private static Query proximityQuery(List<List<String>> positions) {
        if (positions.size() < 2) {
            return null;
        }
        MultiPhraseQuery.Builder titlePhrase = new MultiPhraseQuery.Builder().setSlop(2);
        MultiPhraseQuery.Builder bodyPhrase = new MultiPhraseQuery.Builder().setSlop(2);
        int pos = 0;
        for (List<String> lemmas : positions) {
            titlePhrase.add(lemmas.stream().map(l -> new Term(F_TITLE, l)).toArray(Term[]::new), pos);
            bodyPhrase.add(lemmas.stream().map(l -> new Term(F_BODY, l)).toArray(Term[]::new), pos);
            pos++;
        }
        return new BooleanQuery.Builder()
                .add(new BoostQuery(titlePhrase.build(), TITLE_BOOST), Occur.SHOULD)
                .add(bodyPhrase.build(), Occur.SHOULD).build();
    }

    private Query wordsQuery(IndexSearcher searcher, List<List<String>> positions, Set<String> fuzzy,
            boolean matchField) throws IOException {
        if (positions.isEmpty()) {
            return new MatchNoDocsQuery("only stop words");
        }
        BooleanQuery.Builder all = new BooleanQuery.Builder();
        // the same words as one postings list per lemma (title, body and metadata terms together)
        BooleanQuery.Builder allMatch = new BooleanQuery.Builder();
        for (List<String> lemmas : positions) {
            BooleanQuery.Builder any = new BooleanQuery.Builder();
            BooleanQuery.Builder anyMatch = new BooleanQuery.Builder();
            for (String lemma : lemmas) {
                anyMatch.add(new TermQuery(new Term(F_MATCH, lemma)), Occur.SHOULD);
                any.add(new BoostQuery(new TermQuery(new Term(F_TITLE, lemma)), TITLE_BOOST), Occur.SHOULD);
                any.add(new TermQuery(new Term(F_BODY, lemma)), Occur.SHOULD);
                any.add(new BoostQuery(new TermQuery(new Term(F_META, lemma)), META_BOOST), Occur.SHOULD);
                int length = lemma.codePointCount(0, lemma.length());
                // a typo: no title has the word as typed. Building the Levenshtein automata costs
                // milliseconds per word, so words that titles do have are matched exactly only
                if (length >= 4 && searcher.getIndexReader().docFreq(new Term(F_TITLE, lemma)) == 0) {
                    // rewritten here, once, to the title words it matches: the search and the
                    // snippets use those words (the snippets rewrote it again, building the
                    // automata and walking the title terms a second time)
                    Query typo = searcher.rewrite(new FuzzyQuery(new Term(F_TITLE, lemma), length >= 8 ? 2 : 1, 1));
                    Set<Term> terms = new java.util.HashSet<>();
                    typo.visit(QueryVisitor.termCollector(terms));
                    terms.forEach(t -> fuzzy.add(t.text()));
                    any.add(new BoostQuery(typo, FUZZY_BOOST), Occur.SHOULD);
                    anyMatch.add(typo, Occur.SHOULD);
                }
            }
            all.add(any.build(), Occur.MUST);
            allMatch.add(anyMatch.build(), Occur.MUST);
        }
        return matchField ? new MatchThenScore(allMatch.build(), all.build()) : all.build();
    }

    /** The analyzed query: for each word position, its lemmas. */
    List<List<String>> analyze(String field, String text) throws IOException {
        List<List<String>> positions = new ArrayList<>();
        try (TokenStream ts = analyzer.tokenStream(field, new StringReader(text))) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            PositionIncrementAttribute inc = ts.addAttribute(PositionIncrementAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                if (inc.getPositionIncrement() > 0 || positions.isEmpty()) {
                    positions.add(new ArrayList<>());
                }
                List<String> current = positions.get(positions.size() - 1);
                String t = term.toString();
                if (!current.contains(t)) {
                    current.add(t);
                }
            }
            ts.end();
        }
        return positions;
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
