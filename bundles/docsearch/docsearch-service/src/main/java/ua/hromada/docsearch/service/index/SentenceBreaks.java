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
        int[] b = new int[Math.max(4, n / 64 + 2)];
        int c = 0;
        b[c++] = base;
        int start = 0;
        int lastSpace = -1;
        int i = 0;
        while (i < n) {
            char ch = s.charAt(i);
            boolean end = ch == '.' || ch == '!' || ch == '?' || ch == ';' || ch == '…' || ch == '\n';
            if (end && (i + 1 == n || space(s.charAt(i + 1)) || ch == '\n')) {
                int j = i + 1;
                while (j < n && space(s.charAt(j))) {
                    j++;
                }
                if (j < n) {
                    if (c == b.length) {
                        b = Arrays.copyOf(b, c * 2);
                    }
                    b[c++] = base + j;
                }
                start = j;
                lastSpace = -1;
                i = j;
                continue;
            }
            if (space(ch)) {
                lastSpace = i;
            }
            if (i - start >= MAX_PASSAGE && lastSpace > start) {
                int j = lastSpace + 1;
                if (c == b.length) {
                    b = Arrays.copyOf(b, c * 2);
                }
                b[c++] = base + j;
                start = j;
                lastSpace = -1;
            }
            i++;
        }
        if (n > 0) {
            if (c == b.length) {
                b = Arrays.copyOf(b, c + 1);
            }
            b[c++] = base + n;
        }
        bounds = b;
        count = c;
        index = 0;
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
