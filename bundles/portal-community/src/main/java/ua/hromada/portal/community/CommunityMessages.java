package ua.hromada.portal.community;

import org.osgi.service.component.annotations.Component;

import ua.hromada.portal.api.MessageBundle;
import ua.hromada.portal.api.ResourceBundleMessages;

/** Texts for the message keys the communities' refusals carry (i18n/portal-community*.properties). */
@Component(service = MessageBundle.class, property = "hromada.messages=portal-community")
public class CommunityMessages extends ResourceBundleMessages {

    public CommunityMessages() {
        super("i18n.portal-community");
    }
}
