package ua.hromada.crm.service.verification;

import java.util.Locale;

import org.osgi.service.component.annotations.Component;

import ua.hromada.portal.api.MessageBundle;
import ua.hromada.portal.api.ResourceBundleMessages;

/**
 * The verification's and routing's texts ({@code crm.check.*}, {@code crm.routing.*}): refusals, and
 * the findings and journal lines, which are stored in Ukrainian ({@link #ukrainian}).
 */
@Component(service = MessageBundle.class)
public class CheckMessages extends ResourceBundleMessages {
    static final String BASE = "i18n.crm-checks";
    static final Locale UK = Locale.forLanguageTag("uk");

    public CheckMessages() {
        super(BASE);
    }
}
