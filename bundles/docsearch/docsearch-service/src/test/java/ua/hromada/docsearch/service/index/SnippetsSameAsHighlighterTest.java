package ua.hromada.docsearch.service.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.text.BreakIterator;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.Test;

/**
 * The snippets read only around the matches are those Lucene's {@link UnifiedHighlighter} gives
 * over the whole text (match offsets from the postings, the same passage breaks, scorer and
 * formatter): texts of many sentences, sentences longer than a passage, line breaks, runs of
 * spaces, characters that are escaped, words only in titles, empty bodies.
 */
class SnippetsSameAsHighlighterTest {
    private static final String[] WORDS = {"бюджет", "громади", "освіта", "програма", "розвитку", "цифрового",
            "відділ", "рішення", "файлова", "система", "дороги", "ремонт", "звіт", "рік", "послуги", "&", "<b>",
            "3.5", "п'ять", "a/b", "\"так\""};
    private static final String[] SEPARATORS = {" ", " ", " ", " ", ", ", ". ", "! ", "? ", "; ", "… ", "\n",
            "\n\n  ", "  ", ".\n", " - ", "."};
    private static final String[] TITLE_ONLY = {"полтавщина", "благоустрій"};

    @Test
    void sameSnippetsAsTheUnifiedHighlighterOverTheWholeText() throws Exception {
        Random r = new Random(20_261_205L);
        DocAnalyzer analyzer = new DocAnalyzer();
        try (ByteBuffersDirectory dir = new ByteBuffersDirectory()) {
            try (IndexWriter w = new IndexWriter(dir, new IndexWriterConfig(analyzer))) {
                ActDocuments documents = new ActDocuments();
                for (int i = 1; i <= 300; i++) {
                    String title = text(r, 3 + r.nextInt(8)) + (r.nextInt(4) == 0 ? " " + TITLE_ONLY[r.nextInt(2)] : "");
                    String body = r.nextInt(15) == 0 ? "" : (r.nextInt(10) == 0 ? "  " : "") + text(r, r.nextInt(600));
                    w.addDocument(documents.document(new IndexedAct(i, "council-decision", "Рішення ради",
                            Integer.toString(i), Integer.toString(i), LocalDate.of(2024, 1, 1), title, null,
                            "IN_FORCE", List.of(), body, null, null)));
                    if (i % 100 == 0) {
                        w.commit(); // a few segments
                    }
                }
            }
            try (DirectoryReader reader = DirectoryReader.open(dir)) {
                IndexSearcher searcher = new IndexSearcher(reader);
                ActQueries queries = new ActQueries(analyzer);
                int compared = 0;
                int titleSnippets = 0;
                for (int q = 0; q < 200; q++) {
                    String words = q % 10 == 0 ? TITLE_ONLY[q % 20 == 0 ? 0 : 1] + " " + WORDS[r.nextInt(12)]
                            : String.join(" ", List.of(WORDS[r.nextInt(15)], WORDS[r.nextInt(15)]).subList(0,
                                    1 + r.nextInt(2)));
                    ActQueries.TextQuery text = queries.textQuery(searcher, words, true);
                    ScoreDoc[] page = searcher.search(text.match(), 20).scoreDocs;
                    Map<Integer, String> expected = reference(searcher, analyzer, text, page);
                    assertEquals(expected, new Snippets().snippets(searcher, text, page), words);
                    compared += expected.size();
                    titleSnippets += (int) expected.entrySet().stream().filter(e -> e.getValue().length() < 120
                            && e.getValue().contains("<mark>полтавщина</mark>")).count();
                }
                assertTrue(compared > 1000, compared + " snippets compared");
                assertTrue(titleSnippets > 0, "some snippets come from the title");
            }
        } finally {
            analyzer.close();
        }
    }

    /** Random words and separators; every so often a sentence longer than a passage. */
    private static String text(Random r, int words) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < words; i++) {
            b.append(WORDS[r.nextInt(WORDS.length)]);
            boolean longRun = r.nextInt(200) == 0;
            for (int k = 0; longRun && k < 80; k++) {
                b.append(' ').append(WORDS[r.nextInt(12)]);
            }
            b.append(SEPARATORS[r.nextInt(SEPARATORS.length)]);
        }
        return b.toString();
    }

    /** What the snippets were before: Lucene's unified highlighter given each hit's whole text. */
    private static Map<Integer, String> reference(IndexSearcher searcher, DocAnalyzer analyzer,
            ActQueries.TextQuery text, ScoreDoc[] page) throws IOException {
        Map<Integer, String> result = new HashMap<>();
        Set<String> words = new LinkedHashSet<>();
        text.positions().forEach(words::addAll);
        words.addAll(text.fuzzy());
        BooleanQuery.Builder terms = new BooleanQuery.Builder();
        for (String word : words) {
            terms.add(new TermQuery(new Term(ActIndex.F_BODY, word)), Occur.SHOULD);
            terms.add(new TermQuery(new Term(ActIndex.F_TITLE, word)), Occur.SHOULD);
        }
        UnifiedHighlighter highlighter = new UnifiedHighlighter(UnifiedHighlighter.builder(searcher, analyzer)
                .withFormatter(new DefaultPassageFormatter("<mark>", "</mark>", " … ", true))
                .withMaxLength(Snippets.MAX_LENGTH)
                .withHandleMultiTermQuery(false)
                .withHighlightPhrasesStrictly(false)
                .withBreakIterator(() -> (BreakIterator) new SentenceBreaks())
                .withScorer(new SnippetOffsets.Scorer())) {
            @Override
            protected List<CharSequence[]> loadFieldValues(String[] fields, DocIdSetIterator docs, int cacheChars)
                    throws IOException {
                boolean body = ActIndex.F_BODY.equals(fields[0]);
                List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
                List<CharSequence[]> values = new ArrayList<>();
                for (int doc = docs.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docs.nextDoc()) {
                    LeafReaderContext ctx = leaves.get(ReaderUtil.subIndex(doc, leaves));
                    BinaryDocValues dv = ctx.reader().getBinaryDocValues(body ? ActIndex.F_BODY_CHARS : ActIndex.F_HIT);
                    assertTrue(dv.advanceExact(doc - ctx.docBase));
                    BytesRef b = dv.binaryValue();
                    values.add(new CharSequence[] {body ? BodyChars.of(b, Integer.MAX_VALUE).toString()
                            : ActDocuments.titleOf(b)});
                }
                return values;
            }
        };
        int[] docs = Arrays.stream(page).mapToInt(d -> d.doc).toArray();
        String[] body = highlighter.highlightFields(new String[] {ActIndex.F_BODY}, terms.build(), docs,
                new int[] {2}).get(ActIndex.F_BODY);
        String[] title = highlighter.highlightFields(new String[] {ActIndex.F_TITLE}, terms.build(), docs,
                new int[] {1}).get(ActIndex.F_TITLE);
        for (int i = 0; i < docs.length; i++) {
            String s = body[i] != null && body[i].contains("<mark>") ? body[i]
                    : title[i] != null && title[i].contains("<mark>") ? title[i] : body[i];
            if (s != null && !s.isBlank()) {
                result.put(docs[i], Snippets.oneLine(s));
            }
        }
        return result;
    }
}
