package ua.hromada.crm.verification;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import ua.hromada.crm.api.ReadWord;

/**
 * The words of tesseract's TSV output (level 5 rows: page, block, paragraph, line, word, box,
 * confidence, text); each (block, paragraph, line) becomes one line number in reading order.
 */
final class TsvWords {
    private static final int WORD_LEVEL = 5;
    private static final int COLUMNS = 12;

    private TsvWords() {
    }

    /** @param page the page number to give the words (tesseract numbers each image's page 1) */
    static List<ReadWord> parse(String tsv, int page) {
        List<ReadWord> words = new ArrayList<>();
        Map<String, Integer> lines = new HashMap<>();
        for (String row : tsv.split("\r?\n")) {
            String[] f = row.split("\t", -1);
            if (f.length < COLUMNS || !isInt(f[0]) || Integer.parseInt(f[0]) != WORD_LEVEL) {
                continue;
            }
            String text = f[11].strip();
            if (text.isEmpty()) {
                continue;
            }
            String lineKey = f[2] + "/" + f[3] + "/" + f[4];
            int line = lines.computeIfAbsent(lineKey, k -> lines.size());
            words.add(new ReadWord(page, line, text, Integer.parseInt(f[6]), Integer.parseInt(f[7]),
                    Integer.parseInt(f[8]), Integer.parseInt(f[9]), parseConfidence(f[10])));
        }
        return words;
    }

    private static double parseConfidence(String value) {
        try {
            return Double.parseDouble(value.strip());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static boolean isInt(String value) {
        return !value.isEmpty() && value.chars().allMatch(Character::isDigit);
    }
}
