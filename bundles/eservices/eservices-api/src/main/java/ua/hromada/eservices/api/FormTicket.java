package ua.hromada.eservices.api;

import java.time.Instant;

/**
 * What the public form is opened with: a signed, time-stamped token (a submission sooner than a
 * person can fill the form, or after it expired, or a second time, is refused) and a simple question
 * with no third-party service behind it: "how much is {@code left} + {@code right}?", asked in the
 * reader's language ({@code eservices.appeal.challenge}).
 */
public record FormTicket(String token, int left, int right, Instant issuedAt) {
}
