package ua.hromada.gis.ui;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import ua.hromada.gis.api.GisExternalLayers;
import ua.hromada.gis.api.GisLayers;
import ua.hromada.gis.api.GisPermissions;
import ua.hromada.gis.ui.view.ExternalLayersView;
import ua.hromada.portal.api.CurrentUser;
import ua.hromada.portal.api.PortalView;
import ua.hromada.portal.api.ViewContribution;

/** Menu entry {@code gis/external}: the registry of external layers (WMS, WMTS, XYZ) with the capabilities reader. */
@Component(service = ViewContribution.class)
@PortalView(route = "gis/external", title = "gis.ui.menu.external", section = GisPages.SECTION, icon = "vaadin:cloud",
        order = 35, permission = GisPermissions.ADMINISTER, view = ExternalLayersView.class)
public class ExternalLayersContribution implements ViewContribution {

    @Reference
    private GisExternalLayers externalLayers;
    @Reference
    private GisLayers layers;
    @Reference
    private CurrentUser currentUser;

    @Override
    public com.vaadin.flow.component.Component createView() {
        return new ExternalLayersView(externalLayers, layers, currentUser.get().orElse(null));
    }
}
