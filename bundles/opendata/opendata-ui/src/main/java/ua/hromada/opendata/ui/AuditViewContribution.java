package ua.hromada.opendata.ui;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import ua.hromada.opendata.api.AuditReports;
import ua.hromada.opendata.api.AuditRuleExplanations;
import ua.hromada.opendata.api.DatasetRegistry;
import ua.hromada.opendata.api.OpendataAudit;
import ua.hromada.opendata.ui.view.AuditView;
import ua.hromada.opendata.ui.view.OpendataUi;
import ua.hromada.portal.api.CurrentUser;
import ua.hromada.portal.api.PortalSettings;
import ua.hromada.portal.api.PortalView;
import ua.hromada.portal.api.ViewContribution;
import ua.hromada.portal.api.jobs.Jobs;

/**
 * Menu entry {@code opendata/audit}: run the audit, findings, scores, history, report. Registered
 * only while the audit bundle's services run.
 */
@Component(service = ViewContribution.class)
@PortalView(route = "opendata/audit", title = "opendata.ui.menu.audit", section = OpendataUi.SECTION,
        icon = "vaadin:clipboard-check", order = 50, permission = OpendataUi.READ_PERMISSION,
        view = AuditView.class)
public class AuditViewContribution implements ViewContribution {

    @Reference
    private DatasetRegistry registry;
    @Reference
    private OpendataAudit audit;
    @Reference
    private AuditReports reports;
    @Reference
    private AuditRuleExplanations explanations;
    @Reference
    private PortalSettings settings;
    /** The audit started in the view runs as this bundle's job. */
    @Reference
    private Jobs jobs;
    @Reference
    private CurrentUser currentUser;

    @Override
    public com.vaadin.flow.component.Component createView() {
        return new AuditView(registry, audit, reports, explanations, currentUser.get().orElse(null), settings, jobs);
    }
}
