package ua.hromada.portal.api;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.Optional;
import java.util.ResourceBundle;

/**
 * A module's translations, registered as a service so the shell's I18N provider can resolve the
 * module's keys (menu titles, permission names, view texts). Keys should start with the module key.
 */
public interface MessageBundle {

    /** Looks a key up for a locale; empty when this bundle does not know the key. */
    Optional<String> message(String key, Locale locale);

    /**
     * A MessageBundle over a Java resource bundle in the calling module's class loader, e.g.
     * {@code MessageBundle.of("i18n.oks", getClass().getClassLoader())}.
     */
    static MessageBundle of(String baseName, ClassLoader loader) {
        return (key, locale) -> {
            try {
                ResourceBundle rb = ResourceBundle.getBundle(baseName, locale, loader,
                        ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
                return rb.containsKey(key) ? Optional.of(rb.getString(key)) : Optional.empty();
            } catch (MissingResourceException e) {
                return Optional.empty();
            }
        };
    }

    /**
     * The text of {@code key} in the first of {@code bundles} that knows it, formatted with
     * {@code args} ({@link MessageFormat}), or the key itself when none does: how an HTTP API explains
     * a service's refusal ({@code PortalException.messageKey()}) with every module's texts, which it
     * tracks as a dynamic multiple reference. A bundle that fails is passed over.
     */
    static String text(Iterable<MessageBundle> bundles, String key, Locale locale, Object... args) {
        for (MessageBundle bundle : bundles) {
            Optional<String> text;
            try {
                text = bundle.message(key, locale);
            } catch (RuntimeException e) {
                continue;
            }
            if (text.isPresent()) {
                return args.length == 0 ? text.get() : new MessageFormat(text.get(), locale).format(args);
            }
        }
        return key;
    }
}
