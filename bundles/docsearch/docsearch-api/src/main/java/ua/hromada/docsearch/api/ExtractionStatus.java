package ua.hromada.docsearch.api;

/** Outcome of text extraction from a file. A file that cannot be read is kept and flagged. */
public enum ExtractionStatus {
    OK,
    /** Readable format, but no text in it (e.g. a scanned PDF without a text layer). */
    EMPTY,
    /** The file could not be parsed; see {@link ActFile#extractionError()}. */
    FAILED
}
