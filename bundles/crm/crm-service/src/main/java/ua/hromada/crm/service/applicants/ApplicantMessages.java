package ua.hromada.crm.service.applicants;

import org.osgi.service.component.annotations.Component;

import ua.hromada.portal.api.MessageBundle;
import ua.hromada.portal.api.ResourceBundleMessages;

/** The applicants' field messages and refusals, for every view and API. */
@Component(service = MessageBundle.class)
public class ApplicantMessages extends ResourceBundleMessages {
    public ApplicantMessages() {
        super("i18n.crm-applicants");
    }
}
