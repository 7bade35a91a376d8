package ua.hromada.oks.adminui;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import ua.hromada.oks.adminui.catalog.ActionsView;
import ua.hromada.oks.api.OksCatalog;
import ua.hromada.oks.api.OksPermissions;
import ua.hromada.portal.api.CurrentUser;
import ua.hromada.portal.api.PortalView;
import ua.hromada.portal.api.ViewContribution;

/** {@code oks/admin/actions}: the workflow actions' codes, names and groups. */
@Component(service = ViewContribution.class)
@PortalView(route = ActionsView.ROUTE, title = "oks.adminui.menu.actions", section = OksAdminPages.SECTION,
        icon = "vaadin:sitemap", order = 82, permission = OksPermissions.ADMINISTER, view = ActionsView.class)
public class ActionsContribution implements ViewContribution {

    @Reference
    private OksCatalog catalog;
    @Reference
    private CurrentUser currentUser;

    @Override
    public com.vaadin.flow.component.Component createView() {
        return new ActionsView(catalog, currentUser);
    }
}
