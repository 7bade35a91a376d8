package ua.hromada.oks.ui;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import ua.hromada.oks.api.OksCatalog;
import ua.hromada.oks.api.OksPermissions;
import ua.hromada.oks.api.Violations;
import ua.hromada.oks.ui.view.OksUi;
import ua.hromada.oks.ui.view.RegistrationView;
import ua.hromada.portal.api.CurrentUser;
import ua.hromada.portal.api.PortalView;
import ua.hromada.portal.api.ViewContribution;
import ua.hromada.portal.api.map.MapSettings;

/** Menu entry {@code oks/new}: an inspector registers a violation. */
@Component(service = ViewContribution.class)
@PortalView(route = OksUi.NEW_ROUTE, title = "oks.ui.menu.new", section = OksPages.SECTION, icon = "vaadin:plus-circle",
        order = 30, permission = OksPermissions.INSPECT, view = RegistrationView.class)
public class NewViolationContribution implements ViewContribution {

    @Reference
    private Violations violations;
    @Reference
    private OksCatalog catalog;
    @Reference
    private MapSettings mapSettings;
    @Reference
    private CurrentUser currentUser;

    @Override
    public com.vaadin.flow.component.Component createView() {
        return new RegistrationView(violations, catalog, mapSettings, currentUser.get().orElse(null));
    }
}
