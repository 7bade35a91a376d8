package ua.hromada.eservices.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * An appeal as its unit's employees (and, in the cabinet, its applicant) see it.
 *
 * @param latitude       null without a place (with {@code longitude})
 * @param overdue        still open ({@link AppealStatus#open()}) after its deadline, the community's today
 * @param executorName   null until assigned
 * @param handedOverTo   the other module's key ("oks") or null; {@code handoverReference} its case
 *                       (e.g. the violation's number) and {@code handoverRoute} the portal route that opens it
 */
public record Appeal(long id, String number, long topicId, String topicName, long unitId, String unitName,
        String text, Double latitude, Double longitude, String applicantName, String email, String phone,
        boolean publicAppeal, AppealStatus status, Instant receivedAt, LocalDate deadline, boolean overdue,
        String executorName, String executorPhone, String answer, Instant answeredAt, String handedOverTo,
        String handoverReference, String handoverRoute, List<Attachment> attachments, long version) {

    /** A file received with the appeal. */
    public record Attachment(long id, String fileName, String contentType, long size) {
    }
}
