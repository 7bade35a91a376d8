package ua.hromada.eservices.service.appeals;

import java.text.MessageFormat;
import java.util.Locale;

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
    static final Locale UK = Locale.forLanguageTag("uk");

    public AppealMessages() {
        super(BASE);
    }

    /** A Ukrainian text with its arguments (e-mails, journal details); the key itself when missing. */
    public String ukrainian(String key, Object... args) {
        String pattern = message(key, UK).orElse(key);
        return args.length == 0 ? pattern : new MessageFormat(pattern, UK).format(args);
    }
}
