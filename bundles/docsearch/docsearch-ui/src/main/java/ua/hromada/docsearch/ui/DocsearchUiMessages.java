package ua.hromada.docsearch.ui;

import org.osgi.service.component.annotations.Component;

import ua.hromada.portal.api.MessageBundle;
import ua.hromada.portal.api.ResourceBundleMessages;

/** The texts of the document-search views and pages (Ukrainian default, English). */
@Component(service = MessageBundle.class)
public class DocsearchUiMessages extends ResourceBundleMessages {

    public DocsearchUiMessages() {
        super("i18n.docsearch-ui");
    }
}
