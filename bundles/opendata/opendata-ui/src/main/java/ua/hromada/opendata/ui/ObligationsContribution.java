package ua.hromada.opendata.ui;

import org.osgi.service.component.annotations.Component;

import ua.hromada.opendata.ui.view.ObligationsView;
import ua.hromada.portal.api.ViewContribution;

/** Menu entry {@code opendata/obligations}: the national list of datasets local councils must publish. */
@Component(service = ViewContribution.class)
public class ObligationsContribution extends OpendataContribution {

    @Override
    public String route() {
        return "opendata/obligations";
    }

    @Override
    public String titleKey() {
        return "opendata.ui.menu.obligations";
    }

    @Override
    public String icon() {
        return "vaadin:list-ol";
    }

    @Override
    public int order() {
        return 30;
    }

    @Override
    public boolean inMenu() {
        return true;
    }

    @Override
    public Class<? extends com.vaadin.flow.component.Component> viewClass() {
        return ObligationsView.class;
    }

    @Override
    public com.vaadin.flow.component.Component createView() {
        return new ObligationsView(services);
    }
}
