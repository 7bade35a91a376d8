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
    List<AgeRow<StatusGroup>> byStatusGroup(PortalUser actor);

    /** (b) Current violations by the responsible group of their last action. */
    List<CountRow<ResponsibleGroup>> byResponsibility(PortalUser actor);

    /** (c) Current violations by the last action, every catalogue action listed. */
    List<AgeRow<WorkflowAction>> byAction(PortalUser actor);

    /** (d) The general report for a period (inclusive dates). */
    PeriodReport periodReport(PortalUser actor, LocalDate from, LocalDate to);

    /**
     * @param over7  of them, with the last action more than 7 days ago
     * @param over30 of them, more than 30 days ago
     */
    record AgeRow<K>(K key, long count, long over7, long over30) {
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
