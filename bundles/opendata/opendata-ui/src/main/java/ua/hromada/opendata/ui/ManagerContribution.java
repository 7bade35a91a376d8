package ua.hromada.opendata.ui;

import org.osgi.service.component.annotations.Component;

import ua.hromada.opendata.ui.view.ManagerView;
import ua.hromada.portal.api.ViewContribution;

/** Detail page {@code opendata/manager/:id} ("new" creates one): the manager, its obligations, score and datasets. */
@Component(service = ViewContribution.class)
public class ManagerContribution extends OpendataContribution {

    @Override
    public String route() {
        return "opendata/manager/:id";
    }

    @Override
    public String titleKey() {
        return "opendata.ui.menu.manager";
    }

    @Override
    public String icon() {
        return "vaadin:institution";
    }

    @Override
    public int order() {
        return 21;
    }

    @Override
    public boolean inMenu() {
        return false;
    }

    @Override
    public Class<? extends com.vaadin.flow.component.Component> viewClass() {
        return ManagerView.class;
    }

    @Override
    public com.vaadin.flow.component.Component createView() {
        return new ManagerView(services);
    }
}
