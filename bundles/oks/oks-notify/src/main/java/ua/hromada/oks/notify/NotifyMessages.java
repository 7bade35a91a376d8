package ua.hromada.oks.notify;

import org.osgi.service.component.annotations.Component;

import ua.hromada.portal.api.MessageBundle;
import ua.hromada.portal.api.ResourceBundleMessages;

/**
 * This bundle's texts (i18n/oks-notify*.properties) for the portal: the modules view names the
 * module by {@code module.name.ua.hromada.oks-notify} in the reader's language. The notices
 * themselves stay Ukrainian (NoticeComposer).
 */
@Component(service = MessageBundle.class)
public class NotifyMessages extends ResourceBundleMessages {

    public NotifyMessages() {
        super("i18n.oks-notify");
    }
}
