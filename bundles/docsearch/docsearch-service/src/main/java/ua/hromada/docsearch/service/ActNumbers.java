package ua.hromada.docsearch.service;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Act numbers as people write them ("№ 790", "N790", "No 790", "1/06-2-2216", "№ ЦП-2026") reduced
 * to one form for exact lookup, and recognition of number queries ("790 від 26.04.2024",
 * "ПМР-1 від 17.05.2022", "N ЗВ-2025/3").
 */
public final class ActNumbers {
    /**
     * "№", "#" before anything; "N", "No", "No.", "Nr" (Latin or Cyrillic "N"/"Н" look alike) before a
     * digit, or followed by a dot or a space — so the "Н" of a number such as "НВ-12" stays.
     */
    private static final String SIGN = "(?:№+\\s*|#\\s*|[NnНн][OoОоRr]?(?:\\.\\s*|\\s+|(?=\\p{N})))";
    private static final Pattern PREFIX = Pattern.compile("^" + SIGN);
    private static final Pattern DASHES = Pattern.compile("[\\u2010-\\u2015\\u2212]");
    private static final Pattern SPACES = Pattern.compile("\\s+");
    /**
     * A number is one token of letters, digits, "/", "-", "." holding at least one digit and starting
     * with a letter or a digit ("790", "1/78-2026", "ЦП-2026", "ПМР-1"); a word without digits is a
     * word. A recognised number that no act has is still searched as words (see ActIndex).
     */
    private static final String NUMBER = "((?=[\\p{L}\\p{N}/\\-\\u2010-\\u2015\\u2212.]*\\p{N})[\\p{L}\\p{N}]"
            + "[\\p{L}\\p{N}/\\-\\u2010-\\u2015\\u2212.]*)";
    private static final Pattern QUERY = Pattern.compile("^" + SIGN + "?" + NUMBER
            + "(?:\\s*,?\\s*(?:від|вiд|вид|from|of|dated)\\s+(\\d{1,2}\\.\\d{1,2}\\.\\d{4}|\\d{4}-\\d{2}-\\d{2})(?:\\s*(?:р\\.|року|р))?)?\\s*$",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    /** A number marked as one ("№ 790", "N 790") inside a phrase, with the date written after it. */
    private static final Pattern IN_PHRASE = Pattern.compile("(?:№+\\s*|(?<![\\p{L}\\p{N}])[NnНн](?:o\\.?)?\\s*(?=\\p{N}))"
            + NUMBER + "(?:\\s*,?\\s*(?:від|вiд|from|of|dated)\\s+(\\d{1,2}\\.\\d{1,2}\\.\\d{4}|\\d{4}-\\d{2}-\\d{2}))?",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final DateTimeFormatter DOTTED = DateTimeFormatter.ofPattern("d.M.uuuu")
            .withResolverStyle(ResolverStyle.STRICT);

    private ActNumbers() {
    }

    /** The number for exact lookup: no "№"/"N" prefix, no spaces, one kind of dash, lower case. */
    public static String normalize(String number) {
        if (number == null) {
            return null;
        }
        String s = number.strip();
        s = PREFIX.matcher(s).replaceFirst("");
        s = DASHES.matcher(s).replaceAll("-");
        s = SPACES.matcher(s).replaceAll("");
        while (s.endsWith(".")) {
            s = s.substring(0, s.length() - 1);
        }
        return s.toLowerCase(Locale.ROOT);
    }

    /** A search text that is a number, optionally with "від <date>". */
    public record NumberQuery(String normalizedNumber, LocalDate date) {
    }

    public static Optional<NumberQuery> parseQuery(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        Matcher m = QUERY.matcher(text.strip());
        if (!m.matches()) {
            return Optional.empty();
        }
        LocalDate date = null;
        if (m.group(2) != null) {
            Optional<LocalDate> d = parseDate(m.group(2));
            if (d.isEmpty()) {
                return Optional.empty();
            }
            date = d.get();
        }
        return Optional.of(new NumberQuery(normalize(m.group(1)), date));
    }

    /**
     * The number of a phrase such as «рішення № 790 від 26.04.2024 про …»: only a number written
     * with its sign counts here (a bare figure in words may be a year or an amount).
     */
    public static Optional<NumberQuery> findInPhrase(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        Matcher m = IN_PHRASE.matcher(text);
        if (!m.find()) {
            return Optional.empty();
        }
        String number = m.group(1);
        while (number.endsWith(".")) {
            number = number.substring(0, number.length() - 1);
        }
        LocalDate date = m.group(2) == null ? null : parseDate(m.group(2)).orElse(null);
        return Optional.of(new NumberQuery(normalize(number), date));
    }

    /** dd.MM.yyyy (also d.M.yyyy) or yyyy-MM-dd. */
    public static Optional<LocalDate> parseDate(String s) {
        if (s == null || s.isBlank()) {
            return Optional.empty();
        }
        String t = s.strip();
        try {
            return Optional.of(t.contains("-") ? LocalDate.parse(t) : LocalDate.parse(t, DOTTED));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
