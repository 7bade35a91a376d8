package ua.hromada.crm.api;

import java.time.Instant;

/**
 * An uploaded scan of a case document (one page: JPEG, PNG or PDF, checked by content).
 *
 * @param contentType {@code image/jpeg}, {@code image/png} or {@code application/pdf}
 */
public record Scan(long id, long caseId, long documentId, String fileName, String contentType, long size,
        Instant uploadedAt, String uploadedBy) {
}
