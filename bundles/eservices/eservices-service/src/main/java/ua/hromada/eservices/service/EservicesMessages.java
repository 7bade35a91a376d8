package ua.hromada.eservices.service;

import org.osgi.service.component.annotations.Component;

import ua.hromada.portal.api.MessageBundle;
import ua.hromada.portal.api.ResourceBundleMessages;

/** Permission names, audit texts and the reasons of refusals, for every e-services view and API. */
@Component(service = MessageBundle.class)
public class EservicesMessages extends ResourceBundleMessages {
    public EservicesMessages() {
        super("i18n.eservices");
    }
}
