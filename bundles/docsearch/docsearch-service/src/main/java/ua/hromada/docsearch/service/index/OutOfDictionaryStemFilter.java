package ua.hromada.docsearch.service.index;

import java.io.IOException;

import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.morfologik.MorphosyntacticTagsAttribute;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * Stems the tokens MorfologikFilter found no lemma for (it leaves their tags null; a dictionary
 * word always carries a tag list), so words the dictionary does not know — nouns made from verbs,
 * local terms, place names — match in their other case forms too. Dictionary words keep their lemmas.
 */
final class OutOfDictionaryStemFilter extends TokenFilter {
    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final MorphosyntacticTagsAttribute tags = addAttribute(MorphosyntacticTagsAttribute.class);

    OutOfDictionaryStemFilter(TokenStream input) {
        super(input);
    }

    @Override
    public boolean incrementToken() throws IOException {
        if (!input.incrementToken()) {
            return false;
        }
        if (tags.getTags() == null) {
            term.setLength(UkrainianSuffixStemmer.stem(term.buffer(), term.length()));
        }
        return true;
    }
}
