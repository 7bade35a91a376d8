package ua.hromada.eservices.api;

import java.time.Instant;

/**
 * One check of a service's address by the link monitor.
 *
 * @param statusCode the final answer's HTTP status, null when none came (timeout, refused, too many redirects)
 * @param error      why it failed (a short technical reason), null when it succeeded
 * @param finalUrl   the address the redirects ended at
 */
public record LinkCheck(long id, long serviceId, Instant checkedAt, Integer statusCode, boolean ok, String error,
        long durationMs, String finalUrl) {
}
