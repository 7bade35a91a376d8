package ua.hromada.opendata.audit.rules;

import java.text.MessageFormat;
import java.util.Locale;

import ua.hromada.portal.api.MessageBundle;

/**
 * The audit's texts (i18n/opendata-audit*.properties) in one language, formatted with arguments.
 * Findings are stored in Ukrainian: they are quoted in official requests and reports.
 */
public final class Texts {
    public static final String BASE_NAME = "i18n.opendata-audit";
    public static final Locale UKRAINIAN = Locale.forLanguageTag("uk");

    private final MessageBundle bundle = MessageBundle.of(BASE_NAME, Texts.class.getClassLoader());
    private final Locale locale;

    public Texts(Locale locale) {
        this.locale = locale;
    }

    public static Texts ukrainian() {
        return new Texts(UKRAINIAN);
    }

    public String get(String key, Object... args) {
        String pattern = bundle.message(key, locale)
                .orElseThrow(() -> new IllegalStateException("no text for " + key + " in " + BASE_NAME));
        return args.length == 0 ? pattern : new MessageFormat(pattern, locale).format(args);
    }
}
