package ua.hromada.docsearch.ui.api;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import ua.hromada.docsearch.api.ActStatus;
import ua.hromada.docsearch.api.SearchQuery;

/**
 * Turns the query parameters of {@code GET /api/documents/search} into a {@link SearchQuery}.
 * Anything malformed is refused with {@link BadParameter} (a 400 for the client), so the search
 * service never sees input it would fail on.
 */
public final class SearchParams {

    /** The search service's bounds; here a value outside them is refused (400) instead of cut. */
    public static final int DEFAULT_LIMIT = SearchQuery.DEFAULT_LIMIT;
    public static final int MAX_LIMIT = SearchQuery.MAX_LIMIT;
    public static final int MAX_OFFSET = SearchQuery.MAX_OFFSET;
    static final int MAX_TEXT = 500;
    /** Convocation and session are positive numbers (as the act form takes them); a tag's length. */
    static final int MAX_COUNCIL_NUMBER = 100_000;
    static final int MAX_TAG = 100;

    private SearchParams() {
    }

    /** A parameter the client got wrong: {@code code} is stable, {@code message} is for people. */
    public static final class BadParameter extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final String code;

        BadParameter(String code, String message) {
            super(message);
            this.code = code;
        }

        public String code() {
            return code;
        }
    }

    /** @param params as {@code HttpServletRequest.getParameterMap()} gives them */
    public static SearchQuery parse(Map<String, String[]> params) {
        String text = single(params, "q");
        if (text != null && text.length() > MAX_TEXT) {
            throw new BadParameter("q.tooLong", "Parameter 'q' is longer than " + MAX_TEXT + " characters.");
        }
        Set<String> kinds = values(params, "kind");
        Set<String> bodies = values(params, "body");
        Set<ActStatus> statuses = new LinkedHashSet<>();
        for (String s : values(params, "status")) {
            statuses.add(status(s));
        }
        Set<Integer> years = new LinkedHashSet<>();
        for (String y : values(params, "year")) {
            years.add(year(y));
        }
        LocalDate from = date(params, "from");
        LocalDate to = date(params, "to");
        if (from != null && to != null && from.isAfter(to)) {
            throw new BadParameter("range.invalid", "Parameter 'from' is after 'to'.");
        }
        SearchQuery.Sort sort = sort(single(params, "sort"));
        int offset = integer(params, "offset", 0, 0, MAX_OFFSET);
        int limit = integer(params, "limit", DEFAULT_LIMIT, 1, MAX_LIMIT);
        Integer convocation = single(params, "convocation") == null ? null
                : integer(params, "convocation", 0, 1, MAX_COUNCIL_NUMBER);
        Integer session = single(params, "session") == null ? null : integer(params, "session", 0, 1, MAX_COUNCIL_NUMBER);
        Set<String> tags = values(params, "tag");
        for (String tag : tags) {
            if (tag.length() > MAX_TAG) {
                throw new BadParameter("tag.invalid", "Parameter 'tag' is longer than " + MAX_TAG + " characters.");
            }
        }
        return new SearchQuery(text == null ? "" : text, kinds, bodies, statuses, years, from, to, sort, offset, limit)
                .withCouncil(convocation, session, tags);
    }

    /**
     * The search as address parameters, the inverse of {@link #parse} for everything a person
     * chooses (not the page): {@code q}, {@code kind}, {@code body}, {@code status}, {@code year},
     * {@code from}, {@code to}, {@code convocation}, {@code session}, {@code tag}, {@code sort}; values in a stable order, defaults left out. The
     * public page keeps its state in the address with these, the same names as the API's.
     */
    public static Map<String, List<String>> toParameters(SearchQuery q) {
        Map<String, List<String>> out = new java.util.LinkedHashMap<>();
        if (q.text() != null && !q.text().isBlank()) {
            out.put("q", List.of(q.text().strip()));
        }
        put(out, "kind", q.kinds() == null ? List.of() : q.kinds().stream().map(String::valueOf).toList());
        put(out, "body", q.issuingBodies() == null ? List.of() : List.copyOf(q.issuingBodies()));
        put(out, "status", q.statuses() == null ? List.of()
                : q.statuses().stream().map(s -> s.name().toLowerCase(Locale.ROOT)).toList());
        put(out, "year", q.years() == null ? List.of() : q.years().stream().map(String::valueOf).toList());
        if (q.from() != null) {
            out.put("from", List.of(q.from().toString()));
        }
        if (q.to() != null) {
            out.put("to", List.of(q.to().toString()));
        }
        if (q.convocation() != null) {
            out.put("convocation", List.of(q.convocation().toString()));
        }
        if (q.session() != null) {
            out.put("session", List.of(q.session().toString()));
        }
        put(out, "tag", q.tags() == null ? List.of() : List.copyOf(q.tags()));
        if (q.sort() != null && q.sort() != SearchQuery.Sort.RELEVANCE) {
            out.put("sort", List.of(q.sort().name().toLowerCase(Locale.ROOT)));
        }
        return out;
    }

    private static void put(Map<String, List<String>> out, String name, List<String> values) {
        if (!values.isEmpty()) {
            out.put(name, values.stream().sorted().toList());
        }
    }

    /** {@link #parse} for parameters as a router gives them (name to values). */
    public static SearchQuery parseLists(Map<String, List<String>> params) {
        Map<String, String[]> arrays = new java.util.LinkedHashMap<>();
        params.forEach((name, values) -> arrays.put(name, values.toArray(String[]::new)));
        return parse(arrays);
    }

    private static String single(Map<String, String[]> params, String name) {
        String[] v = params.get(name);
        if (v == null || v.length == 0) {
            return null;
        }
        if (v.length > 1) {
            throw new BadParameter(name + ".repeated", "Parameter '" + name + "' may be given only once.");
        }
        String trimmed = v[0].trim();
        return trimmed.isEmpty() ? null : trimmed;
    }

    /** Repeatable parameters; blank values are ignored so {@code ?kind=} means "no filter". */
    private static Set<String> values(Map<String, String[]> params, String name) {
        Set<String> out = new LinkedHashSet<>();
        String[] v = params.get(name);
        if (v != null) {
            for (String s : v) {
                if (s != null && !s.isBlank()) {
                    out.add(s.trim());
                }
            }
        }
        return out;
    }

    private static ActStatus status(String value) {
        try {
            return ActStatus.valueOf(value.toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new BadParameter("status.invalid", "Parameter 'status' must be one of in_force, amended, "
                    + "suspended, lost_force; got '" + value + "'.");
        }
    }

    private static int year(String value) {
        try {
            int year = Integer.parseInt(value);
            if (year >= 1000 && year <= 9999) {
                return year;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new BadParameter("year.invalid", "Parameter 'year' must be a four-digit year; got '" + value + "'.");
    }

    private static LocalDate date(Map<String, String[]> params, String name) {
        String value = single(params, name);
        if (value == null) {
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new BadParameter(name + ".invalid",
                    "Parameter '" + name + "' must be a date as yyyy-MM-dd; got '" + value + "'.");
        }
    }

    private static SearchQuery.Sort sort(String value) {
        if (value == null) {
            return SearchQuery.Sort.RELEVANCE;
        }
        try {
            return SearchQuery.Sort.valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new BadParameter("sort.invalid",
                    "Parameter 'sort' must be relevance, date_desc or date_asc; got '" + value + "'.");
        }
    }

    private static int integer(Map<String, String[]> params, String name, int fallback, int min, int max) {
        String value = single(params, name);
        if (value == null) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(value);
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new BadParameter(name + ".invalid",
                "Parameter '" + name + "' must be a whole number from " + min + " to " + max + "; got '" + value + "'.");
    }
}
