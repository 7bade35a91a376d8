package ua.hromada.oks.service;

import org.osgi.service.component.annotations.Component;

import ua.hromada.portal.api.MessageBundle;
import ua.hromada.portal.api.ResourceBundleMessages;

/** The reasons of the document register's refusals (i18n/oks-register*.properties), for every OKS view. */
@Component(service = MessageBundle.class)
public class RegisterMessages extends ResourceBundleMessages {
    public RegisterMessages() {
        super("i18n.oks-register");
    }
}
