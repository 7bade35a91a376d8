package ua.hromada.eservices.service.appeals;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;

/** A file's kind by its first bytes (never by its name): JPEG FF D8 FF, PNG 89 50 4E 47, PDF "%PDF-". */
final class FileTypes {

    /** A kind the form accepts: its name in configuration and its content type. */
    enum Kind {
        JPEG("image/jpeg", new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF}),
        PNG("image/png", new byte[] {(byte) 0x89, 0x50, 0x4E, 0x47}),
        PDF("application/pdf", new byte[] {'%', 'P', 'D', 'F', '-'});

        final String contentType;
        private final byte[] magic;

        Kind(String contentType, byte[] magic) {
            this.contentType = contentType;
            this.magic = magic;
        }
    }

    private FileTypes() {
    }

    static Optional<Kind> of(byte[] head) {
        for (Kind kind : Kind.values()) {
            if (head.length >= kind.magic.length && Arrays.equals(head, 0, kind.magic.length, kind.magic, 0, kind.magic.length)) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }

    static Optional<Kind> of(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return of(in.readNBytes(8));
        }
    }
}
