package ua.hromada.opendata.ui;

import org.osgi.service.component.annotations.Component;

import ua.hromada.opendata.ui.view.DatasetsView;
import ua.hromada.portal.api.ViewContribution;

/** Menu entry {@code opendata/datasets}: the registry of datasets with filters. */
@Component(service = ViewContribution.class)
public class DatasetsContribution extends OpendataContribution {

    @Override
    public String route() {
        return "opendata/datasets";
    }

    @Override
    public String titleKey() {
        return "opendata.ui.menu.datasets";
    }

    @Override
    public String icon() {
        return "vaadin:database";
    }

    @Override
    public int order() {
        return 10;
    }

    @Override
    public boolean inMenu() {
        return true;
    }

    @Override
    public Class<? extends com.vaadin.flow.component.Component> viewClass() {
        return DatasetsView.class;
    }

    @Override
    public com.vaadin.flow.component.Component createView() {
        return new DatasetsView(services);
    }
}
