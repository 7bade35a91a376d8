package ua.hromada.docsearch.service.index;

import static ua.hromada.docsearch.service.index.ActIndex.F_BODY;
import static ua.hromada.docsearch.service.index.ActIndex.F_BODY_CHARS;
import static ua.hromada.docsearch.service.index.ActIndex.F_BODY_TEXT;
import static ua.hromada.docsearch.service.index.ActIndex.F_TITLE;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.FieldHighlighter;
import org.apache.lucene.search.uhighlight.OffsetsEnum;
import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.util.BytesRef;

/**
 * The highlighter of {@link ActIndex}: a snippet per hit of a page, the searched words marked
 * ({@code <mark>}) in the body, or in the title where the body has none of them.
 *
 * <p>The snippets are those of Lucene's {@code UnifiedHighlighter} with the match offsets from the
 * postings, {@link SentenceBreaks} passages and {@link SnippetOffsets.Scorer} (its passage
 * search, {@link FieldHighlighter}, and its formatter do the work), but the text is read only
 * where the passages are: the body comes as {@link BodyChars} and {@link PassageBreaks} looks for
 * passage boundaries around the matches, so a hit's body is never decoded or scanned whole.
 */
final class Snippets {
    /** Characters of a text looked at (the highlighter's {@code maxLength}). */
    static final int MAX_LENGTH = 500_000;
    private static final int BODY_PASSAGES = 2;
    private static final int TITLE_PASSAGES = 1;
    /** The unified highlighter's default passage order. */
    private static final Comparator<Passage> BY_START = Comparator.comparingInt(Passage::getStartOffset);

    private final DefaultPassageFormatter formatter = new DefaultPassageFormatter("<mark>", "</mark>", " … ", true);
    private final SnippetOffsets.Scorer scorer = new SnippetOffsets.Scorer();

    Map<Integer, String> snippets(IndexSearcher searcher, ActQueries.TextQuery text, ScoreDoc[] page)
            throws IOException {
        Map<Integer, String> result = new java.util.HashMap<>();
        if (page.length == 0 || text.positions().isEmpty()) {
            return result;
        }
        // plain terms only: the typo clauses come as the index words they matched
        // ("полтавшина" -> "полтавщина"), highlighted as terms; phrases are not looked for
        Set<String> words = new java.util.LinkedHashSet<>();
        text.positions().forEach(words::addAll);
        words.addAll(text.fuzzy());
        // the terms in byte order, as the highlighter extracts them from a query (at most 250 words)
        TreeSet<BytesRef> sorted = new TreeSet<>();
        words.stream().limit(250).forEach(w -> sorted.add(new BytesRef(w)));
        if (sorted.isEmpty()) {
            return result;
        }
        BytesRef[] terms = sorted.toArray(BytesRef[]::new);
        int[] docs = new int[page.length];
        for (int i = 0; i < page.length; i++) {
            docs[i] = page[i].doc;
        }
        Arrays.sort(docs);
        String[] body = highlight(searcher, F_BODY, terms, docs, BODY_PASSAGES);
        // the title only where the body has none of the words (they matched in the title or metadata)
        int[] noMark = java.util.stream.IntStream.range(0, docs.length)
                .filter(i -> body[i] == null || !body[i].contains("<mark>")).toArray();
        String[] title = new String[docs.length];
        if (noMark.length > 0) {
            String[] titles = highlight(searcher, F_TITLE, terms, Arrays.stream(noMark).map(i -> docs[i]).toArray(),
                    TITLE_PASSAGES);
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

    /** The snippet of {@code field} for each of {@code docs} (increasing), null where the text is empty. */
    private String[] highlight(IndexSearcher searcher, String field, BytesRef[] terms, int[] docs, int passages)
            throws IOException {
        String[] out = new String[docs.length];
        PassageBreaks breaks = new PassageBreaks();
        Passages highlighter = new Passages(field, breaks, passages);
        List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
        LeafReaderContext ctx = null;
        Texts texts = null;
        PostingsEnum[] postings = null;
        for (int i = 0; i < docs.length; i++) {
            if (ctx == null || docs[i] >= ctx.docBase + ctx.reader().maxDoc()) {
                ctx = leaves.get(ReaderUtil.subIndex(docs[i], leaves));
                texts = new Texts(ctx.reader(), field);
                postings = postings(ctx.reader(), field, terms);
            }
            int doc = docs[i] - ctx.docBase;
            CharSequence content = texts.text(doc);
            if (content.length() == 0) {
                continue;
            }
            breaks.setText(content);
            try (OffsetsEnum offsets = offsets(terms, postings, doc)) {
                Passage[] found = highlighter.passages(offsets);
                out[i] = found.length == 0 ? null : format(found, content);
            }
        }
        return out;
    }

    /**
     * The passages formatted by Lucene's formatter. It reads the text inside the passages only, so
     * it gets just their text, one after the other with one character between two that were apart
     * (it puts an ellipsis there), the passages moved to match: the text between two passages far
     * apart in a long body is not decoded.
     */
    private String format(Passage[] passages, CharSequence content) {
        int length = 0;
        for (int i = 0; i < passages.length; i++) {
            length += passages[i].getLength() + (i > 0 && apart(passages[i - 1], passages[i]) ? 1 : 0);
        }
        char[] text = new char[length];
        Passage[] moved = new Passage[passages.length];
        int at = 0;
        for (int i = 0; i < passages.length; i++) {
            Passage p = passages[i];
            at += i > 0 && apart(passages[i - 1], p) ? 1 : 0;
            if (content instanceof BodyChars chars) {
                chars.getChars(p.getStartOffset(), p.getEndOffset(), text, at);
            } else {
                content.toString().getChars(p.getStartOffset(), p.getEndOffset(), text, at);
            }
            int shift = p.getStartOffset() - at;
            Passage m = new Passage();
            m.setStartOffset(at);
            m.setEndOffset(p.getEndOffset() - shift);
            for (int k = 0; k < p.getNumMatches(); k++) {
                m.addMatch(p.getMatchStarts()[k] - shift, p.getMatchEnds()[k] - shift, p.getMatchTerms()[k],
                        p.getMatchTermFreqsInDoc()[k]);
            }
            m.setScore(p.getScore());
            moved[i] = m;
            at = m.getEndOffset();
        }
        return formatter.format(moved, new String(text));
    }

    private static boolean apart(Passage earlier, Passage later) {
        return later.getStartOffset() > earlier.getEndOffset();
    }

    /** Each term's postings with offsets in one segment, looked up once and advanced through the page. */
    private static PostingsEnum[] postings(LeafReader reader, String field, BytesRef[] terms) throws IOException {
        PostingsEnum[] postings = new PostingsEnum[terms.length];
        Terms index = reader.terms(field);
        if (index != null) {
            TermsEnum termsEnum = index.iterator();
            for (int i = 0; i < terms.length; i++) {
                if (termsEnum.seekExact(terms[i])) {
                    postings[i] = termsEnum.postings(null, PostingsEnum.OFFSETS);
                }
            }
        }
        return postings;
    }

    /** The offsets of the terms in {@code doc}, in term order as Lucene's postings strategy gives them. */
    private static OffsetsEnum offsets(BytesRef[] terms, PostingsEnum[] postings, int doc) throws IOException {
        List<OffsetsEnum> found = new ArrayList<>();
        for (int i = 0; i < terms.length; i++) {
            PostingsEnum p = postings[i];
            // a word missing from an earlier hit left its postings on the next document that has it,
            // which may be this one
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

    /** A field's text in one segment, read in increasing document order. */
    private static final class Texts {
        private final LeafReader reader;
        private final String field;
        private final boolean body;
        private final BinaryDocValues chars;
        private final BinaryDocValues values;

        Texts(LeafReader reader, String field) throws IOException {
            this.reader = reader;
            this.field = field;
            this.body = F_BODY.equals(field);
            this.chars = body ? reader.getBinaryDocValues(F_BODY_CHARS) : null;
            // the body as UTF-8 before version 5; the title from the hit (no stored-fields block)
            this.values = reader.getBinaryDocValues(body ? F_BODY_TEXT : ActIndex.F_HIT);
        }

        CharSequence text(int doc) throws IOException {
            if (chars != null && chars.advanceExact(doc)) {
                return BodyChars.of(chars.binaryValue(), MAX_LENGTH);
            }
            String text;
            if (values != null && values.advanceExact(doc)) {
                BytesRef b = values.binaryValue();
                text = body ? new String(b.bytes, b.offset, b.length, StandardCharsets.UTF_8) : ActDocuments.titleOf(b);
            } else {
                // written before the doc values existed: stored
                text = reader.storedFields().document(doc, Set.of(field)).get(field);
            }
            text = text == null ? "" : text;
            return text.length() > MAX_LENGTH ? text.substring(0, MAX_LENGTH) : text;
        }
    }

    /**
     * Lucene's passage search over the matches of one document (the text comes from the break
     * iterator, which reads it where the passages are). No offset strategy: the offsets are handed in.
     */
    private final class Passages extends FieldHighlighter {
        Passages(String field, PassageBreaks breaks, int maxPassages) {
            super(field, null, breaks, scorer, maxPassages, -1, formatter, BY_START);
        }

        /** The best passages, in text order; without matches the first ones (as the highlighter gives). */
        Passage[] passages(OffsetsEnum offsets) throws IOException {
            Passage[] found = highlightOffsetsEnums(offsets);
            return found.length > 0 ? found : getSummaryPassagesNoHighlight(maxPassages);
        }
    }

    /**
     * The snippet on one line: each run of ASCII white space as one space, then stripped — what
     * {@code replaceAll("\\s+", " ").strip()} gave, without a regular expression per hit.
     */
    static String oneLine(String s) {
        char[] chars = s.toCharArray();
        int length = 0;
        boolean inRun = false;
        for (char ch : chars) {
            boolean space = ch == ' ' || ch == '\t' || ch == '\n' || ch == '\u000B' || ch == '\f' || ch == '\r';
            if (!space) {
                chars[length++] = ch;
            } else if (!inRun) {
                chars[length++] = ' ';
            }
            inRun = space;
        }
        return new String(chars, 0, length).strip();
    }
}
