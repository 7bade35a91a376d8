package ua.hromada.portal.ui.upload;

import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A file received by {@link LimitedUpload}: kept in a temporary file, not in memory, until the
 * view uses it. Its size is already within the upload's limit. The view deletes it when done
 * ({@link #delete()}); the files a view never claimed are deleted when the view leaves the page.
 */
public record UploadedFile(String fileName, String contentType, Path path, long size) implements Serializable {

    public InputStream open() throws IOException {
        return Files.newInputStream(path);
    }

    /** The whole content; only for files whose limit makes that affordable (checked on receipt). */
    public byte[] bytes() {
        try {
            return Files.readAllBytes(path);
        } catch (IOException e) {
            throw new UncheckedIOException("Uploaded file " + fileName + " is no longer readable", e);
        }
    }

    public void delete() {
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            // a temporary file: the operating system's cleanup of the temp folder takes it later
        }
    }
}
