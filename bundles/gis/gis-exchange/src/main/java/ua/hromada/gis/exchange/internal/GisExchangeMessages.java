package ua.hromada.gis.exchange.internal;

import org.osgi.service.component.annotations.Component;

import ua.hromada.portal.api.MessageBundle;
import ua.hromada.portal.api.ResourceBundleMessages;

/** The import's file and row errors and the export's headers, for the GIS views and API. */
@Component(service = MessageBundle.class)
public class GisExchangeMessages extends ResourceBundleMessages {
    public GisExchangeMessages() {
        super("i18n.gis-exchange");
    }
}
