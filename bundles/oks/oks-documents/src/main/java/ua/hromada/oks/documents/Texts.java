package ua.hromada.oks.documents;

import java.text.MessageFormat;
import java.util.Locale;

import ua.hromada.portal.api.MessageBundle;

/** The texts of this bundle (i18n/oks-documents*.properties) in one language, formatted with arguments. */
final class Texts {
    static final String BASE_NAME = "i18n.oks-documents";
    /** The documents are official papers of a Ukrainian council: always issued in Ukrainian. */
    static final Locale UKRAINIAN = Locale.forLanguageTag("uk");

    private final MessageBundle bundle = MessageBundle.of(BASE_NAME, Texts.class.getClassLoader());
    private final Locale locale;

    Texts(Locale locale) {
        this.locale = locale;
    }

    String get(String key, Object... args) {
        String pattern = bundle.message(key, locale)
                .orElseThrow(() -> new IllegalStateException("no text for " + key + " in " + BASE_NAME));
        return args.length == 0 ? pattern : new MessageFormat(pattern, locale).format(args);
    }
}
