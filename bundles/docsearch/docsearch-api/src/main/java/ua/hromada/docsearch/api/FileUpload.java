package ua.hromada.docsearch.api;

/** A file to attach: its name (the extension names the format) and bytes. */
public record FileUpload(String fileName, byte[] content) {
}
