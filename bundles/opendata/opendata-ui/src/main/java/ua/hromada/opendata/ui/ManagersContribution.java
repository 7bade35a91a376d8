package ua.hromada.opendata.ui;

import org.osgi.service.component.annotations.Component;

import ua.hromada.opendata.ui.view.ManagersView;
import ua.hromada.portal.api.ViewContribution;

/** Menu entry {@code opendata/managers}: the data managers (розпорядники). */
@Component(service = ViewContribution.class)
public class ManagersContribution extends OpendataContribution {

    @Override
    public String route() {
        return "opendata/managers";
    }

    @Override
    public String titleKey() {
        return "opendata.ui.menu.managers";
    }

    @Override
    public String icon() {
        return "vaadin:institution";
    }

    @Override
    public int order() {
        return 20;
    }

    @Override
    public boolean inMenu() {
        return true;
    }

    @Override
    public Class<? extends com.vaadin.flow.component.Component> viewClass() {
        return ManagersView.class;
    }

    @Override
    public com.vaadin.flow.component.Component createView() {
        return new ManagersView(services);
    }
}
