package ua.hromada.docsearch.service.index;

import java.text.BreakIterator;
import java.text.CharacterIterator;

/**
 * The boundaries of {@link SentenceBreaks}, found only where they are asked for: the highlighter
 * asks for the boundaries around each match, and this scans the sentence that holds the offset
 * (looking back to where it starts) instead of the whole text. Same boundaries, so the same
 * passages; a body is read around its matches only (see {@link BodyChars}).
 */
final class PassageBreaks extends BreakIterator {
    private CharSequence text = "";
    private int current;
    /** The last sentence scanned: its boundaries, from its start to the next sentence's (or the end). */
    private final SentenceBreaks.Bounds sentence = new SentenceBreaks.Bounds(8);

    void setText(CharSequence newText) {
        text = newText;
        current = 0;
        sentence.count = 0;
    }

    @Override
    public void setText(CharacterIterator newText) {
        StringBuilder sb = new StringBuilder(newText.getEndIndex() - newText.getBeginIndex());
        for (char c = newText.first(); c != CharacterIterator.DONE; c = newText.next()) {
            sb.append(c);
        }
        setText(sb);
    }

    @Override
    public CharacterIterator getText() {
        return new Chars(text, current);
    }

    /** The boundaries of the sentence holding {@code offset} (0 ≤ offset < length). */
    private SentenceBreaks.Bounds sentenceOf(int offset) {
        int start = SentenceBreaks.sentenceStart(text, offset);
        if (sentence.count == 0 || sentence.values[0] != start) {
            sentence.count = 0;
            sentence.add(start);
            SentenceBreaks.segment(text, start, sentence);
        }
        return sentence;
    }

    @Override
    public int following(int offset) {
        int n = text.length();
        if (offset >= n) {
            current = n;
            return DONE;
        }
        SentenceBreaks.Bounds b = sentenceOf(Math.max(0, offset));
        int i = 0;
        while (b.values[i] <= offset) {
            i++;
        }
        current = b.values[i];
        return current;
    }

    @Override
    public int preceding(int offset) {
        int n = text.length();
        if (offset <= 0) {
            current = 0;
            return DONE;
        }
        if (offset > n) {
            current = n;
            return n;
        }
        SentenceBreaks.Bounds b = sentenceOf(offset - 1);
        int i = b.count - 1;
        while (b.values[i] >= offset) {
            i--;
        }
        current = b.values[i];
        return current;
    }

    @Override
    public int first() {
        current = 0;
        return 0;
    }

    @Override
    public int last() {
        current = text.length();
        return current;
    }

    @Override
    public int next(int n) {
        int result = current;
        for (int i = 0; i < n && result != DONE; i++) {
            result = next();
        }
        for (int i = 0; i > n && result != DONE; i--) {
            result = previous();
        }
        return result;
    }

    @Override
    public int next() {
        return following(current);
    }

    @Override
    public int previous() {
        return preceding(current);
    }

    @Override
    public int current() {
        return current;
    }

    /** The text as a character iterator (the highlighter reads its length from it). */
    private static final class Chars implements CharacterIterator {
        private final CharSequence text;
        private int index;

        Chars(CharSequence text, int index) {
            this.text = text;
            this.index = index;
        }

        @Override
        public char first() {
            return setIndex(0);
        }

        @Override
        public char last() {
            return setIndex(Math.max(0, text.length() - 1));
        }

        @Override
        public char current() {
            return index < text.length() ? text.charAt(index) : DONE;
        }

        @Override
        public char next() {
            return setIndex(Math.min(index + 1, text.length()));
        }

        @Override
        public char previous() {
            if (index == 0) {
                return DONE;
            }
            return setIndex(index - 1);
        }

        @Override
        public char setIndex(int position) {
            if (position < 0 || position > text.length()) {
                throw new IllegalArgumentException("position " + position + " of " + text.length());
            }
            index = position;
            return current();
        }

        @Override
        public int getBeginIndex() {
            return 0;
        }

        @Override
        public int getEndIndex() {
            return text.length();
        }

        @Override
        public int getIndex() {
            return index;
        }

        @Override
        public Object clone() {
            return new Chars(text, index);
        }
    }
}
