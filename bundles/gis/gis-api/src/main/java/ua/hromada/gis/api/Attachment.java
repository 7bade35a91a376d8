package ua.hromada.gis.api;

import java.time.Instant;

/**
 * A photo or a file attached to an object. Attachments stay with a deleted object, so a restore
 * brings them back with it.
 *
 * @param contentType from the content: image/jpeg, image/png, image/gif, image/webp, application/pdf,
 *                    otherwise application/octet-stream
 * @param sha256      hex checksum of the stored bytes
 */
public record Attachment(long id, long featureId, String fileName, String contentType, long size, String sha256,
        String addedBy, Instant addedAt) {

    public boolean isImage() {
        return contentType.startsWith("image/");
    }
}
