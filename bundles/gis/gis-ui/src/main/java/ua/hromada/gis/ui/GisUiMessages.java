package ua.hromada.gis.ui;

import org.osgi.service.component.annotations.Component;

import ua.hromada.portal.api.MessageBundle;
import ua.hromada.portal.api.ResourceBundleMessages;

/** The texts of the GIS views (Ukrainian default, English). */
@Component(service = MessageBundle.class)
public class GisUiMessages extends ResourceBundleMessages {

    public GisUiMessages() {
        super("i18n.gis-ui");
    }
}
