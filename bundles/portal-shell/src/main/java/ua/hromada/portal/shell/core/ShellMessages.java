package ua.hromada.portal.shell.core;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

import com.vaadin.flow.i18n.I18NProvider;

import ua.hromada.portal.api.MessageBundle;

/**
 * The portal's I18N provider: the shell's own bundle first, then every module's MessageBundle
 * service, so a module's keys resolve as soon as it is deployed. Ukrainian is the default.
 */
@Component(service = ShellMessages.class)
public class ShellMessages implements I18NProvider {

    private static final long serialVersionUID = 1L;
    public static final Locale UKRAINIAN = Locale.forLanguageTag("uk");
    private static final List<Locale> LOCALES = List.of(UKRAINIAN, Locale.ENGLISH);

    private final transient MessageBundle shell = MessageBundle.of("i18n.shell", ShellMessages.class.getClassLoader());
    private final transient List<MessageBundle> modules = new CopyOnWriteArrayList<>();

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void addBundle(MessageBundle bundle) {
        modules.add(bundle);
    }

    void removeBundle(MessageBundle bundle) {
        modules.remove(bundle);
    }

    @Override
    public List<Locale> getProvidedLocales() {
        return LOCALES;
    }

    @Override
    public String getTranslation(String key, Locale locale, Object... params) {
        if (key == null) {
            return "";
        }
        Locale effective = locale == null || !"en".equals(locale.getLanguage()) ? UKRAINIAN : Locale.ENGLISH;
        Optional<String> text = lookup(key, effective);
        if (text.isEmpty() && effective != UKRAINIAN) {
            text = lookup(key, UKRAINIAN);
        }
        String pattern = text.orElse("!" + key);
        return params == null || params.length == 0 ? pattern : new MessageFormat(pattern, effective).format(params);
    }

    /** The text of a key in the language (English falls back to Ukrainian), empty when no bundle has it. */
    public Optional<String> find(String key, Locale locale) {
        Locale effective = locale == null || !"en".equals(locale.getLanguage()) ? UKRAINIAN : Locale.ENGLISH;
        Optional<String> text = lookup(key, effective);
        return text.isEmpty() && effective != UKRAINIAN ? lookup(key, UKRAINIAN) : text;
    }

    private Optional<String> lookup(String key, Locale locale) {
        Optional<String> found = shell.message(key, locale);
        if (found.isPresent()) {
            return found;
        }
        for (MessageBundle bundle : modules) {
            found = bundle.message(key, locale);
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }
}
