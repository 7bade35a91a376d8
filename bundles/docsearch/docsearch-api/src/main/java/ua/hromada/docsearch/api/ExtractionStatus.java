package ua.hromada.docsearch.api;

/** Outcome of text extraction from a file. A file that cannot be read is kept and flagged. */
public enum ExtractionStatus {
    OK,
    /** Readable format, but no text in it (e.g. a scanned PDF without a text layer). */
    EMPTY,
    /** The file could not be parsed; see {@link ActFile#extractionError()}. */
    FAILED,
    /**
     * A PDF without a text layer waiting for OCR in the background; it becomes {@link #OCR}, or
     * {@link #EMPTY} with the reason in {@link ActFile#extractionError()} (e.g. no tesseract on the server).
     */
    OCR_QUEUED,
    /** The text was recognised by OCR from the scanned pages (may hold recognition errors). */
    OCR
}
