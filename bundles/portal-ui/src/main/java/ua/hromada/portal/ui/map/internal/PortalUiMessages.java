package ua.hromada.portal.ui.map.internal;

import org.osgi.service.component.annotations.Component;

import ua.hromada.portal.api.MessageBundle;
import ua.hromada.portal.api.ResourceBundleMessages;

/** Texts of the shared components (i18n/portalui.properties, Ukrainian; _en English). */
@Component(service = MessageBundle.class)
public class PortalUiMessages extends ResourceBundleMessages {

    public PortalUiMessages() {
        super("i18n.portalui");
    }
}
