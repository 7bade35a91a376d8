package ua.hromada.portal.api;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A module's {@link MessageBundle} backed by its own properties files: subclass it as a DS
 * component and name the base, e.g. {@code super("i18n.oks")} for {@code i18n/oks.properties}
 * (Ukrainian, the default) and {@code i18n/oks_en.properties}.
 */
public abstract class ResourceBundleMessages implements MessageBundle {

    private static final Locale UKRAINIAN = Locale.forLanguageTag("uk");

    private final MessageBundle bundle;

    protected ResourceBundleMessages(String baseName) {
        // the subclass's loader: the properties live in the module's bundle, not in portal-api
        this.bundle = MessageBundle.of(baseName, getClass().getClassLoader());
    }

    @Override
    public Optional<String> message(String key, Locale locale) {
        return bundle.message(key, locale);
    }

    /**
     * The key's Ukrainian text with its arguments, the key itself when missing: for what a module
     * stores or sends in the community's language whoever reads it later (journal lines,
     * printouts, e-mails). Since 2.1.0.
     */
    public String ukrainian(String key, Object... args) {
        return MessageBundle.text(List.of(this), key, UKRAINIAN, args);
    }
}
