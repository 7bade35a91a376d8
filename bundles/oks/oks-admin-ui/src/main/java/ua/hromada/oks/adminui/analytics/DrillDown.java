package ua.hromada.oks.adminui.analytics;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Set;

import com.vaadin.flow.router.QueryParameters;

import ua.hromada.oks.api.OksAnalytics.StatusSelection;
import ua.hromada.oks.api.ResponsibleGroup;
import ua.hromada.oks.api.StatusGroup;
import ua.hromada.oks.api.ViolationQuery;
import ua.hromada.oks.api.ViolationQueryParams;
import ua.hromada.oks.api.WorkflowAction;

/**
 * The violation-list query behind each analytics number, so a click lists exactly what the number
 * counts. The list view (route {@value #LIST_ROUTE}) reads them back with
 * {@link ViolationQueryParams#fromParameters}.
 */
public final class DrillDown {

    public static final String LIST_ROUTE = "oks/violations";
    /** The list's first page; the list applies its own page size. */
    private static final int PAGE = 50;

    private DrillDown() {
    }

    /** Current violations whose last action is in the group, optionally older than some days. */
    public static ViolationQuery group(StatusGroup group, Integer olderThanDays) {
        return query(EnumSet.of(group), null, null, olderThanDays, null, null, null, null, null, null);
    }

    /** Current violations waiting for the responsible group (the archive has no one responsible). */
    public static ViolationQuery responsible(ResponsibleGroup responsible) {
        return responsible(responsible, StatusSelection.ALL);
    }

    /**
     * A group's row of (a) under «Оберіть статус»: the group's cases, of the chosen action alone
     * when one is chosen.
     */
    public static ViolationQuery group(StatusGroup group, StatusSelection selection, Integer olderThanDays) {
        return query(EnumSet.of(group), selection.actionCode(), null, olderThanDays, null, null, null, null, null, null);
    }

    /** (b) under «Оберіть статус»: the responsible group's cases in the chosen status. */
    public static ViolationQuery responsible(ResponsibleGroup responsible, StatusSelection selection) {
        return query(groups(selection), selection.actionCode(), responsible, null, null, null, null, null, null, null);
    }

    /**
     * The overdue view's cell of a status group: its current cases in the chosen status, or (overdue)
     * only those past their deadline and not reported done.
     */
    public static ViolationQuery overdue(StatusGroup group, StatusSelection selection, boolean overdueOnly) {
        return overdue(EnumSet.of(group), selection.actionCode(), null, overdueOnly);
    }

    /** The overdue view's cell of an executor organisation (null: the cases without one). */
    public static ViolationQuery overdue(Long executorId, StatusSelection selection, boolean overdueOnly) {
        long executor = executorId == null ? ViolationQuery.NO_EXECUTOR : executorId;
        return overdue(groups(selection), selection.actionCode(), executor, overdueOnly);
    }

    /** The list of everything in the chosen status (every current case when none is chosen). */
    public static ViolationQuery selected(StatusSelection selection) {
        return query(groups(selection), selection.actionCode(), null, null, null, null, null, null, null, null);
    }

    private static ViolationQuery overdue(Set<StatusGroup> groups, Integer actionCode, Long executorId,
            boolean overdueOnly) {
        return new ViolationQuery(groups, actionCode, null, null, null, executorId, null, overdueOnly ? Boolean.TRUE : null,
                null, null, null, null, null, ViolationQuery.Sort.DEADLINE, 0, PAGE);
    }

    private static Set<StatusGroup> groups(StatusSelection selection) {
        return selection.group() == null ? Set.of() : EnumSet.of(selection.group());
    }

    /**
     * Violations whose last action is this one. The action's own group is named too, so the
     * archive action (outside the "current" default of the list) lists what it counts.
     */
    public static ViolationQuery action(WorkflowAction action, Integer olderThanDays) {
        return query(EnumSet.of(action.group()), action.code(), null, olderThanDays, null, null, null, null, null,
                null);
    }

    /**
     * Registered in the period (archived ones included: the report counts every case of the
     * period), optionally of one type or current executor.
     */
    public static ViolationQuery registered(LocalDate from, LocalDate to, Long typeId, Long executorId) {
        return query(EnumSet.allOf(StatusGroup.class), null, null, null, typeId, executorId, from, to, null, null);
    }

    /** Fix confirmed in the period, optionally of one type or executor. */
    public static ViolationQuery fixed(LocalDate from, LocalDate to, Long typeId, Long executorId) {
        return query(EnumSet.allOf(StatusGroup.class), null, null, null, typeId, executorId, null, null, from, to);
    }

    /** Every archived violation. */
    public static ViolationQuery archive() {
        return group(StatusGroup.ARCHIVED, null);
    }

    /** The list's address with the query's filters, relative to the portal root. */
    public static String href(ViolationQuery query) {
        String params = new QueryParameters(ViolationQueryParams.toParameters(query)).getQueryString();
        return params.isEmpty() ? LIST_ROUTE : LIST_ROUTE + "?" + params;
    }

    private static ViolationQuery query(Set<StatusGroup> groups, Integer actionCode, ResponsibleGroup responsible,
            Integer olderThanDays, Long typeId, Long executorId, LocalDate createdFrom, LocalDate createdTo,
            LocalDate confirmedFrom, LocalDate confirmedTo) {
        return new ViolationQuery(groups, actionCode, responsible, olderThanDays, typeId, executorId, null, null,
                createdFrom, createdTo, confirmedFrom, confirmedTo, null, ViolationQuery.Sort.NEWEST, 0, PAGE);
    }
}
