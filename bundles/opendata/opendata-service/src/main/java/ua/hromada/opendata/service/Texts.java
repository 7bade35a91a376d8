package ua.hromada.opendata.service;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;

/** The module's Ukrainian texts, for messages the service itself writes (the import's row errors). */
final class Texts {
    private static final Locale UK = Locale.forLanguageTag("uk");

    private final ResourceBundle bundle;

    Texts() {
        // the default (Ukrainian) file, with no fallback to the JVM's locale
        bundle = ResourceBundle.getBundle("i18n.opendata", Locale.ROOT, Texts.class.getClassLoader(),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    String text(String key, Object... args) {
        return new MessageFormat(bundle.getString(key), UK).format(args);
    }

    String text(Problem p) {
        return text(p.key(), p.args());
    }
}
