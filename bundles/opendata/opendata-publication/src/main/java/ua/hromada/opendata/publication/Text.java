package ua.hromada.opendata.publication;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Words of a text for the search: lower case, letters and digits, apostrophes dropped ("об'єкт" = "обєкт"). */
public final class Text {

    private Text() {
    }

    public static List<String> words(String text) {
        List<String> out = new ArrayList<>();
        if (text == null || text.isEmpty()) {
            return out;
        }
        StringBuilder word = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                word.append(Character.toLowerCase(c));
            } else if (c == '\'' || c == '\u2019' || c == '\u02bc' || c == '`') {
                continue;
            } else if (word.length() > 0) {
                out.add(word.toString());
                word.setLength(0);
            }
        }
        if (word.length() > 0) {
            out.add(word.toString());
        }
        return out;
    }

    public static String lower(String s) {
        return s == null ? null : s.strip().toLowerCase(Locale.ROOT);
    }
}
