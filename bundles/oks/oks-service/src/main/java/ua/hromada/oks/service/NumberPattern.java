package ua.hromada.oks.service;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import ua.hromada.oks.api.OksException;
import ua.hromada.portal.api.PortalException.Reason;

/**
 * A registration number's pattern: {@code {seq}} the number within the year (required), {@code {year}}
 * four digits, {@code {yy}} two; anything else is printed as written (e.g. {@code П-{seq}-{yy}}).
 */
final class NumberPattern {
    static final int MAX = 60;
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-z]*)\\}");

    private NumberPattern() {
    }

    /**
     * The pattern as stored: trimmed, with {@code {seq}} and no unknown placeholder.
     *
     * @throws OksException INVALID naming the problem
     */
    static String checked(String pattern) {
        String p = pattern == null ? "" : pattern.strip();
        if (!p.contains("{seq}")) {
            throw new OksException(Reason.INVALID, "oks.register.error.patternSeq");
        }
        if (p.length() > MAX) {
            throw new OksException(Reason.INVALID, "oks.register.error.patternTooLong", MAX);
        }
        Matcher m = PLACEHOLDER.matcher(p);
        while (m.find()) {
            if (!m.group(1).equals("seq") && !m.group(1).equals("year") && !m.group(1).equals("yy")) {
                throw new OksException(Reason.INVALID, "oks.register.error.patternPlaceholder", m.group());
            }
        }
        return p;
    }

    static String format(String pattern, int seq, int year) {
        return pattern.replace("{seq}", Integer.toString(seq)).replace("{year}", Integer.toString(year))
                .replace("{yy}", String.format("%02d", year % 100));
    }
}
