package ua.hromada.crm.ui.cards;

import org.osgi.service.component.annotations.Component;

import ua.hromada.portal.api.MessageBundle;
import ua.hromada.portal.api.ResourceBundleMessages;

/** The texts of the service cards' pages (and the CRM's menu section). */
@Component(service = MessageBundle.class)
public class CardsMessages extends ResourceBundleMessages {
    public CardsMessages() {
        super("i18n.crm-cards-ui");
    }
}
