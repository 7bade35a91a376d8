package ua.hromada.opendata.publication.ckan;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;

import ua.hromada.opendata.publication.PublishedDataset;
import ua.hromada.opendata.publication.Snapshot;
import ua.hromada.opendata.publication.Text;

/**
 * The part of Solr's standard query syntax CKAN clients send in {@code q} and {@code fq}:
 * {@code field:value}, {@code field:"quoted value"}, {@code field:(a OR b)}, {@code field:val*},
 * {@code metadata_modified:[2024-01-01T00:00:00Z TO *]}, {@code +}/{@code -}/{@code NOT},
 * {@code AND}/{@code OR} and parentheses, {@code *:*}; clauses without an operator are all
 * required (CKAN's {@code q.op=AND}). Bare words search the text (title, description, keywords,
 * tags, manager, resource names) by word prefix, which stands in for Solr's stemming.
 * <p>
 * Bounded, because anyone may send one: at most {@value #MAX_LENGTH} characters,
 * {@value #MAX_DEPTH} levels of parentheses and {@value #MAX_CLAUSES} clauses (Solr's default
 * maxBooleanClauses); beyond that a {@link SearchQueryError}, before any work is done. Parsing
 * and evaluation recurse only per level of parentheses, so the stack stays small.
 */
public final class SolrQuery {

    /** Longer than any filter a harvester or the public page builds (a list of 100 ids is ~4 000). */
    public static final int MAX_LENGTH = 10_000;
    static final int MAX_DEPTH = 32;
    static final int MAX_CLAUSES = 1024;
    /** How much of a refused query an error message repeats. */
    private static final int SHOWN = 80;

    /** Fields with exact (case-insensitive) values. */
    static final Set<String> KEYWORD_FIELDS = Set.of("organization", "owner_org", "tags", "res_format", "name", "id",
            "license_id", "groups");
    static final Set<String> WORD_FIELDS = Set.of("text", "title", "notes");
    static final Set<String> DATE_FIELDS = Set.of("metadata_modified", "metadata_created");

    /** A parsed query: evaluates to the set of matching dataset indexes. */
    public interface Node {
        BitSet eval(Snapshot s);
    }

    private final String input;
    private int pos;
    private int depth;
    private int clauses;

    private SolrQuery(String input) {
        this.input = input;
    }

    /** Parses a q or fq string; blank means every dataset. */
    public static Node parse(String query) {
        if (query == null || query.isBlank()) {
            return SolrQuery::all;
        }
        requireLength(query);
        SolrQuery p = new SolrQuery(query);
        Node n = p.orExpr(null);
        p.skipSpace();
        if (p.pos < p.input.length()) {
            throw new SearchError("Cannot parse '" + shown(query) + "': unexpected '" + p.input.charAt(p.pos) + "' at "
                    + p.pos);
        }
        return n;
    }

    /** Refuses a q or fq longer than {@link #MAX_LENGTH} (also for plain words, which are not parsed here). */
    public static void requireLength(String query) {
        if (query != null && query.length() > MAX_LENGTH) {
            throw new SearchQueryError("the query is " + query.length() + " characters long, at most " + MAX_LENGTH
                    + " are accepted");
        }
    }

    /** The start of a query for an error message: a refused megabyte is not sent back. */
    static String shown(String query) {
        return query.length() <= SHOWN ? query : query.substring(0, SHOWN) + "…";
    }

    static BitSet all(Snapshot s) {
        BitSet b = new BitSet(s.size());
        b.set(0, s.size());
        return b;
    }

    // ------------------------------------------------------------------ grammar

    private Node orExpr(String field) {
        List<Node> alternatives = new ArrayList<>();
        alternatives.add(andExpr(field));
        while (keyword("OR") || symbol("||")) {
            alternatives.add(andExpr(field));
        }
        if (alternatives.size() == 1) {
            return alternatives.get(0);
        }
        return s -> {
            BitSet b = new BitSet(s.size());
            for (Node n : alternatives) {
                b.or(n.eval(s));
            }
            return b;
        };
    }

    private Node andExpr(String field) {
        List<Node> required = new ArrayList<>();
        List<Node> prohibited = new ArrayList<>();
        while (true) {
            skipSpace();
            if (pos >= input.length() || peek(')') || peekKeyword("OR") || peekSymbol("||")) {
                break;
            }
            if (keyword("AND") || symbol("&&")) {
                continue;
            }
            if (keyword("NOT") || symbol("-") || symbol("!")) {
                prohibited.add(primary(field));
            } else {
                symbol("+");
                required.add(primary(field));
            }
        }
        if (required.isEmpty() && prohibited.isEmpty()) {
            throw new SearchError("Cannot parse '" + shown(input) + "': a clause is missing at " + pos);
        }
        if (prohibited.isEmpty() && required.size() == 1) {
            return required.get(0);
        }
        return s -> {
            BitSet b = all(s);
            for (Node n : required) {
                b.and(n.eval(s));
            }
            for (Node n : prohibited) {
                b.andNot(n.eval(s));
            }
            return b;
        };
    }

    private Node primary(String field) {
        skipSpace();
        if (++clauses > MAX_CLAUSES) {
            throw new SearchQueryError("more than " + MAX_CLAUSES + " clauses");
        }
        if (symbol("(")) {
            return group(field);
        }
        if (field == null && input.startsWith("*:*", pos)) {
            pos += 3;
            return SolrQuery::all;
        }
        if (peek('"')) {
            String phrase = quoted();
            return value(field == null ? "text" : field, phrase, true);
        }
        String word = word();
        if (field == null && peek(':')) {
            pos++;
            String f = word;
            if (!KEYWORD_FIELDS.contains(f) && !WORD_FIELDS.contains(f) && !DATE_FIELDS.contains(f)) {
                throw new SearchError("undefined field " + shown(f));
            }
            skipSpace();
            if (peek('[') || peek('{')) {
                return range(f);
            }
            if (symbol("(")) {
                return group(f);
            }
            if (peek('"')) {
                return value(f, quoted(), true);
            }
            return value(f, word(), false);
        }
        return value(field == null ? "text" : field, word, false);
    }

    /** A parenthesised expression; the opening parenthesis is consumed. */
    private Node group(String field) {
        if (++depth > MAX_DEPTH) {
            throw new SearchQueryError("parentheses are nested more than " + MAX_DEPTH + " levels deep");
        }
        Node n = orExpr(field);
        expect(')');
        depth--;
        return n;
    }

    private Node value(String field, String value, boolean quoted) {
        if (DATE_FIELDS.contains(field)) {
            Instant at = instant(value, false);
            return s -> dates(s, field, at, true, at, true);
        }
        if (WORD_FIELDS.contains(field)) {
            List<String> words = Text.words(value);
            if (words.isEmpty()) {
                return value.equals("*") ? SolrQuery::all : s -> new BitSet();
            }
            String postings = field.equals("title") ? "title" : "text";
            return s -> {
                BitSet b = all(s);
                for (String w : words) {
                    b.and(prefix(s.postings(postings), w));
                }
                return b;
            };
        }
        String v = Text.lower(value);
        if (!quoted && v.equals("*")) {
            return s -> {
                BitSet b = new BitSet(s.size());
                for (int[] docs : s.postings(field).values()) {
                    set(b, docs);
                }
                return b;
            };
        }
        if (!quoted && v.endsWith("*") && v.indexOf('*') == v.length() - 1) {
            String p = v.substring(0, v.length() - 1);
            return s -> prefix(s.postings(field), p);
        }
        return s -> {
            BitSet b = new BitSet(s.size());
            int[] docs = s.postings(field).get(v);
            if (docs != null) {
                set(b, docs);
            }
            return b;
        };
    }

    private Node range(String field) {
        boolean fromIncl = input.charAt(pos) == '[';
        int close = indexOfAny(pos + 1, ']', '}');
        if (close < 0) {
            throw new SearchError("Cannot parse '" + shown(input) + "': the range is not closed");
        }
        boolean toIncl = input.charAt(close) == ']';
        String body = input.substring(pos + 1, close).strip();
        pos = close + 1;
        String[] ends = body.split("\\s+TO\\s+");
        if (ends.length != 2) {
            throw new SearchError("Cannot parse '" + shown(input) + "': a range is [from TO to]");
        }
        if (!DATE_FIELDS.contains(field)) {
            String from = Text.lower(ends[0].strip());
            String to = Text.lower(ends[1].strip());
            return s -> {
                NavigableMap<String, int[]> values = s.postings(field);
                NavigableMap<String, int[]> sub = values;
                if (!from.equals("*")) {
                    sub = sub.tailMap(from, fromIncl);
                }
                if (!to.equals("*")) {
                    sub = sub.headMap(to, toIncl);
                }
                BitSet b = new BitSet(s.size());
                for (int[] docs : sub.values()) {
                    set(b, docs);
                }
                return b;
            };
        }
        Instant from = instant(ends[0].strip(), false);
        Instant to = instant(ends[1].strip(), true);
        return s -> dates(s, field, from, fromIncl, to, toIncl);
    }

    private static BitSet dates(Snapshot s, String field, Instant from, boolean fromIncl, Instant to, boolean toIncl) {
        BitSet b = new BitSet(s.size());
        for (PublishedDataset d : s.datasets()) {
            Instant t = field.equals("metadata_modified") ? d.modified() : d.created();
            boolean after = from == null || (fromIncl ? !t.isBefore(from) : t.isAfter(from));
            boolean before = to == null || (toIncl ? !t.isAfter(to) : t.isBefore(to));
            if (after && before) {
                b.set(d.index());
            }
        }
        return b;
    }

    /**
     * Solr dates: ISO instants ("2024-01-01T00:00:00Z", also without Z or the time), NOW, NOW-7DAYS; * = open.
     * Date math beyond the representable range is Solr's "Invalid Date Math String" (a 409), not an overflow.
     */
    static Instant instant(String text, boolean end) {
        try {
            return parseInstant(text, end);
        } catch (ArithmeticException | DateTimeException | NumberFormatException e) {
            throw new SearchError("Invalid Date Math String:'" + shown(text.strip()) + "'");
        }
    }

    private static Instant parseInstant(String text, boolean end) {
        String t = text.strip();
        if (t.equals("*")) {
            return null;
        }
        if (t.startsWith("NOW")) {
            Instant now = Instant.now();
            String rest = t.substring(3);
            if (rest.isEmpty()) {
                return now;
            }
            java.util.regex.Matcher m = java.util.regex.Pattern
                    .compile("([+-])(\\d+)(SECOND|MINUTE|HOUR|DAY|MONTH|YEAR)S?").matcher(rest);
            if (m.matches()) {
                long n = Long.parseLong(m.group(2)) * (m.group(1).equals("-") ? -1 : 1);
                ChronoUnit unit = Map.of("SECOND", ChronoUnit.SECONDS, "MINUTE", ChronoUnit.MINUTES, "HOUR",
                        ChronoUnit.HOURS, "DAY", ChronoUnit.DAYS, "MONTH", ChronoUnit.MONTHS, "YEAR", ChronoUnit.YEARS)
                        .get(m.group(3));
                if (unit == ChronoUnit.MONTHS || unit == ChronoUnit.YEARS) {
                    return now.atOffset(ZoneOffset.UTC).plus(n, unit).toInstant();
                }
                return now.plus(n, unit);
            }
            throw new SearchError("Invalid date '" + shown(text) + "'");
        }
        try {
            if (t.endsWith("Z")) {
                return Instant.parse(t);
            }
            if (t.contains("T")) {
                return LocalDateTime.parse(t).toInstant(ZoneOffset.UTC);
            }
            LocalDate d = LocalDate.parse(t);
            return end ? d.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().minusNanos(1)
                    : d.atStartOfDay(ZoneOffset.UTC).toInstant();
        } catch (DateTimeParseException e) {
            throw new SearchError("Invalid date '" + shown(text) + "'");
        }
    }

    static BitSet prefix(NavigableMap<String, int[]> values, String prefix) {
        BitSet b = new BitSet();
        for (int[] docs : values.subMap(prefix, true, prefix + Character.MAX_VALUE, true).values()) {
            set(b, docs);
        }
        return b;
    }

    static void set(BitSet b, int[] docs) {
        for (int d : docs) {
            b.set(d);
        }
    }

    // ------------------------------------------------------------------ lexing

    private void skipSpace() {
        while (pos < input.length() && Character.isWhitespace(input.charAt(pos))) {
            pos++;
        }
    }

    private boolean peek(char c) {
        return pos < input.length() && input.charAt(pos) == c;
    }

    private boolean peekSymbol(String s) {
        return input.startsWith(s, pos);
    }

    private boolean symbol(String s) {
        skipSpace();
        if (input.startsWith(s, pos)) {
            pos += s.length();
            return true;
        }
        return false;
    }

    private boolean peekKeyword(String k) {
        if (!input.startsWith(k, pos)) {
            return false;
        }
        int end = pos + k.length();
        return end == input.length() || Character.isWhitespace(input.charAt(end)) || input.charAt(end) == '(';
    }

    private boolean keyword(String k) {
        skipSpace();
        if (peekKeyword(k)) {
            pos += k.length();
            return true;
        }
        return false;
    }

    private void expect(char c) {
        skipSpace();
        if (!peek(c)) {
            throw new SearchError("Cannot parse '" + shown(input) + "': '" + c + "' expected at " + pos);
        }
        pos++;
    }

    private String quoted() {
        StringBuilder b = new StringBuilder();
        pos++; // the opening quote
        while (pos < input.length()) {
            char c = input.charAt(pos++);
            if (c == '\\' && pos < input.length()) {
                b.append(input.charAt(pos++));
            } else if (c == '"') {
                return b.toString();
            } else {
                b.append(c);
            }
        }
        throw new SearchError("Cannot parse '" + shown(input) + "': the quote is not closed");
    }

    private String word() {
        skipSpace();
        StringBuilder b = new StringBuilder();
        while (pos < input.length()) {
            char c = input.charAt(pos);
            if (c == '\\' && pos + 1 < input.length()) {
                b.append(input.charAt(pos + 1));
                pos += 2;
                continue;
            }
            if (Character.isWhitespace(c) || c == '(' || c == ')' || c == ':' || c == '"' || c == '[' || c == ']'
                    || c == '{' || c == '}') {
                break;
            }
            b.append(c);
            pos++;
        }
        if (b.length() == 0) {
            throw new SearchError("Cannot parse '" + shown(input) + "': a term is expected at " + pos);
        }
        return b.toString();
    }

    private int indexOfAny(int from, char a, char b) {
        for (int i = from; i < input.length(); i++) {
            if (input.charAt(i) == a || input.charAt(i) == b) {
                return i;
            }
        }
        return -1;
    }

    static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
