package ua.hromada.crm.ui.applicants;

import org.osgi.service.component.annotations.Component;

import ua.hromada.portal.api.MessageBundle;
import ua.hromada.portal.api.ResourceBundleMessages;

/** The texts of the applicants' pages. */
@Component(service = MessageBundle.class)
public class ApplicantsMessages extends ResourceBundleMessages {
    public ApplicantsMessages() {
        super("i18n.crm-applicants-ui");
    }
}
