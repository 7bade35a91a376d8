package ua.hromada.docsearch.service;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import ua.hromada.docsearch.api.SearchQuery;

/**
 * Dates typed in the search box as people write them — «26.04.2024», «від 26.04.2024»,
 * «26 квітня 2024 р.», «квітень 2024», «у квітні 2024», «2024 рік», «з 01.01.2024 по 31.03.2024» —
 * taken out of the words and turned into a date range (every date typed lies in it). A year counts
 * only when it stands alone once: «2024 – 2026» or «№ 2024» stay words and numbers.
 */
public final class TypedDates {
    /**
     * The words left, the range the typed dates span, and the dates as typed (without «від», «у»…),
     * for telling the person what became a filter.
     */
    public record Parsed(String text, LocalDate from, LocalDate to, List<String> dates) {
        public boolean found() {
            return from != null;
        }
    }

    private static final Map<String, Integer> MONTHS = months();
    private static final String MONTH = "(" + String.join("|", MONTHS.keySet()) + ")";
    /** A preposition before a date and «р.»/«року»/«рік» after it belong to the date. */
    private static final String BEFORE = "(?<![\\p{L}\\p{N}/\\-\\u2010-\\u2015.№#])(?<![№#]\\s{1,3})(?:(?:від|з|із|по|до|за|у|в)\\s+)?";
    private static final String AFTER = "(?:\\s*(?:року|рік|р\\.|р(?![\\p{L}])))?(?![\\p{L}\\p{N}/\\-\\u2010-\\u2015])";
    private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;
    private static final Pattern DAY = Pattern.compile(BEFORE + "(\\d{1,2})\\.(\\d{1,2})\\.(\\d{4})" + AFTER, FLAGS);
    private static final Pattern ISO_DAY = Pattern.compile(BEFORE + "(\\d{4})-(\\d{2})-(\\d{2})" + AFTER, FLAGS);
    private static final Pattern DAY_MONTH = Pattern.compile(BEFORE + "(\\d{1,2})\\s+" + MONTH + "\\s+(\\d{4})" + AFTER,
            FLAGS);
    private static final Pattern MONTH_YEAR = Pattern.compile(BEFORE + MONTH + "\\s+(\\d{4})" + AFTER, FLAGS);
    private static final Pattern YEAR = Pattern.compile(BEFORE + "((?:19|20)\\d{2})" + AFTER, FLAGS);
    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final Pattern PREPOSITION = Pattern.compile("^(?:від|з|із|по|до|за|у|в)\\s+", FLAGS);

    private TypedDates() {
    }

    private static Map<String, Integer> months() {
        String[][] forms = {
            {"січень", "січня", "січні"}, {"лютий", "лютого", "лютому"}, {"березень", "березня", "березні"},
            {"квітень", "квітня", "квітні"}, {"травень", "травня", "травні"}, {"червень", "червня", "червні"},
            {"липень", "липня", "липні"}, {"серпень", "серпня", "серпні"}, {"вересень", "вересня", "вересні"},
            {"жовтень", "жовтня", "жовтні"}, {"листопад", "листопада", "листопаді"}, {"грудень", "грудня", "грудні"}};
        Map<String, Integer> m = new java.util.LinkedHashMap<>();
        for (int i = 0; i < forms.length; i++) {
            for (String f : forms[i]) {
                m.put(f, i + 1);
            }
        }
        return m;
    }

    public static Parsed parse(String text) {
        if (text == null || text.isBlank()) {
            return new Parsed(text == null ? "" : text.strip(), null, null, List.of());
        }
        StringBuilder rest = new StringBuilder(text);
        List<LocalDate[]> ranges = new ArrayList<>();
        List<String> typed = new ArrayList<>();
        take(rest, DAY, m -> day(m.group(3), m.group(2), m.group(1)), ranges, typed);
        take(rest, ISO_DAY, m -> day(m.group(1), m.group(2), m.group(3)), ranges, typed);
        take(rest, DAY_MONTH, m -> day(m.group(3), Integer.toString(month(m.group(2))), m.group(1)), ranges, typed);
        take(rest, MONTH_YEAR, m -> {
            YearMonth ym = YearMonth.of(Integer.parseInt(m.group(2)), month(m.group(1)));
            return Optional.of(new LocalDate[] {ym.atDay(1), ym.atEndOfMonth()});
        }, ranges, typed);
        Matcher years = YEAR.matcher(rest);
        int count = 0;
        while (years.find()) {
            count++;
        }
        if (count == 1) {
            take(rest, YEAR, m -> {
                int y = Integer.parseInt(m.group(1));
                return Optional.of(new LocalDate[] {LocalDate.of(y, 1, 1), LocalDate.of(y, 12, 31)});
            }, ranges, typed);
        }
        if (ranges.isEmpty()) {
            return new Parsed(text.strip(), null, null, List.of());
        }
        LocalDate from = ranges.get(0)[0];
        LocalDate to = ranges.get(0)[1];
        for (LocalDate[] r : ranges) {
            from = r[0].isBefore(from) ? r[0] : from;
            to = r[1].isAfter(to) ? r[1] : to;
        }
        return new Parsed(SPACES.matcher(rest.toString()).replaceAll(" ").strip(), from, to, List.copyOf(typed));
    }

    /**
     * The search as asked, with the dates typed in its text taken out as a date range that narrows
     * the range chosen in the filters (both apply; no overlap finds nothing). Unchanged without dates.
     */
    public static SearchQuery narrow(SearchQuery q) {
        Parsed typed = parse(q.text());
        if (!typed.found()) {
            return q;
        }
        LocalDate from = q.from() == null || typed.from().isAfter(q.from()) ? typed.from() : q.from();
        LocalDate to = q.to() == null || typed.to().isBefore(q.to()) ? typed.to() : q.to();
        return new SearchQuery(typed.text(), q.kinds(), q.issuingBodies(), q.statuses(), q.years(), from, to, q.sort(),
                q.offset(), q.limit(), q.convocation(), q.session(), q.tags());
    }

    private interface Range {
        Optional<LocalDate[]> of(Matcher m);
    }

    /** Cuts every match that is a real date out of {@code text} (left as is when not a date: «31.02.2024»). */
    private static void take(StringBuilder text, Pattern pattern, Range range, List<LocalDate[]> ranges,
            List<String> typed) {
        Matcher m = pattern.matcher(text);
        List<int[]> cuts = new ArrayList<>();
        while (m.find()) {
            Optional<LocalDate[]> r = range.of(m);
            if (r.isPresent()) {
                ranges.add(r.get());
                cuts.add(new int[] {m.start(), m.end()});
                typed.add(PREPOSITION.matcher(m.group().strip()).replaceFirst(""));
            }
        }
        for (int i = cuts.size() - 1; i >= 0; i--) {
            text.replace(cuts.get(i)[0], cuts.get(i)[1], " ");
        }
    }

    private static int month(String name) {
        return MONTHS.get(name.toLowerCase(Locale.ROOT));
    }

    private static Optional<LocalDate[]> day(String year, String month, String day) {
        try {
            LocalDate d = LocalDate.of(Integer.parseInt(year), Integer.parseInt(month), Integer.parseInt(day));
            return Optional.of(new LocalDate[] {d, d});
        } catch (java.time.DateTimeException e) {
            return Optional.empty();
        }
    }
}
