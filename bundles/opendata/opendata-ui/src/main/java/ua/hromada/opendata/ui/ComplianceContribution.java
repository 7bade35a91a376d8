package ua.hromada.opendata.ui;

import org.osgi.service.component.annotations.Component;

import ua.hromada.opendata.ui.view.ComplianceView;
import ua.hromada.portal.api.ViewContribution;

/** Menu entry {@code opendata/compliance}: data managers × obligatory datasets. */
@Component(service = ViewContribution.class)
public class ComplianceContribution extends AuditContribution {

    @Override
    public String route() {
        return "opendata/compliance";
    }

    @Override
    public String titleKey() {
        return "opendata.ui.menu.compliance";
    }

    @Override
    public String icon() {
        return "vaadin:table";
    }

    @Override
    public int order() {
        return 60;
    }

    @Override
    public boolean inMenu() {
        return true;
    }

    @Override
    public Class<? extends com.vaadin.flow.component.Component> viewClass() {
        return ComplianceView.class;
    }

    @Override
    public com.vaadin.flow.component.Component createView() {
        return new ComplianceView(services, audit);
    }
}
