package ua.hromada.opendata.service;

import org.osgi.service.component.annotations.Component;

import ua.hromada.portal.api.MessageBundle;
import ua.hromada.portal.api.ResourceBundleMessages;

/** Frequencies, severities, permission names and the reasons of refusals, for every open-data view and API. */
@Component(service = MessageBundle.class)
public class OpendataMessages extends ResourceBundleMessages {
    public OpendataMessages() {
        super("i18n.opendata");
    }
}
