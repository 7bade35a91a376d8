package ua.hromada.oks.api;

import java.time.Instant;
import java.time.LocalDate;

/**
 * The violation card with its current state (derived from the last journal row).
 *
 * @param inspector     username of the inspector who registered it (or "open311")
 * @param address       address text exactly as entered
 * @param executor      current executor organisation, null while unassigned
 * @param violator      optional
 * @param reporter      the resident who reported it through Open311, otherwise null
 * @param lastAction    the action of the last journal row
 * @param lastActionAt  when that row was written
 * @param overdue       deadline passed while the case is not yet done
 */
public record Violation(long id, String inspector, String inspectorName, Instant createdAt,
        LocalDate deadline, ViolationType type, String description, String address, double latitude,
        double longitude, Urgency urgency, ExecutorOrganisation executor, Violator violator,
        Reporter reporter, WorkflowAction lastAction, Instant lastActionAt, boolean overdue) {

    public StatusGroup group() {
        return lastAction.group();
    }
}
