package ua.hromada.crm.service.verification;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import ua.hromada.crm.api.ReadWord;
import ua.hromada.crm.api.ScanText;
import ua.hromada.crm.api.TextRegion;

/**
 * What a scan's OCR text holds: РНОКПП (10 digits), ID-card numbers (9), passport-book numbers
 * (2 Cyrillic letters + 6 digits), foreign passports, ЄДДР record numbers (YYYYMMDD-NNNNN) and dates
 * (dd.MM.yyyy), each with the words' region and its line as evidence. OCR noise is allowed for:
 * letters read for look-alike digits inside numbers, Latin look-alikes in the passport series, a
 * number split in two words.
 */
final class ScanExtraction {
    private static final Pattern TAX = Pattern.compile("(?<![\\d-])\\d{10}(?![\\d-])");
    private static final Pattern ID_CARD = Pattern.compile("(?<![\\d-])\\d{9}(?![\\d-])");
    private static final Pattern PASSPORT = Pattern.compile("(?<![А-ЯҐЄІЇ])[А-ЯҐЄІЇ]{2}\\s?\\d{6}(?!\\d)");
    private static final Pattern FOREIGN = Pattern.compile("(?<![A-Z])[A-Z]{2}\\d{6}(?!\\d)");
    private static final Pattern REGISTRY = Pattern.compile("(?<!\\d)\\d{8}\\s?-\\s?\\d{5}(?!\\d)");
    private static final Pattern DATE = Pattern.compile("(?<!\\d)(\\d{2})[.,](\\d{2})[.,](\\d{4})(?!\\d)");
    private static final String LATIN = "ABCEHIKMOPTX";
    private static final String CYRILLIC = "АВСЕНІКМОРТХ";

    /** A value found, where, and the line it was read on. */
    record Found(String value, TextRegion region, String evidence) {
    }

    /** A line's text with, for each character, the index of the word it came from. */
    private record Line(List<ReadWord> words, String text, int[] wordAt) {
        TextRegion region(int start, int end) {
            int first = wordAt[start];
            int last = wordAt[Math.max(start, end - 1)];
            int left = Integer.MAX_VALUE, top = Integer.MAX_VALUE, right = 0, bottom = 0;
            for (int i = first; i <= last; i++) {
                ReadWord w = words.get(i);
                left = Math.min(left, w.left());
                top = Math.min(top, w.top());
                right = Math.max(right, w.left() + w.width());
                bottom = Math.max(bottom, w.top() + w.height());
            }
            return new TextRegion(words.get(first).page(), left, top, right - left, bottom - top);
        }

        String evidence() {
            return String.join(" ", words.stream().map(ReadWord::text).toList());
        }
    }

    private final List<Line> lines = new ArrayList<>();
    private final List<ReadWord> words;

    ScanExtraction(ScanText text) {
        this.words = text.words();
        Map<Long, List<ReadWord>> byLine = new TreeMap<>();
        for (ReadWord w : text.words()) {
            byLine.computeIfAbsent(w.page() * 100_000L + w.line(), k -> new ArrayList<>()).add(w);
        }
        for (List<ReadWord> line : byLine.values()) {
            line.sort(Comparator.comparingInt(ReadWord::left));
            lines.add(normalised(line));
        }
    }

    /** The line's words joined by a space, look-alike letters inside digit groups read as digits. */
    private static Line normalised(List<ReadWord> line) {
        StringBuilder text = new StringBuilder();
        List<Integer> owners = new ArrayList<>();
        for (int i = 0; i < line.size(); i++) {
            if (i > 0) {
                text.append(' ');
                owners.add(i);
            }
            String word = digits(line.get(i).text());
            text.append(word);
            for (int k = 0; k < word.length(); k++) {
                owners.add(i);
            }
        }
        return new Line(line, text.toString(), owners.stream().mapToInt(Integer::intValue).toArray());
    }

    /** In a word that is mostly digits, O/О read as 0 and I/І/l as 1 (same length: offsets stay). */
    static String digits(String word) {
        long digitCount = word.chars().filter(Character::isDigit).count();
        if (digitCount < 5 || digitCount * 10 < word.length() * 7L) {
            return word;
        }
        StringBuilder b = new StringBuilder(word.length());
        for (char ch : word.toCharArray()) {
            b.append(switch (ch) {
                case 'O', 'О', 'o', 'о' -> '0';
                case 'I', 'І', 'l', 'і', '|' -> '1';
                default -> ch;
            });
        }
        return b.toString();
    }

    List<Found> taxNumbers() {
        return find(TAX, true);
    }

    List<Found> idCardNumbers() {
        return find(ID_CARD, true);
    }

    List<Found> passportNumbers() {
        List<Found> found = new ArrayList<>();
        for (Line line : lines) {
            String cyrillic = cyrillicSeries(line.text());
            Matcher m = PASSPORT.matcher(cyrillic);
            while (m.find()) {
                found.add(new Found(m.group().replace(" ", ""), line.region(m.start(), m.end()), line.evidence()));
            }
        }
        return found;
    }

    List<Found> foreignPassportNumbers() {
        return find(FOREIGN, false);
    }

    List<Found> registryNumbers() {
        List<Found> found = new ArrayList<>();
        for (Found f : find(REGISTRY, false)) {
            found.add(new Found(f.value().replace(" ", ""), f.region(), f.evidence()));
        }
        return found;
    }

    /** Dates as dd.MM.yyyy. */
    List<Found> dates() {
        List<Found> found = new ArrayList<>();
        for (Line line : lines) {
            Matcher m = DATE.matcher(line.text());
            while (m.find()) {
                found.add(new Found(m.group(1) + "." + m.group(2) + "." + m.group(3), line.region(m.start(), m.end()),
                        line.evidence()));
            }
        }
        return found;
    }

    /** The first date after the word «народження» on its line (a line may go on with other dates). */
    List<Found> birthDates() {
        List<Found> found = new ArrayList<>();
        for (Line line : lines) {
            int label = line.text().toLowerCase(CheckMessages.UK).indexOf("народж");
            if (label >= 0) {
                Matcher m = DATE.matcher(line.text());
                if (m.find(label)) {
                    found.add(new Found(m.group(1) + "." + m.group(2) + "." + m.group(3), line.region(m.start(), m.end()),
                            line.evidence()));
                }
            }
        }
        return found;
    }

    /** Lines' evidence and regions of every word, for the name search. */
    List<ReadWord> words() {
        return words;
    }

    String lineOf(ReadWord word) {
        for (Line line : lines) {
            if (line.words().contains(word)) {
                return line.evidence();
            }
        }
        return word.text();
    }

    /** Matches of a pattern in each line, and of the line with its spaces between digit groups taken out. */
    private List<Found> find(Pattern pattern, boolean joinDigitGroups) {
        List<Found> found = new ArrayList<>();
        for (Line line : lines) {
            Matcher m = pattern.matcher(line.text());
            while (m.find()) {
                found.add(new Found(m.group(), line.region(m.start(), m.end()), line.evidence()));
            }
            if (joinDigitGroups) {
                joined(pattern, line, found);
            }
        }
        return found;
    }

    /** Two neighbouring digit groups read as one number (the OCR split it at a gap). */
    private static void joined(Pattern pattern, Line line, List<Found> found) {
        List<ReadWord> ws = line.words();
        for (int i = 0; i + 1 < ws.size(); i++) {
            String a = digits(ws.get(i).text());
            String b = digits(ws.get(i + 1).text());
            if (a.matches("\\d{2,8}") && b.matches("\\d{2,8}") && pattern.matcher(a + b).matches()) {
                ReadWord x = ws.get(i);
                ReadWord y = ws.get(i + 1);
                int top = Math.min(x.top(), y.top());
                TextRegion region = new TextRegion(x.page(), x.left(), top, y.left() + y.width() - x.left(),
                        Math.max(x.top() + x.height(), y.top() + y.height()) - top);
                found.add(new Found(a + b, region, line.evidence()));
            }
        }
    }

    /** Latin look-alikes before six digits read as the Cyrillic letters of a passport series. */
    static String cyrillicSeries(String text) {
        StringBuilder b = new StringBuilder(text);
        Matcher m = Pattern.compile("(?<![A-ZА-ЯҐЄІЇ])([A-ZА-ЯҐЄІЇ]{2})\\s?\\d{6}(?!\\d)").matcher(text);
        while (m.find()) {
            for (int i = m.start(1); i < m.end(1); i++) {
                int at = LATIN.indexOf(b.charAt(i));
                if (at >= 0) {
                    b.setCharAt(i, CYRILLIC.charAt(at));
                }
            }
        }
        return b.toString();
    }
}
