package ua.hromada.eservices.ui.appeals;

import org.osgi.service.component.annotations.Component;

import ua.hromada.portal.api.MessageBundle;
import ua.hromada.portal.api.ResourceBundleMessages;

/** The texts of the appeals' pages: the public form, cabinet and list, the inbox, card, statistics, units and topics. */
@Component(service = MessageBundle.class)
public class AppealsUiMessages extends ResourceBundleMessages {
    public AppealsUiMessages() {
        super("i18n.eservices-appeals-ui");
    }
}
