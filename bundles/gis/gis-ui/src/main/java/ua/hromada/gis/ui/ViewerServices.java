package ua.hromada.gis.ui;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import ua.hromada.gis.api.GisExternalLayers;
import ua.hromada.gis.api.GisFeatures;
import ua.hromada.gis.api.GisLayers;
import ua.hromada.gis.api.GisModuleLayers;
import ua.hromada.gis.api.GisViewer;
import ua.hromada.gis.ui.view.ViewerCatalog;
import ua.hromada.portal.api.map.MapSettings;

/** The services the viewer and its print page read, gathered once for both pages (used inside this bundle only). */
@Component(service = ViewerServices.class)
public class ViewerServices {

    @Reference
    private GisLayers layers;
    @Reference
    private GisFeatures features;
    @Reference
    private GisViewer viewer;
    @Reference
    private GisModuleLayers moduleLayers;
    @Reference
    private GisExternalLayers externalLayers;
    @Reference
    private MapSettings mapSettings;

    ViewerCatalog.Services services() {
        return new ViewerCatalog.Services(layers, features, viewer, moduleLayers, externalLayers);
    }

    MapSettings mapSettings() {
        return mapSettings;
    }
}
