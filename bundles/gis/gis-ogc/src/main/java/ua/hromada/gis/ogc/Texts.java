package ua.hromada.gis.ogc;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;

import ua.hromada.portal.api.MessageBundle;

/**
 * The texts clients show: this bundle's own (i18n/gis-ogc) first, then the other modules' bundles
 * (the GIS service explains a refused filter value with its own keys). Ukrainian unless the client
 * prefers English.
 */
final class Texts {

    static final Locale UKRAINIAN = Locale.forLanguageTag("uk");
    static final Locale ENGLISH = Locale.ENGLISH;
    private static final String OWN = "i18n.gis-ogc";

    private final MessageBundle own = MessageBundle.of(OWN, Texts.class.getClassLoader());
    private final Supplier<List<MessageBundle>> others;

    Texts(Supplier<List<MessageBundle>> others) {
        this.others = others;
    }

    /** The language of the answer: English when the client's first choice is English, else Ukrainian. */
    static Locale locale(String acceptLanguage) {
        if (acceptLanguage == null || acceptLanguage.isBlank()) {
            return UKRAINIAN;
        }
        try {
            List<Locale.LanguageRange> ranges = Locale.LanguageRange.parse(acceptLanguage);
            Locale best = Locale.lookup(ranges, List.of(UKRAINIAN, ENGLISH));
            return ENGLISH.equals(best) ? ENGLISH : UKRAINIAN;
        } catch (IllegalArgumentException e) {
            return UKRAINIAN; // a header that does not read: the default language
        }
    }

    /** The text of a key with {0}-style arguments; a missing key (a bug) is shown as the key. */
    String get(Locale locale, String key, Object... args) {
        Optional<String> text = own.message(key, locale);
        if (text.isEmpty()) {
            for (MessageBundle bundle : others.get()) {
                try {
                    text = bundle.message(key, locale);
                } catch (RuntimeException e) {
                    text = Optional.empty();
                }
                if (text.isPresent()) {
                    break;
                }
            }
        }
        return text.map(t -> args.length == 0 ? t : new MessageFormat(t, locale).format(args)).orElse(key);
    }
}
