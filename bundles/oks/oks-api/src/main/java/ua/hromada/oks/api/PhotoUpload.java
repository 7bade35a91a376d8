package ua.hromada.oks.api;

/**
 * A photo (JPEG, PNG) or, where a step takes documents, a PDF as received; the service checks its
 * content, not its name.
 */
public record PhotoUpload(String fileName, byte[] content) {
}
