package ua.hromada.crm.service.cards;

import org.osgi.service.component.annotations.Component;

import ua.hromada.portal.api.MessageBundle;
import ua.hromada.portal.api.ResourceBundleMessages;

/** The service cards' refusals and import problems, for every view and API. */
@Component(service = MessageBundle.class)
public class CardMessages extends ResourceBundleMessages {
    public CardMessages() {
        super("i18n.crm-cards");
    }
}
