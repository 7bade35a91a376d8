package ua.hromada.oks.api;

import java.time.LocalDate;
import java.util.List;

import ua.hromada.portal.api.PortalUser;

/**
 * "ОКС Аналітика": every number is computed by SQL from the journal (the last row of each
 * violation, or the rows of a period). Each row names the {@link ViolationQuery} that lists what
 * it counts, so the UI can open any cell.
 */
@org.osgi.annotation.versioning.ProviderType
public interface OksAnalytics {

    /** (a) Current violations by the status group of their last action. */
    default List<AgeRow<StatusGroup>> byStatusGroup(PortalUser actor) {
        return byStatusGroup(actor, StatusSelection.ALL);
    }

    /** (b) Current violations by the responsible group of their last action. */
    default List<CountRow<ResponsibleGroup>> byResponsibility(PortalUser actor) {
        return byResponsibility(actor, StatusSelection.ALL);
    }

    /** (c) Current violations by the last action, every catalogue action listed. */
    default List<AgeRow<WorkflowAction>> byAction(PortalUser actor) {
        return byAction(actor, StatusSelection.ALL);
    }

    /**
     * (a) of the cases in the status chosen by «Оберіть статус»: only the chosen group's row (of a
     * chosen action, that action's cases in its group's row).
     */
    List<AgeRow<StatusGroup>> byStatusGroup(PortalUser actor, StatusSelection selection);

    /** (b) of the cases in the chosen status: every responsible group, counting only those. */
    List<CountRow<ResponsibleGroup>> byResponsibility(PortalUser actor, StatusSelection selection);

    /** (c) of the chosen status: the actions of the chosen group, or the chosen action alone. */
    List<AgeRow<WorkflowAction>> byAction(PortalUser actor, StatusSelection selection);

    /**
     * Overdue against the deadline, by status group: the current cases of each group and those
     * whose deadline has passed while the executor has not reported them done (the list's
     * "Прострочені" filter), whatever the time in their status.
     */
    List<OverdueRow<StatusGroup>> overdueByGroup(PortalUser actor, StatusSelection selection);

    /** The same by the current executor organisation (a key with a null id: no executor yet). */
    List<OverdueRow<Organisation>> overdueByExecutor(PortalUser actor, StatusSelection selection);

    /** (d) The general report for a period (inclusive dates). */
    PeriodReport periodReport(PortalUser actor, LocalDate from, LocalDate to);

    /**
     * The status chosen in «Оберіть статус»: a status group, one action (by its code), or neither
     * (every current status). An action's code names it in the catalogue, so a choice survives a
     * rename.
     */
    record StatusSelection(StatusGroup group, Integer actionCode) {
        public static final StatusSelection ALL = new StatusSelection(null, null);

        public static StatusSelection group(StatusGroup group) {
            return new StatusSelection(group, null);
        }

        public static StatusSelection action(WorkflowAction action) {
            return new StatusSelection(action.group(), action.code());
        }

        /** Whether cases whose last action is this one are in the chosen status. */
        public boolean includes(WorkflowAction action) {
            return (group == null || action.group() == group) && (actionCode == null || action.code() == actionCode);
        }

        public boolean all() {
            return group == null && actionCode == null;
        }
    }

    /**
     * The age columns count the time in the current status: since the case's last journal row,
     * the step that put it where it is.
     *
     * @param over7  of them, in that status for more than 7 days
     * @param over30 of them, more than 30 days
     */
    record AgeRow<K>(K key, long count, long over7, long over30) {
    }

    /**
     * @param count   current cases of the line
     * @param overdue of them, past their deadline and not reported done
     */
    record OverdueRow<K>(K key, long count, long overdue) {
    }

    /** An executor organisation as a line of the overdue view; id null: the cases without one. */
    record Organisation(Long id, String name) {
    }

    record CountRow<K>(K key, long count) {
    }

    /**
     * @param registered        violations registered in the period
     * @param fixed             violations whose fix was confirmed in the period
     * @param averageDaysToFix  mean days from registration to confirmation of those fixed (null if none)
     */
    record PeriodReport(LocalDate from, LocalDate to, long registered, long fixed, Double averageDaysToFix,
            List<Breakdown> byType, List<Breakdown> byExecutor, List<Daily> daily) {
    }

    /** A type's or an executor's line of the report (id null: none, e.g. not yet assigned). */
    record Breakdown(Long id, String name, long registered, long fixed, Double averageDaysToFix) {
    }

    /** One day of the report's chart. */
    record Daily(LocalDate day, long registered, long fixed) {
    }
}
