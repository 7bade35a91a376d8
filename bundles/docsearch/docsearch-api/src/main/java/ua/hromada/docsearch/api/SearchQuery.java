package ua.hromada.docsearch.api;

import java.time.LocalDate;
import java.util.Set;

/**
 * A search. {@code text} may also be a number ("790", "№ 790", "N790") or a number with a date
 * ("790 від 26.04.2024"): the service recognises those and looks the number up exactly.
 * Empty sets and null values mean "no filter".
 */
public record SearchQuery(String text, Set<String> kinds, Set<String> issuingBodies, Set<ActStatus> statuses,
        Set<Integer> years, LocalDate from, LocalDate to, Sort sort, int offset, int limit, Integer convocation,
        Integer session, Set<String> tags) {

    public enum Sort { RELEVANCE, DATE_DESC, DATE_ASC }

    /** A page's hits when none (or 0) is asked for. */
    public static final int DEFAULT_LIMIT = 20;
    /** Most hits of one page; more are cut to this. */
    public static final int MAX_LIMIT = 100;
    /** Deepest page start: nobody reads page 500, and it is costly for the index; deeper is cut to this. */
    public static final int MAX_OFFSET = 10_000;

    /** Without the convocation, session and tag filters. */
    public SearchQuery(String text, Set<String> kinds, Set<String> issuingBodies, Set<ActStatus> statuses,
            Set<Integer> years, LocalDate from, LocalDate to, Sort sort, int offset, int limit) {
        this(text, kinds, issuingBodies, statuses, years, from, to, sort, offset, limit, null, null, Set.of());
    }

    /**
     * The same search narrowed to acts of that convocation and session (null: any) bearing every
     * one of {@code tags} (compared without regard to case).
     */
    public SearchQuery withCouncil(Integer convocation, Integer session, Set<String> tags) {
        return new SearchQuery(text, kinds, issuingBodies, statuses, years, from, to, sort, offset, limit, convocation,
                session, tags == null ? Set.of() : Set.copyOf(tags));
    }

    public static SearchQuery text(String text) {
        return new SearchQuery(text, Set.of(), Set.of(), Set.of(), Set.of(), null, null, Sort.RELEVANCE, 0,
                DEFAULT_LIMIT);
    }
}
