package ua.hromada.gis.ui;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import ua.hromada.gis.ui.view.MapPrintView;
import ua.hromada.portal.api.CurrentUser;
import ua.hromada.portal.api.PortalSettings;
import ua.hromada.portal.api.PortalView;
import ua.hromada.portal.api.ViewContribution;

/** {@code gis/map/print} (no menu entry): a viewer permalink laid out on one A4 or A3 sheet for the browser's print. */
@Component(service = ViewContribution.class)
@PortalView(route = "gis/map/print", title = "gis.ui.menu.print", section = GisPages.SECTION, icon = "vaadin:print",
        order = 6, permission = GisPages.READ, menu = false, view = MapPrintView.class)
public class PrintContribution implements ViewContribution {

    @Reference
    private ViewerServices services;
    @Reference
    private CurrentUser currentUser;
    @Reference
    private PortalSettings settings;

    @Override
    public com.vaadin.flow.component.Component createView() {
        return new MapPrintView(services.services(), services.mapSettings(), currentUser.get().orElse(null),
                settings.timeZone());
    }
}
