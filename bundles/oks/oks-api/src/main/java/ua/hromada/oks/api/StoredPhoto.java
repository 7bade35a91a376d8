package ua.hromada.oks.api;

/**
 * A stored file's bytes for display or download: a photo as served (without EXIF/XMP metadata),
 * its thumbnail (always JPEG), a document (PDF), or a photo's original where it is kept.
 */
public record StoredPhoto(PhotoInfo info, String contentType, byte[] content) {
}
