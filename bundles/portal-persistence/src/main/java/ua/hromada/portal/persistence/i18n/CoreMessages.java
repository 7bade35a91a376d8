package ua.hromada.portal.persistence.i18n;

import java.util.Locale;
import java.util.Optional;

import org.osgi.service.component.annotations.Component;

import ua.hromada.portal.api.MessageBundle;

/** Texts for the message keys this bundle returns (i18n/portal-core*.properties). */
@Component(service = MessageBundle.class, property = "hromada.messages=portal-core")
public class CoreMessages implements MessageBundle {
    private final MessageBundle delegate = MessageBundle.of("i18n.portal-core", getClass().getClassLoader());

    @Override
    public Optional<String> message(String key, Locale locale) {
        return delegate.message(key, locale);
    }
}
