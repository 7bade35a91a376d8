package ua.hromada.docsearch.service.index;

import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.search.uhighlight.PassageScorer;
import org.apache.lucene.util.BytesRef;

/**
 * A part of the unified highlighter made cheaper for a page of hits, with the same snippets (the
 * match offsets are read from the postings by {@link Snippets}).
 */
final class SnippetOffsets {
    private SnippetOffsets() {
    }

    /**
     * Lucene's passage score (BM25 over the passage, by position), computed without the
     * {@code BytesRefHash} Lucene's scorer allocates per passage — its 32 KB blocks were most of the
     * passage time. A passage has a handful of matches: the distinct terms are found by comparing.
     * Same terms in the same order, so the same sums and the same snippets.
     */
    static final class Scorer extends PassageScorer {
        @Override
        public float score(Passage passage, int contentLength) {
            int hits = passage.getNumMatches();
            BytesRef[] matchTerms = passage.getMatchTerms();
            int[] inDoc = passage.getMatchTermFreqsInDoc();
            BytesRef[] distinct = new BytesRef[hits];
            int[] freqInPassage = new int[hits];
            int[] freqInDoc = new int[hits];
            int size = 0;
            for (int i = 0; i < hits; i++) {
                int t = 0;
                while (t < size && !distinct[t].bytesEquals(matchTerms[i])) {
                    t++;
                }
                if (t == size) {
                    distinct[size] = matchTerms[i];
                    freqInDoc[size] = inDoc[i];
                    size++;
                }
                freqInPassage[t]++;
            }
            double score = 0d;
            for (int t = 0; t < size; t++) {
                score += tf(freqInPassage[t], passage.getLength()) * weight(contentLength, freqInDoc[t]);
            }
            score *= norm(passage.getStartOffset());
            return (float) score;
        }
    }
}
