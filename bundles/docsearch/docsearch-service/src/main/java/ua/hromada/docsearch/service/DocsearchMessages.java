package ua.hromada.docsearch.service;

import org.osgi.service.component.annotations.Component;

import ua.hromada.portal.api.MessageBundle;
import ua.hromada.portal.api.ResourceBundleMessages;

/** Texts for this bundle's message keys (i18n/docsearch-service*.properties: Ukrainian default, English). */
@Component(service = MessageBundle.class, property = "hromada.messages=docsearch-service")
public class DocsearchMessages extends ResourceBundleMessages {

    public DocsearchMessages() {
        super("i18n.docsearch-service");
    }
}
