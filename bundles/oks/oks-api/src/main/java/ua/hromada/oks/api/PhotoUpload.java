package ua.hromada.oks.api;

/** A photo as received; the service checks its content, not its name. */
public record PhotoUpload(String fileName, byte[] content) {
}
