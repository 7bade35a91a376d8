package ua.hromada.gis.ogc;

import org.osgi.service.component.annotations.Component;

import ua.hromada.portal.api.MessageBundle;
import ua.hromada.portal.api.ResourceBundleMessages;

/** This bundle's texts (i18n/gis-ogc*.properties) for the portal: the modules view names the bundle by them. */
@Component(service = MessageBundle.class)
public class OgcMessages extends ResourceBundleMessages {

    public OgcMessages() {
        super("i18n.gis-ogc");
    }
}
