package ua.hromada.oks.ui;

import org.osgi.service.component.annotations.Component;

import ua.hromada.portal.api.MessageBundle;
import ua.hromada.portal.api.ResourceBundleMessages;

/** The texts of the OKS views (Ukrainian default, English). */
@Component(service = MessageBundle.class)
public class OksUiMessages extends ResourceBundleMessages {

    public OksUiMessages() {
        super("i18n.oks-ui");
    }
}
