package ua.hromada.oks.api;

/** Photo bytes for display: the original or its thumbnail (always JPEG). */
public record StoredPhoto(PhotoInfo info, String contentType, byte[] content) {
}
