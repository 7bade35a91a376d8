package ua.hromada.opendata.publication.ui;

import org.osgi.service.component.annotations.Component;

import ua.hromada.portal.api.MessageBundle;
import ua.hromada.portal.api.ResourceBundleMessages;

/** The texts of the public open-data page (Ukrainian default, English). */
@Component(service = MessageBundle.class)
public class PublicationMessages extends ResourceBundleMessages {

    public PublicationMessages() {
        super("i18n.opendata-publication");
    }
}
