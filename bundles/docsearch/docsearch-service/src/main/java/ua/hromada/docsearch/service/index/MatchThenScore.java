package ua.hromada.docsearch.service.index;

import java.io.IOException;
import java.util.Objects;

import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.Explanation;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.TwoPhaseIterator;
import org.apache.lucene.search.Weight;

/**
 * Finds the documents with {@code match} and scores them with {@code score}, a query that matches
 * exactly the same documents. A search visits many more documents than it scores (the facet counts
 * need every match, the page and total only those with every facet choice): {@code match} walks one
 * postings list per word form in the {@link ActIndex#F_MATCH} field, while {@code score} — the same
 * words per field, with the field weights — is moved only to the documents asked for a score, so the
 * scores are those {@code score} gives on its own.
 */
final class MatchThenScore extends Query {
    private final Query match;
    private final Query score;

    MatchThenScore(Query match, Query score) {
        this.match = Objects.requireNonNull(match);
        this.score = Objects.requireNonNull(score);
    }

    @Override
    public Query rewrite(IndexSearcher searcher) throws IOException {
        Query m = match.rewrite(searcher);
        Query s = score.rewrite(searcher);
        return m == match && s == score ? this : new MatchThenScore(m, s);
    }

    @Override
    public Weight createWeight(IndexSearcher searcher, ScoreMode scoreMode, float boost) throws IOException {
        // not through the searcher: the words' match is new for almost every search, caching it
        // would only cost a pass over it
        Weight matchWeight = match.createWeight(searcher, ScoreMode.COMPLETE_NO_SCORES, 1f);
        Weight scoreWeight = scoreMode.needsScores() ? score.createWeight(searcher, scoreMode, boost) : null;
        return new Weight(this) {
            @Override
            public Scorer scorer(LeafReaderContext context) throws IOException {
                Scorer matches = matchWeight.scorer(context);
                if (matches == null) {
                    return null;
                }
                Scorer scores = scoreWeight == null ? null : scoreWeight.scorer(context);
                return new Scored(this, matches, scores);
            }

            @Override
            public boolean isCacheable(LeafReaderContext context) {
                return matchWeight.isCacheable(context) && (scoreWeight == null || scoreWeight.isCacheable(context));
            }

            @Override
            public Explanation explain(LeafReaderContext context, int doc) throws IOException {
                return scoreWeight != null ? scoreWeight.explain(context, doc) : matchWeight.explain(context, doc);
            }
        };
    }

    /** The matches' iterator; a score moves the scoring query's scorer forward to the document. */
    private static final class Scored extends Scorer {
        private final Scorer matches;
        private final Scorer scores;
        private final DocIdSetIterator scoreDocs;
        private final TwoPhaseIterator scoreTwoPhase;
        private int scoredDoc = -1;
        private float scored;

        Scored(Weight weight, Scorer matches, Scorer scores) {
            super(weight);
            this.matches = matches;
            this.scores = scores;
            this.scoreTwoPhase = scores == null ? null : scores.twoPhaseIterator();
            this.scoreDocs = scores == null ? null
                    : scoreTwoPhase != null ? scoreTwoPhase.approximation() : scores.iterator();
        }

        @Override
        public int docID() {
            return matches.docID();
        }

        @Override
        public DocIdSetIterator iterator() {
            return matches.iterator();
        }

        @Override
        public TwoPhaseIterator twoPhaseIterator() {
            return matches.twoPhaseIterator();
        }

        @Override
        public float score() throws IOException {
            int doc = matches.docID();
            if (scoreDocs == null) {
                return 0f;
            }
            if (doc != scoredDoc) {
                if (scoreDocs.docID() < doc) {
                    scoreDocs.advance(doc);
                }
                boolean on = scoreDocs.docID() == doc && (scoreTwoPhase == null || scoreTwoPhase.matches());
                scored = on ? scores.score() : 0f;
                scoredDoc = doc;
            }
            return scored;
        }

        @Override
        public float getMaxScore(int upTo) throws IOException {
            return scores == null ? 0f : scores.getMaxScore(upTo);
        }
    }

    @Override
    public void visit(QueryVisitor visitor) {
        QueryVisitor v = visitor.getSubVisitor(Occur.MUST, this);
        match.visit(v);
        score.visit(v);
    }

    @Override
    public String toString(String field) {
        return "match(" + match.toString(field) + ") score(" + score.toString(field) + ")";
    }

    @Override
    public boolean equals(Object other) {
        return sameClassAs(other) && match.equals(((MatchThenScore) other).match)
                && score.equals(((MatchThenScore) other).score);
    }

    @Override
    public int hashCode() {
        return Objects.hash(classHash(), match, score);
    }
}
