package ua.hromada.eservices.api;

import java.time.Instant;
import java.time.LocalDate;

/** One row of an inbox. */
public record AppealSummary(long id, String number, String topicName, String unitName, AppealStatus status,
        Instant receivedAt, LocalDate deadline, boolean overdue, String applicantName, boolean publicAppeal,
        String executorName) {
}
