package ua.hromada.gis.exchange.internal;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Tells UTF-8 from the single-byte Cyrillic encodings of files made on Windows (Windows-1251),
 * old DBF files (CP866) and KOI8-U. Bytes that are valid UTF-8 and not ASCII are UTF-8 (a Cyrillic
 * Windows-1251 text almost never is: its letters are UTF-8 lead bytes without continuation bytes).
 * Otherwise each single-byte candidate decodes the bytes and the one whose upper half reads most
 * like Ukrainian/Russian text wins: frequent lower-case letters score, upper case a little,
 * anything that is not a letter costs.
 */
final class TextEncoding {
    static final Charset WINDOWS_1251 = Charset.forName("windows-1251");
    static final Charset CP866 = Charset.forName("IBM866");
    static final Charset KOI8_U = Charset.forName("KOI8-U");
    private static final List<Charset> SINGLE_BYTE = List.of(WINDOWS_1251, CP866, KOI8_U);
    // the most frequent Ukrainian and Russian letters, most frequent first
    private static final String FREQUENT = "оаніеитрвсклдмупяьзгбчйхжшюцщєїфґэыъё";

    private TextEncoding() {
    }

    /** The characters of bytes 0x80..0xFF in a single-byte encoding. */
    private static String upperHalf(Charset charset) {
        byte[] half = new byte[128];
        for (int i = 0; i < half.length; i++) {
            half[i] = (byte) (0x80 + i);
        }
        return new String(half, charset);
    }

    static boolean hasUtf8Bom(byte[] bytes) {
        return bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF;
    }

    /** The encoding of text bytes; ASCII-only text counts as UTF-8. */
    static Charset detect(byte[] bytes) {
        if (hasUtf8Bom(bytes) || isValidUtf8(bytes)) {
            return StandardCharsets.UTF_8;
        }
        Charset best = WINDOWS_1251;
        long bestScore = Long.MIN_VALUE;
        for (Charset candidate : SINGLE_BYTE) {
            long score = score(bytes, candidate);
            if (score > bestScore) {
                best = candidate;
                bestScore = score;
            }
        }
        return best;
    }

    /** Well-formed UTF-8 (RFC 3629: no overlong forms, no surrogates, nothing above U+10FFFF), checked without decoding. */
    static boolean isValidUtf8(byte[] bytes) {
        int i = 0;
        while (i < bytes.length) {
            int b = bytes[i] & 0xFF;
            if (b < 0x80) {
                i++;
                continue;
            }
            int length;
            int min;
            if (b >= 0xC2 && b <= 0xDF) {
                length = 2;
                min = 0x80;
            } else if (b >= 0xE0 && b <= 0xEF) {
                length = 3;
                min = 0x800;
            } else if (b >= 0xF0 && b <= 0xF4) {
                length = 4;
                min = 0x10000;
            } else {
                return false;
            }
            if (i + length > bytes.length) {
                return false;
            }
            int code = b & (0x7F >> length);
            for (int k = 1; k < length; k++) {
                int c = bytes[i + k] & 0xFF;
                if ((c & 0xC0) != 0x80) {
                    return false;
                }
                code = code << 6 | c & 0x3F;
            }
            if (code < min || code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF)) {
                return false;
            }
            i += length;
        }
        return true;
    }

    /** Decodes strictly: a byte sequence that is not text in this encoding is refused. */
    static String decode(byte[] bytes, int offset, int length, Charset charset) {
        try {
            return charset.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, offset, length)).toString();
        } catch (CharacterCodingException e) {
            throw new ImportFailure("gis.exchange.file.badEncoding", charset.name());
        }
    }

    static String decode(byte[] bytes, Charset charset) {
        int skip = charset.equals(StandardCharsets.UTF_8) && hasUtf8Bom(bytes) ? 3 : 0;
        return decode(bytes, skip, bytes.length - skip, charset);
    }

    private static long score(byte[] bytes, Charset charset) {
        String upperHalf = upperHalf(charset);
        long score = 0;
        for (byte b : bytes) {
            if ((b & 0x80) == 0) {
                continue;
            }
            char c = upperHalf.charAt((b & 0xFF) - 0x80);
            int rank = FREQUENT.indexOf(c);
            if (rank >= 0) {
                score += 40 - rank;
            } else if (Character.isLetter(c) && Character.isUpperCase(c)) {
                score += 3;
            } else if (c == '№' || c == '«' || c == '»' || c == '’' || c == '–' || c == '—') {
                score += 1;
            } else {
                score -= 30;
            }
        }
        return score;
    }
}
