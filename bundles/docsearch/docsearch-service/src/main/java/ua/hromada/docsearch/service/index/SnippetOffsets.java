package ua.hromada.docsearch.service.index;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.uhighlight.FieldOffsetStrategy;
import org.apache.lucene.search.uhighlight.OffsetsEnum;
import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.search.uhighlight.PassageScorer;
import org.apache.lucene.search.uhighlight.UHComponents;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.util.BytesRef;

/**
 * Two parts of the unified highlighter made cheaper for a page of hits, with the same snippets.
 */
final class SnippetOffsets {
    private SnippetOffsets() {
    }

    /**
     * Match offsets from the postings, like Lucene's postings strategy, but each query word is
     * looked up in the terms dictionary once per segment and its postings advanced from hit to hit
     * (the highlighter visits the page's documents in increasing order). Lucene's strategy looks
     * every word up again for every document.
     */
    static final class ReusedPostings extends FieldOffsetStrategy {
        private LeafReader reader;
        private PostingsEnum[] postings;
        private int lastDoc = -1;

        ReusedPostings(UHComponents components) {
            super(components);
        }

        @Override
        public UnifiedHighlighter.OffsetSource getOffsetSource() {
            return UnifiedHighlighter.OffsetSource.POSTINGS;
        }

        @Override
        public OffsetsEnum getOffsetsEnum(LeafReader leafReader, int doc, String content) throws IOException {
            BytesRef[] terms = components.getTerms();
            if (leafReader != reader || doc <= lastDoc) {
                reader = leafReader;
                postings = new PostingsEnum[terms.length];
                Terms index = leafReader.terms(getField());
                if (index != null) {
                    TermsEnum termsEnum = index.iterator();
                    for (int i = 0; i < terms.length; i++) {
                        if (termsEnum.seekExact(terms[i])) {
                            postings[i] = termsEnum.postings(null, PostingsEnum.OFFSETS);
                        }
                    }
                }
            }
            lastDoc = doc;
            List<OffsetsEnum> found = new ArrayList<>();
            for (int i = 0; i < terms.length; i++) {
                PostingsEnum p = postings[i];
                // a word missing from an earlier hit left its postings on the next document that
                // has it, which may be this one
                if (p != null && (p.docID() < doc ? p.advance(doc) : p.docID()) == doc) {
                    found.add(new OffsetsEnum.OfPostings(terms[i], p));
                }
            }
            return switch (found.size()) {
                case 0 -> OffsetsEnum.EMPTY;
                case 1 -> found.get(0);
                default -> new OffsetsEnum.MultiOffsetsEnum(found);
            };
        }

        /** For plain word queries only: phrases and automata need Lucene's own strategy. */
        static boolean applies(UnifiedHighlighter.OffsetSource source, UHComponents components) {
            return source == UnifiedHighlighter.OffsetSource.POSTINGS
                    && !components.getPhraseHelper().hasPositionSensitivity()
                    && components.getAutomata().length == 0
                    && !components.getHighlightFlags().contains(UnifiedHighlighter.HighlightFlag.WEIGHT_MATCHES);
        }
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
