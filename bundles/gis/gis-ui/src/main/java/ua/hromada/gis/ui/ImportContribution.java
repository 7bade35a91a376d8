package ua.hromada.gis.ui;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import ua.hromada.gis.api.GisFeatures;
import ua.hromada.gis.api.GisLayers;
import ua.hromada.gis.exchange.GisExchange;
import ua.hromada.gis.ui.view.ImportView;
import ua.hromada.portal.api.CurrentUser;
import ua.hromada.portal.api.PortalView;
import ua.hromada.portal.api.ViewContribution;
import ua.hromada.portal.api.jobs.Jobs;

/** Menu entry {@code gis/import}: a GeoJSON, KML/KMZ, CSV, Shapefile or DXF file into a layer. */
@Component(service = ViewContribution.class)
@PortalView(route = "gis/import", title = "gis.ui.menu.import", section = GisPages.SECTION, icon = "vaadin:upload",
        order = 20, permission = GisPages.WRITE, view = ImportView.class)
public class ImportContribution implements ViewContribution {

    @Reference
    private GisLayers layers;
    @Reference
    private GisFeatures features;
    @Reference
    private GisExchange exchange;
    @Reference
    private Jobs jobs;
    @Reference
    private CurrentUser currentUser;

    @Override
    public com.vaadin.flow.component.Component createView() {
        return new ImportView(layers, features, exchange, jobs, currentUser.get().orElse(null));
    }
}
