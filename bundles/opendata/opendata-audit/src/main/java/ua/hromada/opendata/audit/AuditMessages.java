package ua.hromada.opendata.audit;

import org.osgi.service.component.annotations.Component;

import ua.hromada.portal.api.MessageBundle;
import ua.hromada.portal.api.ResourceBundleMessages;

/** Rule titles, severities, compliance states and the reasons of refusals, for the open data views. */
@Component(service = MessageBundle.class)
public class AuditMessages extends ResourceBundleMessages {
    public AuditMessages() {
        super("i18n.opendata-audit");
    }
}
