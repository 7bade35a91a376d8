package ua.hromada.oks.open311;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;

import ua.hromada.portal.api.MessageBundle;

/**
 * The Ukrainian texts residents' apps show: this bundle's own (i18n/oks-open311) first, then the
 * other modules' message bundles (the OKS service explains its refusals with its own keys).
 */
public final class Texts {

    static final Locale UKRAINIAN = Locale.forLanguageTag("uk");
    private static final String OWN = "i18n.oks-open311";

    private final MessageBundle own;
    private final Supplier<List<MessageBundle>> others;

    public Texts(Supplier<List<MessageBundle>> others) {
        this.own = MessageBundle.of(OWN, Texts.class.getClassLoader());
        this.others = others;
    }

    /** The text of a key with {0}-style arguments, or empty when no bundle knows the key. */
    public Optional<String> find(String key, Object... args) {
        Optional<String> text = own.message(key, UKRAINIAN);
        if (text.isEmpty()) {
            for (MessageBundle bundle : others.get()) {
                try {
                    text = bundle.message(key, UKRAINIAN);
                } catch (RuntimeException e) {
                    text = Optional.empty();
                }
                if (text.isPresent()) {
                    break;
                }
            }
        }
        return text.map(t -> args.length == 0 ? t : new MessageFormat(t, UKRAINIAN).format(args));
    }

    /** The text of one of this bundle's own keys; a missing key is a bug, shown as the key. */
    public String get(String key, Object... args) {
        return find(key, args).orElse(key);
    }
}
