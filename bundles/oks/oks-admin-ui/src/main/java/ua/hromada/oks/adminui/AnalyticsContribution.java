package ua.hromada.oks.adminui;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import ua.hromada.oks.adminui.analytics.AnalyticsView;
import ua.hromada.oks.api.OksAnalytics;
import ua.hromada.oks.api.OksArchive;
import ua.hromada.oks.api.Violations;
import ua.hromada.portal.api.CurrentUser;
import ua.hromada.portal.api.PortalSettings;
import ua.hromada.portal.api.PortalView;
import ua.hromada.portal.api.ViewContribution;

/**
 * {@code oks/analytics}: "ОКС Аналітика". The shell checks one permission per view, so this is
 * the read permission of management: roles of inspectors and administrators include oks.view.
 */
@Component(service = ViewContribution.class)
@PortalView(route = AnalyticsView.ROUTE, title = "oks.adminui.menu.analytics", section = OksAdminPages.SECTION,
        icon = "vaadin:chart", order = 40, permission = OksAdminPages.ANALYTICS, view = AnalyticsView.class)
public class AnalyticsContribution implements ViewContribution {

    @Reference
    private OksAnalytics analytics;
    @Reference
    private Violations violations;
    @Reference
    private OksArchive archive;
    @Reference
    private CurrentUser currentUser;
    @Reference
    private PortalSettings settings;

    @Override
    public com.vaadin.flow.component.Component createView() {
        return new AnalyticsView(analytics, violations, archive, currentUser, settings.timeZone());
    }
}
