package ua.hromada.eservices.ui.catalogue;

import org.osgi.service.component.annotations.Component;

import ua.hromada.portal.api.MessageBundle;
import ua.hromada.portal.api.ResourceBundleMessages;

/** The texts of the service catalogue's pages and of the catalogue's refusals. */
@Component(service = MessageBundle.class)
public class CatalogueMessages extends ResourceBundleMessages {
    public CatalogueMessages() {
        super("i18n.eservices-catalogue");
    }
}
