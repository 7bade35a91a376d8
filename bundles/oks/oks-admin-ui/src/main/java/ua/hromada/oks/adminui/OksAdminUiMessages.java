package ua.hromada.oks.adminui;

import org.osgi.service.component.annotations.Component;

import ua.hromada.portal.api.MessageBundle;
import ua.hromada.portal.api.ResourceBundleMessages;

/** The texts of the OKS analytics and catalogue views (Ukrainian default, English). */
@Component(service = MessageBundle.class)
public class OksAdminUiMessages extends ResourceBundleMessages {

    public OksAdminUiMessages() {
        super("i18n.oks-admin-ui");
    }
}
