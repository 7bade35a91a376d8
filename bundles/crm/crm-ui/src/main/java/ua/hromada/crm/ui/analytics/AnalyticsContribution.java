package ua.hromada.crm.ui.analytics;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import ua.hromada.crm.api.CrmAnalytics;
import ua.hromada.crm.api.CrmPermissions;
import ua.hromada.crm.ui.CrmUi;
import ua.hromada.portal.api.CurrentUser;
import ua.hromada.portal.api.PortalSettings;
import ua.hromada.portal.api.PortalView;
import ua.hromada.portal.api.ViewContribution;

/** Menu entry {@code tsnap/analityka}: the head's analytics of the centre. */
@Component(service = ViewContribution.class)
@PortalView(route = AnalyticsView.ROUTE, title = "crm.analytics.menu", section = CrmUi.SECTION, icon = "vaadin:chart",
        order = 70, permission = CrmPermissions.HEAD, view = AnalyticsView.class)
public class AnalyticsContribution implements ViewContribution {

    @Reference
    private CrmAnalytics analytics;
    @Reference
    private CurrentUser currentUser;
    @Reference
    private PortalSettings settings;

    @Override
    public com.vaadin.flow.component.Component createView() {
        return new AnalyticsView(analytics, currentUser.get().orElse(null), settings);
    }
}
