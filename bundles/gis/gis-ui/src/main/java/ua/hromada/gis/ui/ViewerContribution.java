package ua.hromada.gis.ui;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import ua.hromada.gis.ui.view.MapViewerView;
import ua.hromada.portal.api.CurrentUser;
import ua.hromada.portal.api.PortalView;
import ua.hromada.portal.api.ViewContribution;

/** Menu entry {@code gis/map}: the map viewer (layer tree, identify, search, measure, permalink, print). */
@Component(service = ViewContribution.class)
@PortalView(route = "gis/map", title = "gis.ui.menu.map", section = GisPages.SECTION, icon = "vaadin:map-marker",
        order = 5, permission = GisPages.READ, view = MapViewerView.class)
public class ViewerContribution implements ViewContribution {

    @Reference
    private ViewerServices services;
    @Reference
    private CurrentUser currentUser;

    @Override
    public com.vaadin.flow.component.Component createView() {
        return new MapViewerView(services.services(), services.mapSettings(), currentUser.get().orElse(null));
    }
}
