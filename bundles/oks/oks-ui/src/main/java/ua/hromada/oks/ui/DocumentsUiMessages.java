package ua.hromada.oks.ui;

import org.osgi.service.component.annotations.Component;

import ua.hromada.portal.api.MessageBundle;
import ua.hromada.portal.api.ResourceBundleMessages;

/** The texts of the card's documents panel and its dialog (Ukrainian default, English). */
@Component(service = MessageBundle.class)
public class DocumentsUiMessages extends ResourceBundleMessages {

    public DocumentsUiMessages() {
        super("i18n.oks-ui-documents");
    }
}
