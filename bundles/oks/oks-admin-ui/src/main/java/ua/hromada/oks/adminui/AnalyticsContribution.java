package ua.hromada.oks.adminui;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import ua.hromada.oks.adminui.analytics.AnalyticsView;
import ua.hromada.oks.api.OksAnalytics;
import ua.hromada.oks.api.OksPermissions;
import ua.hromada.oks.api.Violations;
import ua.hromada.portal.api.CurrentUser;
import ua.hromada.portal.api.PortalUser;
import ua.hromada.portal.api.ViewContribution;

/**
 * {@code oks/analytics}: "ОКС Аналітика". The shell checks one permission per view, so this is
 * the read permission of management: roles of inspectors and administrators include oks.view.
 */
@Component(service = ViewContribution.class)
public class AnalyticsContribution extends OksAdminContribution {

    @Reference
    private OksAnalytics analytics;
    @Reference
    private Violations violations;
    @Reference
    private CurrentUser currentUser;
    @Reference
    private OksAdminSettings settings;

    @Override
    public String route() {
        return AnalyticsView.ROUTE;
    }

    @Override
    public String titleKey() {
        return "oks.adminui.menu.analytics";
    }

    @Override
    public String icon() {
        return "vaadin:chart";
    }

    @Override
    public int order() {
        return 40;
    }

    @Override
    public String requiredPermission() {
        // management reads the analytics, and so do the inspectors and OKS administrators
        return PortalUser.anyOf(OksPermissions.VIEW, OksPermissions.INSPECT, OksPermissions.ADMINISTER);
    }

    @Override
    public Class<? extends com.vaadin.flow.component.Component> viewClass() {
        return AnalyticsView.class;
    }

    @Override
    public com.vaadin.flow.component.Component createView() {
        return new AnalyticsView(analytics, violations, currentUser, settings.zone());
    }
}
