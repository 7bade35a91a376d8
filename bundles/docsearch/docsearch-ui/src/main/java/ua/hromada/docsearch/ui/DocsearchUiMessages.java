package ua.hromada.docsearch.ui;

import java.util.Locale;
import java.util.Optional;

import org.osgi.service.component.annotations.Component;

import ua.hromada.portal.api.MessageBundle;

/** The texts of the document-search views and pages (Ukrainian default, English). */
@Component(service = MessageBundle.class)
public class DocsearchUiMessages implements MessageBundle {

    private final MessageBundle bundle = MessageBundle.of("i18n.docsearch-ui",
            DocsearchUiMessages.class.getClassLoader());

    @Override
    public Optional<String> message(String key, Locale locale) {
        return bundle.message(key, locale);
    }
}
