package ua.hromada.portal.persistence.i18n;

import org.osgi.service.component.annotations.Component;

import ua.hromada.portal.api.MessageBundle;
import ua.hromada.portal.api.ResourceBundleMessages;

/** Texts for the message keys this bundle returns (i18n/portal-core*.properties). */
@Component(service = MessageBundle.class, property = "hromada.messages=portal-core")
public class CoreMessages extends ResourceBundleMessages {

    public CoreMessages() {
        super("i18n.portal-core");
    }
}
