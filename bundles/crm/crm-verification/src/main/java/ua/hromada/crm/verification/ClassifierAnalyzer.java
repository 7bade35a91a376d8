package ua.hromada.crm.verification;

import java.io.Reader;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.AnalyzerWrapper;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.charfilter.MappingCharFilter;
import org.apache.lucene.analysis.charfilter.NormalizeCharMap;
import org.apache.lucene.analysis.uk.UkrainianMorfologikAnalyzer;

/**
 * The portal's Ukrainian analysis for requests (as document search's): Morfologik lemmas, one case,
 * apostrophe variants and ґ folded, so «прописатися», «прописка» and «прописали» meet. The
 * dictionary loads from this bundle's class path.
 */
final class ClassifierAnalyzer extends AnalyzerWrapper {
    private final NormalizeCharMap folding;
    private final Analyzer ukrainian;

    ClassifierAnalyzer() {
        super(Analyzer.GLOBAL_REUSE_STRATEGY);
        NormalizeCharMap.Builder b = new NormalizeCharMap.Builder();
        for (String apostrophe : new String[] {"\u2019", "\u2018", "\u02BC", "\u02B9", "\u2032", "\uFF07", "`", "\u00B4"}) {
            b.add(apostrophe, "'");
        }
        b.add("ґ", "г");
        b.add("Ґ", "Г");
        folding = b.build();
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(ClassifierAnalyzer.class.getClassLoader());
        try {
            ukrainian = new UkrainianMorfologikAnalyzer();
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    @Override
    protected Analyzer getWrappedAnalyzer(String fieldName) {
        return ukrainian;
    }

    @Override
    protected TokenStreamComponents wrapComponents(String fieldName, TokenStreamComponents components) {
        return new TokenStreamComponents(components.getSource(), new LowerCaseFilter(components.getTokenStream()));
    }

    @Override
    protected Reader wrapReader(String fieldName, Reader reader) {
        return new MappingCharFilter(folding, reader);
    }

    @Override
    public void close() {
        ukrainian.close();
        super.close();
    }
}
