package ua.hromada.opendata.ui;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import ua.hromada.opendata.ui.view.AuditView;
import ua.hromada.portal.api.ViewContribution;
import ua.hromada.portal.api.jobs.Jobs;

/** Menu entry {@code opendata/audit}: run the audit, findings, scores, history, report. */
@Component(service = ViewContribution.class)
public class AuditViewContribution extends AuditContribution {

    /** The audit started in the view runs as this bundle's job. */
    @Reference
    private Jobs jobs;

    @Override
    public String route() {
        return "opendata/audit";
    }

    @Override
    public String titleKey() {
        return "opendata.ui.menu.audit";
    }

    @Override
    public String icon() {
        return "vaadin:clipboard-check";
    }

    @Override
    public int order() {
        return 50;
    }

    @Override
    public boolean inMenu() {
        return true;
    }

    @Override
    public Class<? extends com.vaadin.flow.component.Component> viewClass() {
        return AuditView.class;
    }

    @Override
    public com.vaadin.flow.component.Component createView() {
        return new AuditView(services, audit, jobs);
    }
}
