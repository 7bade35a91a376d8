package ua.hromada.oks.service;

import org.osgi.service.component.annotations.Component;

import ua.hromada.portal.api.MessageBundle;
import ua.hromada.portal.api.ResourceBundleMessages;

/** Names of groups, roles and actions and the reasons of refusals, for every OKS view and API. */
@Component(service = MessageBundle.class)
public class OksMessages extends ResourceBundleMessages {
    public OksMessages() {
        super("i18n.oks");
    }
}
