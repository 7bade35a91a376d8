package ua.hromada.crm.service.verification;

import java.util.Locale;
import java.util.Optional;

import ua.hromada.crm.api.ReadWord;

/**
 * Finds a typed name among a scan's words despite OCR noise: letter case, apostrophe variants,
 * Latin look-alike letters, bilingual «ШЕВЧЕНКО/SHEVCHENKO» tokens, and one wrong letter in a
 * name of five letters or more.
 */
final class NameMatch {
    private static final String LATIN = "ABCEHIKMOPTXY";
    private static final String CYRILLIC = "АВСЕНІКМОРТХУ";

    /** The word that carries the name, or the closest one when none does. */
    record Match(ReadWord word, String read, boolean exact) {
    }

    private NameMatch() {
    }

    static String normal(String value) {
        String upper = value.strip().toUpperCase(Locale.ROOT);
        StringBuilder b = new StringBuilder(upper.length());
        for (char ch : upper.toCharArray()) {
            int at = LATIN.indexOf(ch);
            if (at >= 0) {
                b.append(CYRILLIC.charAt(at));
            } else if ("’'ʼ`´‘".indexOf(ch) >= 0) {
                b.append('\'');
            } else if (Character.isLetter(ch) || ch == '-') {
                b.append(ch);
            }
        }
        return b.toString();
    }

    /** The best word for {@code name}: exact (within the tolerance) or, failing that, the most alike. */
    static Optional<Match> find(String name, Iterable<ReadWord> words) {
        String wanted = normal(name);
        if (wanted.length() < 2) {
            return Optional.empty();
        }
        int tolerance = wanted.length() >= 5 ? 1 : 0;
        Match closest = null;
        int closestDistance = Integer.MAX_VALUE;
        for (ReadWord w : words) {
            for (String part : w.text().split("[/|]")) {
                String read = normal(part);
                if (read.isEmpty() || Math.abs(read.length() - wanted.length()) > 2) {
                    continue;
                }
                int d = distance(wanted, read);
                if (d <= tolerance) {
                    return Optional.of(new Match(w, part.strip(), true));
                }
                if (d < closestDistance) {
                    closestDistance = d;
                    closest = new Match(w, part.strip(), false);
                }
            }
        }
        // a different name only if it is still alike (at most a third of the letters differ)
        return closest != null && closestDistance * 3 <= wanted.length() ? Optional.of(closest) : Optional.empty();
    }

    static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
