package ua.hromada.oks.ui;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import ua.hromada.oks.api.OksCatalog;
import ua.hromada.oks.api.ViolationMap;
import ua.hromada.oks.api.Violations;
import ua.hromada.oks.ui.view.MapView;
import ua.hromada.oks.ui.view.OksUi;
import ua.hromada.portal.api.CurrentUser;
import ua.hromada.portal.api.PortalView;
import ua.hromada.portal.api.ViewContribution;
import ua.hromada.portal.api.map.MapSettings;

/** Menu entry {@code oks/map}: the map of current violations, filtered, with the latest events. */
@Component(service = ViewContribution.class)
@PortalView(route = OksUi.MAP_ROUTE, title = "oks.ui.menu.map", section = OksPages.SECTION, icon = "vaadin:map-marker",
        order = 10, permission = OksUi.READ, view = MapView.class)
public class MapContribution implements ViewContribution {

    @Reference
    private Violations violations;
    @Reference
    private ViolationMap violationMap;
    @Reference
    private OksCatalog catalog;
    @Reference
    private MapSettings mapSettings;
    @Reference
    private CurrentUser currentUser;
    @Reference
    private OksUiSettings settings;

    @Override
    public com.vaadin.flow.component.Component createView() {
        return new MapView(violations, violationMap, catalog, mapSettings, currentUser.get().orElse(null), settings.zone(),
                settings.eventsCount(), settings.refreshSeconds());
    }
}
