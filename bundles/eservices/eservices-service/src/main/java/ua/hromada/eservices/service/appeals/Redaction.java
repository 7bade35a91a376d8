package ua.hromada.eservices.service.appeals;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Hides personal data a public text may carry: the applicant's own name, e-mail and phone where typed
 * into the text, and anything shaped like an e-mail address or a phone number.
 */
final class Redaction {
    static final String HIDDEN = "***";
    private static final Pattern ANY_EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    /** Seven or more digits, possibly with +, spaces, dashes, dots or brackets between them. */
    private static final Pattern ANY_PHONE = Pattern.compile("\\+?\\(?\\d(?:[\\s\\-.()]*\\d){6,}");

    private Redaction() {
    }

    /** The text with e-mails, phone numbers and the given names (whole and each word of them) hidden. */
    static String redact(String text, String[] names, String... others) {
        if (text == null) {
            return null;
        }
        String out = ANY_EMAIL.matcher(text).replaceAll(HIDDEN);
        out = ANY_PHONE.matcher(out).replaceAll(HIDDEN);
        for (String own : others) {
            out = hide(out, own, false);
        }
        for (String name : names) {
            out = hide(out, name, false);
            if (name != null) {
                for (String part : name.strip().split("\\s+")) {
                    out = hide(out, part, true); // a surname typed alone
                }
            }
        }
        return out;
    }

    private static String hide(String text, String value, boolean word) {
        if (value == null || value.strip().length() < 3) {
            return text;
        }
        String quoted = Pattern.quote(value.strip());
        String regex = word ? "(?<!\\p{L})" + quoted + "(?!\\p{L})" : quoted;
        return Pattern.compile(regex, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE).matcher(text)
                .replaceAll(Matcher.quoteReplacement(HIDDEN));
    }
}
