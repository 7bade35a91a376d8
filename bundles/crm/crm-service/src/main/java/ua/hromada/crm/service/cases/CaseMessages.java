package ua.hromada.crm.service.cases;

import java.util.Locale;

import org.osgi.service.component.annotations.Component;

import ua.hromada.portal.api.MessageBundle;
import ua.hromada.portal.api.ResourceBundleMessages;

/**
 * The cases' texts ({@code crm.case.*}): refusals, statuses, and the journal's details and the
 * printouts, which are Ukrainian ({@link #ukrainian}).
 */
@Component(service = MessageBundle.class)
public class CaseMessages extends ResourceBundleMessages {
    static final String BASE = "i18n.crm-cases";
    static final Locale UK = Locale.forLanguageTag("uk");

    public CaseMessages() {
        super(BASE);
    }
}
