package ua.hromada.crm.service.cases;

import java.util.Arrays;
import java.util.Optional;

/**
 * A scan's kind by its first bytes, never by its name: JPEG FF D8 FF, PNG 89 50 4E 47, PDF "%PDF-"
 * (the same check as the e-appeals' files; theirs is private to the e-services bundle).
 */
enum ScanTypes {
    JPEG("image/jpeg", new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF}),
    PNG("image/png", new byte[] {(byte) 0x89, 0x50, 0x4E, 0x47}),
    PDF("application/pdf", new byte[] {'%', 'P', 'D', 'F', '-'});

    final String contentType;
    private final byte[] magic;

    ScanTypes(String contentType, byte[] magic) {
        this.contentType = contentType;
        this.magic = magic;
    }

    static Optional<ScanTypes> of(byte[] content) {
        for (ScanTypes kind : values()) {
            if (content.length >= kind.magic.length
                    && Arrays.equals(content, 0, kind.magic.length, kind.magic, 0, kind.magic.length)) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }
}
