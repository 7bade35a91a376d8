package ua.hromada.docsearch.service.index;

import java.io.Reader;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.AnalyzerWrapper;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.charfilter.MappingCharFilter;
import org.apache.lucene.analysis.charfilter.NormalizeCharMap;
import org.apache.lucene.analysis.uk.UkrainianMorfologikAnalyzer;

/**
 * Ukrainian morphology (lemmas from the morfologik-ukrainian-search dictionary) with the letters
 * people type differently folded first, at index and query time: every apostrophe variant to ',
 * ґ to г (the analyzer's own map does these too; this adds the rarer look-alikes), and ё/ї mix-ups
 * are left alone. Words the dictionary has no lemma for are stemmed by
 * {@link UkrainianSuffixStemmer} instead. Loads the dictionary from this bundle's class path.
 */
public final class DocAnalyzer extends AnalyzerWrapper {
    /**
     * The analysis and fields an index was built with, kept in its commit data: an index of another
     * version holds other terms and is rebuilt when opened (raise it whenever the terms or fields
     * change). 2: out-of-dictionary words stemmed; 3: tag, convocation and session filter fields;
     * 4: the match-only field {@link ActIndex#F_MATCH}; 5: the body for the snippets as UTF-16
     * ({@link ActIndex#F_BODY_CHARS}, read where the passages are) instead of UTF-8.
     */
    public static final String VERSION = "5";

    private static final NormalizeCharMap EXTRA;

    static {
        NormalizeCharMap.Builder b = new NormalizeCharMap.Builder();
        for (String apostrophe : new String[] {"\u2019", "\u2018", "\u02BC", "\u02B9", "\u2032", "\uFF07", "`", "\u00B4"}) {
            b.add(apostrophe, "'");
        }
        b.add("ґ", "г");
        b.add("Ґ", "Г");
        EXTRA = b.build();
    }

    private final Analyzer ukrainian;

    public DocAnalyzer() {
        super(Analyzer.GLOBAL_REUSE_STRATEGY);
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(DocAnalyzer.class.getClassLoader());
        try {
            this.ukrainian = new UkrainianMorfologikAnalyzer();
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    @Override
    protected Analyzer getWrappedAnalyzer(String fieldName) {
        return ukrainian;
    }

    /**
     * Lemmas of proper names come capitalised ("Полтавщина"); fuzzy matching wants one case.
     * Tokens without a lemma are stemmed right after the dictionary, while their tags say so.
     */
    @Override
    protected TokenStreamComponents wrapComponents(String fieldName, TokenStreamComponents components) {
        return new TokenStreamComponents(components.getSource(),
                new LowerCaseFilter(new OutOfDictionaryStemFilter(components.getTokenStream())));
    }

    @Override
    protected Reader wrapReader(String fieldName, Reader reader) {
        return new MappingCharFilter(EXTRA, reader);
    }

    @Override
    public void close() {
        ukrainian.close();
        super.close();
    }
}
