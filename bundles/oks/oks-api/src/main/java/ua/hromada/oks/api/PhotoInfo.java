package ua.hromada.oks.api;

/**
 * A stored photo of a journal step.
 *
 * @param contentType image/jpeg or image/png, from the content
 * @param sha256      hex checksum of the stored bytes
 */
public record PhotoInfo(long id, long journalEntryId, String fileName, String contentType, long size,
        String sha256, int width, int height) {
}
