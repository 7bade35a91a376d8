package ua.hromada.oks.api;

/** A signed copy's file: PDF, JPEG or PNG (by its content). */
public record ScanFile(String fileName, String contentType, byte[] content) {
}
