package ua.hromada.docsearch.service.index;

import java.text.BreakIterator;
import java.text.CharacterIterator;
import java.text.StringCharacterIterator;
import java.util.Arrays;

/**
 * Passage boundaries for snippets, found in one scan of the text: after a sentence end (. ! ? ; …)
 * or a line break followed by white space, and at a space when a passage would grow past
 * {@value #MAX_PASSAGE} characters. The JDK's rule-based sentence iterator gave much the same
 * passages at several times the cost per highlighted document.
 */
final class SentenceBreaks extends BreakIterator {
    static final int MAX_PASSAGE = 240;

    private CharacterIterator text = new StringCharacterIterator("");
    private int[] bounds = {0};
    private int count = 1;
    private int index;

    @Override
    public void setText(CharacterIterator newText) {
        text = newText;
        int begin = newText.getBeginIndex();
        int end = newText.getEndIndex();
        StringBuilder sb = new StringBuilder(end - begin);
        for (char c = newText.first(); c != CharacterIterator.DONE; c = newText.next()) {
            sb.append(c);
        }
        scan(sb, begin);
        newText.first();
    }

    @Override
    public void setText(String newText) {
        text = new StringCharacterIterator(newText);
        scan(newText, 0);
    }

    private void scan(CharSequence s, int base) {
        int n = s.length();
        Bounds b = new Bounds(Math.max(4, n / 64 + 2));
        b.add(0);
        for (int from = 0; from < n; ) {
            from = segment(s, from, b);
        }
        bounds = b.values;
        count = b.count;
        for (int i = 0; i < count; i++) {
            bounds[i] += base;
        }
        index = 0;
    }

    /** A growing list of boundaries. */
    static final class Bounds {
        int[] values;
        int count;

        Bounds(int capacity) {
            values = new int[capacity];
        }

        void add(int bound) {
            if (count == values.length) {
                values = Arrays.copyOf(values, count * 2);
            }
            values[count++] = bound;
        }
    }

    /**
     * The boundaries after {@code from} — 0 or a boundary after a sentence end — up to and including
     * the next boundary after a sentence end, or the end of the text: what one scan of the whole text
     * finds there, since its state at such a boundary is always the same (a passage starts there).
     *
     * @return the last boundary added (the text's length when the scan reached the end)
     */
    static int segment(CharSequence s, int from, Bounds out) {
        int n = s.length();
        int start = from;
        int lastSpace = -1;
        int i = from;
        while (i < n) {
            char ch = s.charAt(i);
            if (sentenceEnd(ch) && (i + 1 == n || space(s.charAt(i + 1)) || ch == '\n')) {
                int j = i + 1;
                while (j < n && space(s.charAt(j))) {
                    j++;
                }
                if (j < n) {
                    out.add(j);
                    return j;
                }
                break;
            }
            if (space(ch)) {
                lastSpace = i;
            }
            if (i - start >= MAX_PASSAGE && lastSpace > start) {
                int j = lastSpace + 1;
                out.add(j);
                start = j;
                lastSpace = -1;
            }
            i++;
        }
        if (n > 0) {
            out.add(n);
        }
        return n;
    }

    /**
     * The last boundary after a sentence end at or before {@code offset} (0 when there is none): the
     * start of the {@link #segment} holding {@code offset}. Such a boundary is a non-space character
     * after white space that holds a line break or follows a sentence end, so it is found by looking
     * back from {@code offset} only.
     */
    static int sentenceStart(CharSequence s, int offset) {
        for (int j = Math.min(offset, s.length() - 1); j > 0; j--) {
            if (!space(s.charAt(j)) && space(s.charAt(j - 1))) {
                int k = j - 1;
                boolean lineBreak = false;
                while (k >= 0 && space(s.charAt(k))) {
                    lineBreak |= s.charAt(k) == '\n';
                    k--;
                }
                if (lineBreak || k >= 0 && sentenceEnd(s.charAt(k))) {
                    return j;
                }
                j = k + 1;
            }
        }
        return 0;
    }

    static boolean sentenceEnd(char ch) {
        return ch == '.' || ch == '!' || ch == '?' || ch == ';' || ch == '…' || ch == '\n';
    }

    @Override
    public CharacterIterator getText() {
        return text;
    }

    @Override
    public int first() {
        index = 0;
        return bounds[0];
    }

    @Override
    public int last() {
        index = count - 1;
        return bounds[index];
    }

    @Override
    public int next(int n) {
        int target = index + n;
        if (target < 0 || target >= count) {
            index = target < 0 ? 0 : count - 1;
            return DONE;
        }
        index = target;
        return bounds[index];
    }

    @Override
    public int next() {
        return next(1);
    }

    @Override
    public int previous() {
        return next(-1);
    }

    @Override
    public int current() {
        return bounds[index];
    }

    /** The first boundary after {@code offset}. */
    @Override
    public int following(int offset) {
        int i = Arrays.binarySearch(bounds, 0, count, offset);
        i = i >= 0 ? i + 1 : -i - 1;
        if (i >= count) {
            index = count - 1;
            return DONE;
        }
        index = i;
        return bounds[i];
    }

    /** The last boundary before {@code offset}. */
    @Override
    public int preceding(int offset) {
        int i = Arrays.binarySearch(bounds, 0, count, offset);
        i = i >= 0 ? i - 1 : -i - 2;
        if (i < 0) {
            index = 0;
            return DONE;
        }
        index = i;
        return bounds[i];
    }

    @Override
    public boolean isBoundary(int offset) {
        return Arrays.binarySearch(bounds, 0, count, offset) >= 0;
    }

    /**
     * {@link Character#isWhitespace} without its table lookup for the letters of the text (it was
     * a noticeable part of the snippet time): no character from '!' to U+167F is white space.
     */
    static boolean space(char ch) {
        return ch == ' ' || (ch < ' ' || ch >= '\u1680') && Character.isWhitespace(ch);
    }
}
