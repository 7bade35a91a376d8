package ua.hromada.crm.api;

import java.time.Instant;

/**
 * One fired check of a case, explained: which rule, why (in Ukrainian, with the values compared),
 * and where a scan said so. An administrator may override it with a reason; the override is
 * journalled and the finding stays listed as overridden.
 *
 * @param rule          stable key: {@code missing-document}, {@code tax-number-check-digit},
 *                      {@code edrpou-check-digit}, {@code birth-date-mismatch}, {@code document-expired},
 *                      {@code fee-not-paid}, {@code duplicate-open-case}, {@code scan-mismatch},
 *                      {@code scan-unreadable} (a rule may fire more than once: {@code subject} tells them apart)
 * @param subject       what it is about within the case (a checklist line, a field, a scan id); may be empty
 * @param message       why it fired, for the administrator
 * @param evidence      the text read from a scan that the check compared; empty when none
 * @param scanId        the scan it read, or null
 * @param region        where on the scan, or null
 */
public record Finding(String rule, String subject, FindingSeverity severity, String message, String evidence,
        Long scanId, TextRegion region, boolean overridden, String overrideReason, String overriddenBy,
        Instant overriddenAt) {
}
