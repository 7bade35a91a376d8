package ua.hromada.eservices.ui;

import org.osgi.service.component.annotations.Component;

import ua.hromada.portal.api.MessageBundle;
import ua.hromada.portal.api.ResourceBundleMessages;

/** The texts of the module's pages (menu, public pages, forms). */
@Component(service = MessageBundle.class)
public class EservicesUiMessages extends ResourceBundleMessages {
    public EservicesUiMessages() {
        super("i18n.eservices-ui");
    }
}
