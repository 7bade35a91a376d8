package ua.hromada.eservices.service.appeals;

import org.osgi.service.component.annotations.Component;

import ua.hromada.portal.api.MessageBundle;
import ua.hromada.portal.api.ResourceBundleMessages;

/**
 * The e-appeals texts: refusals ({@code eservices.appeal.*}), statuses, journal steps, audit entries,
 * and the e-mails, which are Ukrainian ({@link #ukrainian}).
 */
@Component(service = MessageBundle.class)
public class AppealMessages extends ResourceBundleMessages {
    static final String BASE = "i18n.eservices-appeals";

    public AppealMessages() {
        super(BASE);
    }
}
