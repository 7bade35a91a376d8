package ua.hromada.docsearch.service.store;

import ua.hromada.docsearch.api.ExtractionStatus;

/** A validated file ready to insert, with the outcome of text extraction. */
public record StoredFile(String fileName, String mediaType, byte[] content, String sha256, String text,
        ExtractionStatus status, String error) {
}
