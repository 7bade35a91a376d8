package ua.hromada.crm.service;

import org.osgi.service.component.annotations.Component;

import ua.hromada.portal.api.MessageBundle;
import ua.hromada.portal.api.ResourceBundleMessages;

/** Permission names, audit texts and the reasons of refusals, for every CRM view and API. */
@Component(service = MessageBundle.class)
public class CrmMessages extends ResourceBundleMessages {
    public CrmMessages() {
        super("i18n.crm");
    }
}
