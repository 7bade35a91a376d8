package ua.hromada.docsearch.service.index;

import java.io.IOException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TwoPhaseIterator;
import org.apache.lucene.search.Weight;
import org.apache.lucene.util.ArrayUtil;

/**
 * The phrase boosts added to the best hits: the sum {@code QueryRescorer.rescore(searcher, top,
 * phrases, 1, n)} gives, with the same order, but each hit's phrases are checked on that hit only.
 * Lucene's rescorer moves the phrase scorer to the first phrase match at or after a hit, so between
 * two hits it verified the word positions of every act with all the words (thousands, where the
 * best hits are a hundred).
 */
final class PhraseRescore {
    private PhraseRescore() {
    }

    private static final Comparator<ScoreDoc> BY_SCORE = (a, b) -> a.score > b.score ? -1
            : a.score < b.score ? 1 : a.doc - b.doc;

    static TopDocs rescore(IndexSearcher searcher, TopDocs top, Query phrases, int topN) throws IOException {
        ScoreDoc[] hits = top.scoreDocs.clone();
        Arrays.sort(hits, (a, b) -> a.doc - b.doc);
        List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
        Weight weight = searcher.createWeight(searcher.rewrite(phrases), ScoreMode.COMPLETE, 1);
        int leaf = -1;
        int endDoc = 0;
        int docBase = 0;
        Scorer scorer = null;
        DocIdSetIterator docs = null;
        TwoPhaseIterator twoPhase = null;
        for (ScoreDoc hit : hits) {
            if (hit.doc >= endDoc) {
                LeafReaderContext context;
                do {
                    context = leaves.get(++leaf);
                    endDoc = context.docBase + context.reader().maxDoc();
                } while (hit.doc >= endDoc);
                docBase = context.docBase;
                scorer = weight.scorer(context);
                twoPhase = scorer == null ? null : scorer.twoPhaseIterator();
                docs = scorer == null ? null : twoPhase != null ? twoPhase.approximation() : scorer.iterator();
            }
            if (scorer == null) {
                continue;
            }
            int target = hit.doc - docBase;
            if (docs.docID() < target) {
                docs.advance(target);
            }
            if (docs.docID() == target && (twoPhase == null || twoPhase.matches())) {
                hit.score += (float) (1d * scorer.score());
            }
        }
        if (topN < hits.length) {
            ArrayUtil.select(hits, 0, hits.length, topN, BY_SCORE);
            hits = Arrays.copyOf(hits, topN);
        }
        Arrays.sort(hits, BY_SCORE);
        return new TopDocs(top.totalHits, hits);
    }
}
