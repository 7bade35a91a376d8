package ua.hromada.eservices.api;

import java.time.Instant;

/**
 * One line of an appeal's journal. {@code action}: REGISTERED, ROUTED, HANDED_OVER, HANDOVER_FAILED
 * (the other module absent or refusing: {@code details} says why, the unit keeps the appeal), ASSIGNED,
 * ANSWERED, CLOSED, MAILED (texts {@code eservices.appeal.step.<action>}); {@code actor} the
 * employee's display name, or null for the applicant and the system.
 */
public record AppealStep(Instant at, String actor, String action, String details) {
}
