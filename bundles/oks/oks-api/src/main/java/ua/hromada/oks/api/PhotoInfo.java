package ua.hromada.oks.api;

/**
 * A stored file of a journal step: a photo, or a PDF document where a step takes documents.
 *
 * @param contentType image/jpeg, image/png or application/pdf, from the content (never the name)
 * @param sha256      hex checksum of the stored bytes (of a photo: the served version, without metadata)
 * @param width       pixels of a photo as stored (orientation applied); 0 for a document
 * @param height      pixels of a photo as stored; 0 for a document
 */
public record PhotoInfo(long id, long journalEntryId, String fileName, String contentType, long size,
        String sha256, int width, int height) {

    /** The content type of a document attachment. */
    public static final String PDF = "application/pdf";

    /** A PDF document rather than a photo: it has no thumbnail and is downloaded, not shown. */
    public boolean isDocument() {
        return PDF.equals(contentType);
    }
}
