package ua.hromada.crm.ui.verification;

import org.osgi.service.component.annotations.Component;

import ua.hromada.portal.api.MessageBundle;
import ua.hromada.portal.api.ResourceBundleMessages;

/** The verification panel's texts ({@code i18n/crm-verification} of this bundle: {@code crm.check.ui.*}). */
@Component(service = MessageBundle.class)
public class VerificationUiMessages extends ResourceBundleMessages {
    public VerificationUiMessages() {
        super("i18n.crm-verification");
    }
}
