package ua.hromada.portal.commands;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import ua.hromada.portal.api.MessageBundle;

/**
 * Console texts: the commands' own bundle first, then the modules' {@link MessageBundle}
 * services (which know the keys carried by AccountException), else the key itself.
 */
final class Texts {
    private final List<MessageBundle> bundles;
    private final Locale locale;
    private final MessageBundle own = MessageBundle.of("i18n.portal-commands", Texts.class.getClassLoader());

    Texts(List<MessageBundle> bundles) {
        this.bundles = bundles == null ? List.of() : bundles;
        this.locale = Locale.getDefault();
    }

    String get(String key, Object... args) {
        Optional<String> text = own.message(key, locale);
        for (int i = 0; text.isEmpty() && i < bundles.size(); i++) {
            text = bundles.get(i).message(key, locale);
        }
        String pattern = text.orElse(key);
        return args.length == 0 ? pattern : new MessageFormat(pattern, locale).format(args);
    }
}
