package ua.hromada.crm.service.cases;

import java.util.List;
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

    /** A Ukrainian text with its arguments; the key itself when missing. */
    public String ukrainian(String key, Object... args) {
        return MessageBundle.text(List.of(this), key, UK, args);
    }
}
