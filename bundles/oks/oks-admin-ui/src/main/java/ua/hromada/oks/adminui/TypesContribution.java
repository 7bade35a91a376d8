package ua.hromada.oks.adminui;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import ua.hromada.oks.adminui.catalog.TypesView;
import ua.hromada.oks.api.OksCatalog;
import ua.hromada.portal.api.CurrentUser;
import ua.hromada.portal.api.ViewContribution;

/** {@code oks/admin/types}: the catalogue of violation types. */
@Component(service = ViewContribution.class)
public class TypesContribution extends OksAdminContribution {

    @Reference
    private OksCatalog catalog;
    @Reference
    private CurrentUser currentUser;

    @Override
    public String route() {
        return TypesView.ROUTE;
    }

    @Override
    public String titleKey() {
        return "oks.adminui.menu.types";
    }

    @Override
    public String icon() {
        return "vaadin:tags";
    }

    @Override
    public int order() {
        return 80;
    }

    @Override
    public Class<? extends com.vaadin.flow.component.Component> viewClass() {
        return TypesView.class;
    }

    @Override
    public com.vaadin.flow.component.Component createView() {
        return new TypesView(catalog, currentUser);
    }
}
