package ua.hromada.opendata.ui;

import org.osgi.service.component.annotations.Component;

import ua.hromada.portal.api.MessageBundle;
import ua.hromada.portal.api.ResourceBundleMessages;

/** The texts of the open-data views (Ukrainian default, English). */
@Component(service = MessageBundle.class)
public class OpendataUiMessages extends ResourceBundleMessages {

    public OpendataUiMessages() {
        super("i18n.opendata-ui");
    }
}
