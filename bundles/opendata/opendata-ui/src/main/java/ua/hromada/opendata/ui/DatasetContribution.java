package ua.hromada.opendata.ui;

import org.osgi.service.component.annotations.Component;

import ua.hromada.opendata.ui.view.DatasetView;
import ua.hromada.portal.api.ViewContribution;

/** Detail page {@code opendata/dataset/:id} ("new" creates one): the passport, structure and resources. */
@Component(service = ViewContribution.class)
public class DatasetContribution extends OpendataContribution {

    @Override
    public String route() {
        return "opendata/dataset/:id";
    }

    @Override
    public String titleKey() {
        return "opendata.ui.menu.dataset";
    }

    @Override
    public String icon() {
        return "vaadin:file-text-o";
    }

    @Override
    public int order() {
        return 11;
    }

    @Override
    public boolean inMenu() {
        return false;
    }

    @Override
    public Class<? extends com.vaadin.flow.component.Component> viewClass() {
        return DatasetView.class;
    }

    @Override
    public com.vaadin.flow.component.Component createView() {
        return new DatasetView(services);
    }
}
