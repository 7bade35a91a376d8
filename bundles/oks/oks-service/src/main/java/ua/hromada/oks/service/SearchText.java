package ua.hromada.oks.service;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The list's search box as terms: numbers («30», «№ 30», «#30») and words reduced to a stem, so
 * «лави», «лава» and «лавою» find one another. PostgreSQL ships no Ukrainian text-search
 * configuration (the Russian stemmer mangles Ukrainian), so a light stemmer strips the common
 * case and adjective endings here and the SQL matches the stem at the start of a word.
 */
final class SearchText {

    /** One term: a number (case ID or a number in the text), an ID only ({@code #30}), or a word stem. */
    record Term(Kind kind, long number, String stem) {
    }

    enum Kind {
        NUMBER, ID, WORD
    }

    private static final Pattern TOKEN = Pattern.compile(
            "(#)\\s*(\\d{1,18})|(№|\\bno\\.?|\\bn)\\s*(\\d{1,18})|(\\d{1,18})|(\\p{L}+(?:['’ʼ]\\p{L}+)*)",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    /** Longest first: the first ending that leaves a stem of {@value #MIN_STEM} letters is removed. */
    private static final List<String> ENDINGS = List.of(
            "ями", "ами", "ові", "еві", "єві", "ому", "ого", "ими", "іми", "ій", "ий", "ої", "ою", "ею", "єю",
            "ях", "ах", "ів", "їв", "ям", "ам", "ом", "ем", "єм", "им", "ім", "их", "іх", "ую", "юю", "ая", "яя",
            "а", "я", "и", "і", "ї", "у", "ю", "е", "є", "о", "ь", "й");
    private static final int MIN_STEM = 3;
    /** Terms beyond this are ignored: each is one condition of the query, and a pasted page must not make hundreds. */
    static final int MAX_TERMS = 12;
    /** Prepositions and conjunctions that say nothing about a case; dropped unless nothing else is typed. */
    private static final Set<String> STOP = Set.of("в", "у", "з", "із", "зі", "й", "і", "та", "а", "о", "на", "до",
            "по", "за", "від", "біля", "під", "над", "для", "при", "між", "через", "або", "чи", "що", "не");

    private SearchText() {
    }

    static List<Term> parse(String text) {
        List<Term> terms = new ArrayList<>();
        List<Term> stopWords = new ArrayList<>();
        if (text == null) {
            return terms;
        }
        Matcher m = TOKEN.matcher(text);
        while (terms.size() < MAX_TERMS && m.find()) {
            if (m.group(2) != null) {
                terms.add(new Term(Kind.ID, Long.parseLong(m.group(2)), null));
            } else if (m.group(4) != null) {
                terms.add(new Term(Kind.NUMBER, Long.parseLong(m.group(4)), null));
            } else if (m.group(5) != null) {
                terms.add(new Term(Kind.NUMBER, Long.parseLong(m.group(5)), null));
            } else {
                String word = m.group(6).toLowerCase(Locale.forLanguageTag("uk")).replace('’', '\'').replace('ʼ', '\'');
                Term t = new Term(Kind.WORD, 0, stem(word));
                if (!STOP.contains(word)) {
                    terms.add(t);
                } else if (stopWords.size() < MAX_TERMS) {
                    stopWords.add(t);
                }
            }
        }
        return terms.isEmpty() ? stopWords : terms;
    }

    /** The word without its inflectional ending (Cyrillic words of more than three letters only). */
    static String stem(String word) {
        if (word.length() <= MIN_STEM || !isCyrillic(word)) {
            return word;
        }
        for (String ending : ENDINGS) {
            if (word.endsWith(ending) && word.length() - ending.length() >= MIN_STEM) {
                String s = word.substring(0, word.length() - ending.length());
                // «порушення» / «порушень», «сміття» / «смітник»: a doubled consonant before the ending
                int n = s.length();
                if (n > MIN_STEM && s.charAt(n - 1) == s.charAt(n - 2)) {
                    s = s.substring(0, n - 1);
                }
                return s;
            }
        }
        return word;
    }

    private static boolean isCyrillic(String word) {
        return word.codePoints().allMatch(c -> c == '\'' || Character.UnicodeScript.of(c) == Character.UnicodeScript.CYRILLIC);
    }

    /**
     * A PostgreSQL regular expression (for {@code ~*}) matching the stem at the start of a word.
     * The stem holds only letters and apostrophes, nothing a regular expression treats specially.
     */
    static String wordStart(String stem) {
        return "(^|[^[:alnum:]_'])" + stem.replace("'", "['’ʼ]");
    }

    /** A PostgreSQL regular expression matching the number as a whole number (not inside 130 or 2030). */
    static String wholeNumber(long number) {
        return "(^|[^0-9])0*" + number + "([^0-9]|$)";
    }
}
