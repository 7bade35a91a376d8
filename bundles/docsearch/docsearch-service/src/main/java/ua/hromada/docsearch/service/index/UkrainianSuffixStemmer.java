package ua.hromada.docsearch.service.index;

import java.util.Arrays;
import java.util.Comparator;

/**
 * A light Ukrainian stemmer for words the morphological dictionary does not know: strips the
 * longest inflectional ending of nouns and adjectives (the case forms a nominative query must
 * reach) and folds a doubled final consonant, so «співфінансування», «співфінансуванням» and
 * «співфінансувань» share «співфінансуван». Derivational suffixes stay: the stem keeps the word's
 * meaning, and both index and query go through the same rules, so they only need to agree.
 */
public final class UkrainianSuffixStemmer {
    /** Shortest stem kept: shorter words are left whole (too little to tell words apart). */
    static final int MIN_STEM = 3;

    private static final String[] ENDINGS = sortedLongestFirst(
            // adjectives and participles (hard and soft groups)
            "ього", "ьому", "ого", "ому", "ими", "іми", "ими", "их", "іх", "ий", "ій", "ої", "ім", "им",
            // nouns, all genders, singular and plural
            "ові", "еві", "єві", "ами", "ями", "ах", "ях", "ам", "ям", "ом", "ем", "єм", "ою", "ею", "єю",
            "ів", "їв", "ей",
            // one-letter endings
            "а", "я", "о", "е", "є", "и", "і", "ї", "у", "ю", "ь", "й");

    private static String[] sortedLongestFirst(String... endings) {
        String[] sorted = Arrays.stream(endings).distinct().toArray(String[]::new);
        Arrays.sort(sorted, Comparator.comparingInt(String::length).reversed());
        return sorted;
    }

    private UkrainianSuffixStemmer() {
    }

    /** Whether the stemmer applies: Cyrillic letters (and inner apostrophes) only, long enough to strip. */
    static boolean applies(char[] term, int length) {
        if (length <= MIN_STEM) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            char c = term[i];
            boolean letter = c >= '\u0400' && c <= '\u04FF';
            if (!letter && !(c == '\'' && i > 0 && i < length - 1)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Stems {@code term[0..length)} in place (lower-case input).
     *
     * @return the new length
     */
    public static int stem(char[] term, int length) {
        if (!applies(term, length)) {
            return length;
        }
        int len = length;
        // «-ість»/«-істю» alternate with «-ост-» in the other forms («безбар'єрність», «-ності», «-ностей»)
        for (String ending : new String[] {"ість", "істю"}) {
            int rest = len - ending.length();
            if (rest >= MIN_STEM - 1 && endsWith(term, len, ending)) {
                term[rest] = 'о';
                term[rest + 1] = 'с';
                term[rest + 2] = 'т';
                return rest + 3;
            }
        }
        for (String ending : ENDINGS) {
            int rest = len - ending.length();
            if (rest >= MIN_STEM && endsWith(term, len, ending) && hasVowel(term, rest)) {
                len = rest;
                break;
            }
        }
        // «-ння»/«-нь», «-ття»/«-ть»: the doubled consonant of the nominative is single in some forms
        if (len > MIN_STEM && term[len - 1] == term[len - 2] && !isVowel(term[len - 1])) {
            len--;
        }
        return len;
    }

    public static String stem(String word) {
        char[] chars = word.toCharArray();
        return new String(chars, 0, stem(chars, chars.length));
    }

    private static boolean endsWith(char[] term, int len, String ending) {
        int start = len - ending.length();
        for (int i = 0; i < ending.length(); i++) {
            if (term[start + i] != ending.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private static boolean hasVowel(char[] term, int len) {
        for (int i = 0; i < len; i++) {
            if (isVowel(term[i])) {
                return true;
            }
        }
        return false;
    }

    private static boolean isVowel(char c) {
        return "аеєиіїоуюя".indexOf(c) >= 0;
    }
}
