package ua.hromada.docsearch.service;

import java.util.Locale;
import java.util.Optional;

import org.osgi.service.component.annotations.Component;

import ua.hromada.portal.api.MessageBundle;

/** Texts for this bundle's message keys (i18n/docsearch-service*.properties: Ukrainian default, English). */
@Component(service = MessageBundle.class, property = "hromada.messages=docsearch-service")
public class DocsearchMessages implements MessageBundle {
    private final MessageBundle delegate = MessageBundle.of("i18n.docsearch-service", getClass().getClassLoader());

    @Override
    public Optional<String> message(String key, Locale locale) {
        return delegate.message(key, locale);
    }
}
