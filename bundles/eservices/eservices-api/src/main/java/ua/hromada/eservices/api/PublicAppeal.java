package ua.hromada.eservices.api;

import java.time.Instant;

/**
 * A public appeal as anyone sees it: no name, e-mail, phone, place or files of the applicant, and
 * no executor's personal data; only the unit.
 */
public record PublicAppeal(String number, String topicName, String unitName, String text, AppealStatus status,
        Instant receivedAt, String answer, Instant answeredAt) {
}
