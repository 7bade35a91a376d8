package ua.hromada.oks.adminui;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import ua.hromada.oks.adminui.catalog.TypesView;
import ua.hromada.oks.api.OksCatalog;
import ua.hromada.oks.api.OksPermissions;
import ua.hromada.portal.api.CurrentUser;
import ua.hromada.portal.api.PortalView;
import ua.hromada.portal.api.ViewContribution;

/** {@code oks/admin/types}: the catalogue of violation types. */
@Component(service = ViewContribution.class)
@PortalView(route = TypesView.ROUTE, title = "oks.adminui.menu.types", section = OksAdminPages.SECTION,
        icon = "vaadin:tags", order = 80, permission = OksPermissions.ADMINISTER, view = TypesView.class)
public class TypesContribution implements ViewContribution {

    @Reference
    private OksCatalog catalog;
    @Reference
    private CurrentUser currentUser;

    @Override
    public com.vaadin.flow.component.Component createView() {
        return new TypesView(catalog, currentUser);
    }
}
