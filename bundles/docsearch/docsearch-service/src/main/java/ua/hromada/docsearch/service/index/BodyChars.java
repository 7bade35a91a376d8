package ua.hromada.docsearch.service.index;

import org.apache.lucene.util.BytesRef;

/**
 * A body's text for the snippets as its UTF-16 code units, two bytes each (little-endian), read in
 * place from the {@link ActIndex#F_BODY_CHARS} doc value. The offsets in the postings count code
 * units, so a snippet reads the characters of its passages and the few around them where the
 * passage boundaries are looked for; the rest of the body is never decoded (decoding every hit's
 * whole UTF-8 body was the largest part of the snippet time).
 */
final class BodyChars implements CharSequence {
    private final byte[] bytes;
    private final int offset;
    private final int length;

    private BodyChars(byte[] bytes, int offset, int length) {
        this.bytes = bytes;
        this.offset = offset;
        this.length = length;
    }

    /** The chars of {@code value} (as {@link #encode} wrote them), at most {@code max} of them. */
    static BodyChars of(BytesRef value, int max) {
        return new BodyChars(value.bytes, value.offset, Math.min(value.length / 2, max));
    }

    /**
     * The doc value of {@code text}. A lone surrogate becomes U+FFFD, as the UTF-8 doc value before it
     * decoded: the same characters at the same offsets.
     */
    static BytesRef encode(String text) {
        byte[] b = new byte[text.length() * 2];
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (Character.isHighSurrogate(ch) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                put(b, i, ch);
                put(b, ++i, text.charAt(i));
                continue;
            }
            put(b, i, Character.isSurrogate(ch) ? '\uFFFD' : ch);
        }
        return new BytesRef(b);
    }

    private static void put(byte[] b, int i, char ch) {
        b[2 * i] = (byte) ch;
        b[2 * i + 1] = (byte) (ch >>> 8);
    }

    @Override
    public int length() {
        return length;
    }

    @Override
    public char charAt(int index) {
        if (index < 0 || index >= length) {
            throw new IndexOutOfBoundsException(index);
        }
        int p = offset + 2 * index;
        return (char) ((bytes[p] & 0xFF) | (bytes[p + 1] & 0xFF) << 8);
    }

    @Override
    public CharSequence subSequence(int start, int end) {
        return substring(start, end);
    }

    String substring(int start, int end) {
        char[] chars = new char[end - start];
        getChars(start, end, chars, 0);
        return new String(chars);
    }

    /** The chars from {@code start} to {@code end} into {@code dst} at {@code dstBegin}, as {@link String#getChars}. */
    void getChars(int start, int end, char[] dst, int dstBegin) {
        if (start < 0 || end > length || start > end) {
            throw new IndexOutOfBoundsException("[" + start + ", " + end + ") of " + length);
        }
        for (int i = dstBegin, p = offset + 2 * start, e = offset + 2 * end; p < e; i++, p += 2) {
            dst[i] = (char) ((bytes[p] & 0xFF) | (bytes[p + 1] & 0xFF) << 8);
        }
    }

    @Override
    public String toString() {
        return substring(0, length);
    }
}
