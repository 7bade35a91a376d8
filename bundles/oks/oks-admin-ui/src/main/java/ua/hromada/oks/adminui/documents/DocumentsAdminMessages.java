package ua.hromada.oks.adminui.documents;

import org.osgi.service.component.annotations.Component;

import ua.hromada.portal.api.MessageBundle;
import ua.hromada.portal.api.ResourceBundleMessages;

/** The texts of the articles and templates pages (Ukrainian default, English). */
@Component(service = MessageBundle.class)
public class DocumentsAdminMessages extends ResourceBundleMessages {

    public DocumentsAdminMessages() {
        super("i18n.oks-admin-documents");
    }
}
