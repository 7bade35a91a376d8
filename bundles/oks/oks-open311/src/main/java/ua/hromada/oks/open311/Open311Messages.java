package ua.hromada.oks.open311;

import org.osgi.service.component.annotations.Component;

import ua.hromada.portal.api.MessageBundle;
import ua.hromada.portal.api.ResourceBundleMessages;

/**
 * This bundle's texts (i18n/oks-open311*.properties) for the portal: the modules view names the
 * module by {@code module.name.ua.hromada.oks-open311} in the reader's language.
 */
@Component(service = MessageBundle.class)
public class Open311Messages extends ResourceBundleMessages {

    public Open311Messages() {
        super("i18n.oks-open311");
    }
}
