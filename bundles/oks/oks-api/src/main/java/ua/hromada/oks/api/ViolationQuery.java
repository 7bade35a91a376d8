package ua.hromada.oks.api;

import java.time.LocalDate;
import java.util.Set;

/**
 * Filters of the violation list; every analytics cell maps to one of these, so a click on a
 * number lists exactly the violations it counts. Null or empty means "any".
 *
 * @param groups          status groups of the last action (empty: every current group, not the archive)
 * @param actionCode      numeric code of the last action
 * @param effect          effect of the last action (every action of it, e.g. each report of the work
 *                        done: what a count by effect covers), null for any
 * @param responsible     responsible group of the last action
 * @param olderThanDays   last action older than this many days (the "&gt; 7 days" columns)
 * @param overdue         deadline passed and not done
 * @param createdFrom     registered on or after
 * @param createdTo       registered on or before
 * @param confirmedFrom   fix confirmed on or after (period report drill-down)
 * @param confirmedTo     fix confirmed on or before
 * @param executorId      the current executor organisation; {@link #NO_EXECUTOR} for cases with none
 * @param inspector       the registering inspector's login or part of their name
 * @param text            words of the description or address (any word form), numbers, or an ID
 */
public record ViolationQuery(Set<StatusGroup> groups, Integer actionCode, ActionEffect effect,
        ResponsibleGroup responsible, Integer olderThanDays, Long typeId, Long executorId, String inspector, Boolean overdue,
        LocalDate createdFrom, LocalDate createdTo, LocalDate confirmedFrom, LocalDate confirmedTo,
        String text, Sort sort, int offset, int limit) {

    /**
     * {@code executorId} of the cases no organisation has (yet): database ids start at 1, so 0
     * never names an organisation. The address spells it {@code executor=none}.
     */
    public static final long NO_EXECUTOR = 0L;

    public enum Sort {
        NEWEST, OLDEST, DEADLINE, LAST_ACTION
    }

    public ViolationQuery {
        groups = groups == null ? Set.of() : Set.copyOf(groups);
        sort = sort == null ? Sort.NEWEST : sort;
        if (offset < 0) {
            throw new IllegalArgumentException("offset < 0");
        }
        if (limit <= 0 || limit > 10_000) {
            throw new IllegalArgumentException("limit must be 1..10000");
        }
    }

    /** Every filter but the last action's effect (any). */
    public ViolationQuery(Set<StatusGroup> groups, Integer actionCode, ResponsibleGroup responsible,
            Integer olderThanDays, Long typeId, Long executorId, String inspector, Boolean overdue,
            LocalDate createdFrom, LocalDate createdTo, LocalDate confirmedFrom, LocalDate confirmedTo,
            String text, Sort sort, int offset, int limit) {
        this(groups, actionCode, null, responsible, olderThanDays, typeId, executorId, inspector, overdue, createdFrom,
                createdTo, confirmedFrom, confirmedTo, text, sort, offset, limit);
    }

    /** Every current violation, newest first, first page. */
    public static ViolationQuery current() {
        return new ViolationQuery(Set.of(), null, null, null, null, null, null, null, null, null, null,
                null, null, Sort.NEWEST, 0, 50);
    }

    public ViolationQuery page(int newOffset, int newLimit) {
        return new ViolationQuery(groups, actionCode, effect, responsible, olderThanDays, typeId, executorId,
                inspector, overdue, createdFrom, createdTo, confirmedFrom, confirmedTo, text, sort,
                newOffset, newLimit);
    }

    /** This query in another order, from {@code newOffset}. */
    public ViolationQuery sorted(Sort newSort, int newOffset, int newLimit) {
        return new ViolationQuery(groups, actionCode, effect, responsible, olderThanDays, typeId, executorId,
                inspector, overdue, createdFrom, createdTo, confirmedFrom, confirmedTo, text, newSort,
                newOffset, newLimit);
    }

    public ViolationQuery withGroups(Set<StatusGroup> newGroups) {
        return new ViolationQuery(newGroups, actionCode, effect, responsible, olderThanDays, typeId, executorId,
                inspector, overdue, createdFrom, createdTo, confirmedFrom, confirmedTo, text, sort,
                offset, limit);
    }

    /** The current cases whose last action has this effect, newest first, first page. */
    public static ViolationQuery lastEffect(ActionEffect effect) {
        return new ViolationQuery(Set.of(), null, effect, null, null, null, null, null, null, null, null, null,
                null, null, Sort.NEWEST, 0, current().limit());
    }
}
