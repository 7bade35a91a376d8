package ua.hromada.crm.api;

/**
 * One word the OCR read on a scan, with its box in the page image's pixels.
 *
 * @param page       1 for the first page
 * @param line       the word's line on its page, counted from 0 top to bottom in reading order
 * @param confidence the OCR's confidence, 0–100
 */
public record ReadWord(int page, int line, String text, int left, int top, int width, int height,
        double confidence) {

    /** The box of this word as a region of its page. */
    public TextRegion region() {
        return new TextRegion(page, left, top, width, height);
    }
}
