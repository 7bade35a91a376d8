package ua.hromada.docsearch.service.index;

import static ua.hromada.docsearch.service.index.ActIndex.F_BODY;
import static ua.hromada.docsearch.service.index.ActIndex.F_BODY_TEXT;
import static ua.hromada.docsearch.service.index.ActIndex.F_TITLE;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.FieldOffsetStrategy;
import org.apache.lucene.search.uhighlight.UHComponents;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.util.BytesRef;

/**
 * The highlighter of {@link ActIndex}: a snippet per hit of a page, the searched words marked
 * ({@code <mark>}) in the body, or in the title where the body has none of them.
 */
final class Snippets {
    private final Analyzer analyzer;

    Snippets(Analyzer analyzer) {
        this.analyzer = analyzer;
    }

    Map<Integer, String> snippets(IndexSearcher searcher, ActQueries.TextQuery text, ScoreDoc[] page)
            throws IOException {
        Map<Integer, String> result = new java.util.HashMap<>();
        if (page.length == 0 || text.positions().isEmpty()) {
            return result;
        }
        // highlight plain terms only: fuzzy and phrase clauses would make the highlighter
        // re-analyse whole documents. The typo clauses come as the index words they matched
        // ("полтавшина" -> "полтавщина"), highlighted as terms.
        Set<String> words = new java.util.LinkedHashSet<>();
        text.positions().forEach(words::addAll);
        words.addAll(text.fuzzy());
        BooleanQuery.Builder terms = new BooleanQuery.Builder();
        int clauses = 0;
        for (String word : words) {
            if (clauses < 500) {
                terms.add(new TermQuery(new Term(F_BODY, word)), Occur.SHOULD);
                terms.add(new TermQuery(new Term(F_TITLE, word)), Occur.SHOULD);
                clauses += 2;
            }
        }
        if (clauses == 0) {
            return result;
        }
        Query query = terms.build();
        UnifiedHighlighter highlighter = highlighter(searcher);
        int[] docs = new int[page.length];
        for (int i = 0; i < page.length; i++) {
            docs[i] = page[i].doc;
        }
        String[] body = highlighter.highlightFields(new String[] {F_BODY}, query, docs, new int[] {2}).get(F_BODY);
        // the title only where the body has none of the words (they matched in the title or metadata)
        int[] noMark = java.util.Arrays.stream(java.util.stream.IntStream.range(0, docs.length).toArray())
                .filter(i -> body[i] == null || !body[i].contains("<mark>")).toArray();
        String[] title = new String[docs.length];
        if (noMark.length > 0) {
            int[] titleDocs = java.util.Arrays.stream(noMark).map(i -> docs[i]).toArray();
            String[] titles = highlighter.highlightFields(new String[] {F_TITLE}, query, titleDocs, new int[] {1})
                    .get(F_TITLE);
            for (int j = 0; j < noMark.length; j++) {
                title[noMark[j]] = titles[j];
            }
        }
        for (int i = 0; i < docs.length; i++) {
            String s = body[i] != null && body[i].contains("<mark>") ? body[i]
                    : title[i] != null && title[i].contains("<mark>") ? title[i] : body[i];
            if (s != null && !s.isBlank()) {
                result.put(docs[i], oneLine(s));
            }
        }
        return result;
    }

    /**
     * The snippet on one line: each run of ASCII white space as one space, then stripped — what
     * {@code replaceAll("\\s+", " ").strip()} gave, without a regular expression per hit.
     */
    static String oneLine(String s) {
        StringBuilder b = new StringBuilder(s.length());
        boolean inRun = false;
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            boolean space = ch == ' ' || ch == '\t' || ch == '\n' || ch == '\u000B' || ch == '\f' || ch == '\r';
            if (!space) {
                b.append(ch);
            } else if (!inRun) {
                b.append(' ');
            }
            inRun = space;
        }
        return b.toString().strip();
    }

    /**
     * The highlighter, reading the body from its doc value: the stored fields are compressed in
     * blocks of many documents, and decompressing a block for each hit was the largest part of
     * the snippet time. Indexes written before the doc value existed have the body stored.
     */
    private UnifiedHighlighter highlighter(IndexSearcher searcher) {
        UnifiedHighlighter.Builder builder = UnifiedHighlighter.builder(searcher, analyzer)
                .withFormatter(new DefaultPassageFormatter("<mark>", "</mark>", " … ", true))
                .withMaxLength(500_000)
                .withHandleMultiTermQuery(false)
                .withHighlightPhrasesStrictly(false)
                .withBreakIterator(SentenceBreaks::new)
                .withScorer(new SnippetOffsets.Scorer());
        return new UnifiedHighlighter(builder) {
            @Override
            protected FieldOffsetStrategy getOffsetStrategy(OffsetSource source, UHComponents components) {
                return SnippetOffsets.ReusedPostings.applies(source, components)
                        ? new SnippetOffsets.ReusedPostings(components) : super.getOffsetStrategy(source, components);
            }

            @Override
            protected List<CharSequence[]> loadFieldValues(String[] fields, DocIdSetIterator docs, int cacheChars)
                    throws IOException {
                // the body from its doc value, the title from the hit's (the stored title would
                // cost decompressing the stored-fields block it is in)
                boolean body = fields.length == 1 && F_BODY.equals(fields[0]);
                if (!body && (fields.length != 1 || !F_TITLE.equals(fields[0]))) {
                    return super.loadFieldValues(fields, docs, cacheChars);
                }
                List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
                List<CharSequence[]> values = new ArrayList<>();
                LeafReaderContext ctx = null;
                BinaryDocValues texts = null;
                for (int doc = docs.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docs.nextDoc()) {
                    if (ctx == null || doc >= ctx.docBase + ctx.reader().maxDoc()) {
                        ctx = leaves.get(ReaderUtil.subIndex(doc, leaves));
                        texts = ctx.reader().getBinaryDocValues(body ? F_BODY_TEXT : ActIndex.F_HIT);
                    }
                    String text;
                    if (texts != null && texts.advanceExact(doc - ctx.docBase)) {
                        BytesRef b = texts.binaryValue();
                        // the JDK's decoder builds the string in one pass (BytesRef.utf8ToString
                        // decodes into a char array first and then copies it)
                        text = body ? new String(b.bytes, b.offset, b.length, StandardCharsets.UTF_8)
                                : ActDocuments.titleOf(b);
                    } else {
                        text = ctx.reader().storedFields().document(doc - ctx.docBase, Set.of(fields[0])).get(fields[0]);
                    }
                    text = text == null ? "" : text;
                    values.add(new CharSequence[] {text.length() > getMaxLength() ? text.substring(0, getMaxLength())
                            : text});
                }
                return values;
            }
        };
    }
}
