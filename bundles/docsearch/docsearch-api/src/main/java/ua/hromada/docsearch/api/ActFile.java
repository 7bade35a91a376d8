package ua.hromada.docsearch.api;

/** A file attached to an act, with the result of text extraction. */
public record ActFile(long id, String fileName, String mediaType, long size, String sha256,
        ExtractionStatus extraction, String extractionError) {
}
