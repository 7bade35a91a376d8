package ua.hromada.opendata.ui;

import org.osgi.service.component.annotations.Component;

import ua.hromada.opendata.ui.view.ImportView;
import ua.hromada.portal.api.ViewContribution;

/** Menu entry {@code opendata/import}: import with preview, and export of the registry (stewards only). */
@Component(service = ViewContribution.class)
public class ImportContribution extends OpendataContribution {

    @Override
    public String route() {
        return "opendata/import";
    }

    @Override
    public String titleKey() {
        return "opendata.ui.menu.import";
    }

    @Override
    public String icon() {
        return "vaadin:upload";
    }

    @Override
    public int order() {
        return 40;
    }

    @Override
    public boolean inMenu() {
        return true;
    }

    @Override
    public String requiredPermission() {
        return ua.hromada.opendata.api.OpendataPermissions.EDIT;
    }

    @Override
    public Class<? extends com.vaadin.flow.component.Component> viewClass() {
        return ImportView.class;
    }

    @Override
    public com.vaadin.flow.component.Component createView() {
        return new ImportView(services);
    }
}
