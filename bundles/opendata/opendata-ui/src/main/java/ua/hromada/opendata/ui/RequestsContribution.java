package ua.hromada.opendata.ui;

import org.osgi.service.component.annotations.Component;

import ua.hromada.opendata.ui.view.RequestsView;
import ua.hromada.portal.api.ViewContribution;

/** Menu entry {@code opendata/requests}: official requests to data managers. */
@Component(service = ViewContribution.class)
public class RequestsContribution extends AuditContribution {

    @Override
    public String route() {
        return "opendata/requests";
    }

    @Override
    public String titleKey() {
        return "opendata.ui.menu.requests";
    }

    @Override
    public String icon() {
        return "vaadin:envelope-o";
    }

    @Override
    public int order() {
        return 70;
    }

    @Override
    public boolean inMenu() {
        return true;
    }

    @Override
    public Class<? extends com.vaadin.flow.component.Component> viewClass() {
        return RequestsView.class;
    }

    @Override
    public com.vaadin.flow.component.Component createView() {
        return new RequestsView(services, audit);
    }
}
