package ua.hromada.oks.ui;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import ua.hromada.oks.api.OksCatalog;
import ua.hromada.oks.api.Violations;
import ua.hromada.oks.ui.view.OksUi;
import ua.hromada.oks.ui.view.ViolationsView;
import ua.hromada.portal.api.CurrentUser;
import ua.hromada.portal.api.PortalView;
import ua.hromada.portal.api.ViewContribution;

/** Menu entry {@code oks/violations}: the list of current violations with filters and export. */
@Component(service = ViewContribution.class)
@PortalView(route = OksUi.LIST_ROUTE, title = "oks.ui.menu.list", section = OksPages.SECTION, icon = "vaadin:list",
        order = 20, permission = OksUi.READ, view = ViolationsView.class)
public class ViolationsContribution implements ViewContribution {

    @Reference
    private Violations violations;
    @Reference
    private OksCatalog catalog;
    @Reference
    private CurrentUser currentUser;
    @Reference
    private OksUiSettings settings;

    @Override
    public com.vaadin.flow.component.Component createView() {
        return new ViolationsView(violations, catalog, currentUser.get().orElse(null), settings.zone());
    }
}
