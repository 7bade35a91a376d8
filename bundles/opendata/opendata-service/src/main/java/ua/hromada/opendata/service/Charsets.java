package ua.hromada.opendata.service;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * The character set of an uploaded text file, so it is served with the right one: a file that is
 * not valid UTF-8 is taken for Windows-1251, the usual encoding of older Ukrainian exports (the
 * audit's CSV check reports the same). Binary formats have none.
 */
final class Charsets {

    static final String WINDOWS_1251 = "windows-1251";

    private Charsets() {
    }

    /** The charset to name in the media type when it is not UTF-8, else null (text is served as UTF-8). */
    static String of(String format, byte[] content) {
        if (format == null || !MediaTypes.of(format).startsWith("text/")) {
            return null;
        }
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(content));
            return null;
        } catch (CharacterCodingException e) {
            return WINDOWS_1251;
        }
    }
}
