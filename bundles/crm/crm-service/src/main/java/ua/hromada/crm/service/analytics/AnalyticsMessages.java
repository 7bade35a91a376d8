package ua.hromada.crm.service.analytics;

import org.osgi.service.component.annotations.Component;

import ua.hromada.portal.api.MessageBundle;
import ua.hromada.portal.api.ResourceBundleMessages;

/** The analytics' refusals, rule names and export headings ({@code i18n/crm-analytics-service}). */
@Component(service = MessageBundle.class)
public class AnalyticsMessages extends ResourceBundleMessages {
    public AnalyticsMessages() {
        super("i18n.crm-analytics-service");
    }
}
