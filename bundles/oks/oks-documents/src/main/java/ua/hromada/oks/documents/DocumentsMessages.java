package ua.hromada.oks.documents;

import org.osgi.service.component.annotations.Component;

import ua.hromada.portal.api.MessageBundle;
import ua.hromada.portal.api.ResourceBundleMessages;

/** Texts of this bundle's refusals (and document labels), so the UI can show its OksException keys. */
@Component(service = MessageBundle.class, property = "hromada.messages=oks-documents")
public class DocumentsMessages extends ResourceBundleMessages {

    public DocumentsMessages() {
        super(Texts.BASE_NAME);
    }
}
