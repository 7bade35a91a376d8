package ua.hromada.docsearch.service.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.text.BreakIterator;

import org.junit.jupiter.api.Test;

class SentenceBreaksTest {

    @Test
    void breaksAfterSentenceEndsAndLines() {
        String text = "Перше речення. Друге речення! 3.5 відсотка\nНовий рядок";
        BreakIterator b = new SentenceBreaks();
        b.setText(text);
        assertEquals(0, b.first());
        assertEquals(text.indexOf("Друге"), b.next());
        assertEquals(text.indexOf("3.5"), b.next());
        assertEquals(text.indexOf("Новий"), b.next());
        assertEquals(text.length(), b.next());
        assertEquals(BreakIterator.DONE, b.next());
        assertEquals(text.indexOf("Друге"), b.following(2));
        assertEquals(text.indexOf("Друге"), b.preceding(text.indexOf("3.5")));
        assertEquals(text.indexOf("Друге"), b.current());
        assertEquals(BreakIterator.DONE, b.preceding(0));
        assertEquals(BreakIterator.DONE, b.following(text.length()));
    }

    @Test
    void longPassagesAreCutAtSpaces() {
        String text = "слово ".repeat(200).strip();
        BreakIterator b = new SentenceBreaks();
        b.setText(text);
        int last = b.first();
        for (int next = b.next(); next != BreakIterator.DONE; next = b.next()) {
            assertTrue(next - last <= SentenceBreaks.MAX_PASSAGE + 7, (next - last) + " chars");
            assertTrue(next == text.length() || text.charAt(next - 1) == ' ');
            last = next;
        }
        assertEquals(text.length(), last);
    }

    @Test
    void spaceIsCharacterIsWhitespace() {
        for (char ch = 0; ch < Character.MAX_VALUE; ch++) {
            org.junit.jupiter.api.Assertions.assertEquals(Character.isWhitespace(ch), SentenceBreaks.space(ch),
                    "U+" + Integer.toHexString(ch));
        }
    }
}
