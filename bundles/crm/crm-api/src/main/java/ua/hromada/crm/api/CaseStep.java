package ua.hromada.crm.api;

import java.time.Instant;

/**
 * One journal line of a case: every step — registration, document received, scan uploaded, check
 * fired, override with its reason, hand-over, status, result issued — with who and when.
 *
 * @param action  a stable key ({@code registered}, {@code handed-over}, {@code override} …)
 * @param detail  what the step did, in Ukrainian
 */
public record CaseStep(Instant at, String user, String action, String detail) {
}
