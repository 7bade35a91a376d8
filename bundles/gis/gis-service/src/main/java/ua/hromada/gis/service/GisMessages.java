package ua.hromada.gis.service;

import org.osgi.service.component.annotations.Component;

import ua.hromada.portal.api.MessageBundle;
import ua.hromada.portal.api.ResourceBundleMessages;

/** Permission names, audit field names and the reasons of refusals, for every GIS view and API. */
@Component(service = MessageBundle.class)
public class GisMessages extends ResourceBundleMessages {
    public GisMessages() {
        super("i18n.gis");
    }
}
