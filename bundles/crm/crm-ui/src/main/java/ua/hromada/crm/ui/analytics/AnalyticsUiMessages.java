package ua.hromada.crm.ui.analytics;

import org.osgi.service.component.annotations.Component;

import ua.hromada.portal.api.MessageBundle;
import ua.hromada.portal.api.ResourceBundleMessages;

/** The analytics page's texts ({@code i18n/crm-analytics}). */
@Component(service = MessageBundle.class)
public class AnalyticsUiMessages extends ResourceBundleMessages {
    public AnalyticsUiMessages() {
        super("i18n.crm-analytics");
    }
}
