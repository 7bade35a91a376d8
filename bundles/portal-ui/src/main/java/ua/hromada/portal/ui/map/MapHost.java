package ua.hromada.portal.ui.map;

import com.vaadin.flow.component.ClientCallable;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.internal.AllowInert;

/**
 * The element Leaflet draws into. Its {@code $server} methods are the only way in from the
 * browser; each hands over to the owning {@link PortalMap}, which validates the arguments.
 *
 * <p>The calls that only read what to draw, and the report of the view, are allowed while a modal
 * dialog makes the map inert: Flow drops an inert node's calls without settling their promise, and
 * the map waits for that promise before it asks again — a view change just before a dialog opened
 * left the layer stuck on its old data for good.
 */
class MapHost extends Div {

    private static final long serialVersionUID = 1L;
    private final PortalMap owner;

    MapHost(PortalMap owner) {
        this.owner = owner;
        addClassName("hromada-map-host");
    }

    /** The visible area settled: answers the features to draw, as a JSON array. */
    @ClientCallable
    @AllowInert
    String onViewChanged(double south, double west, double north, double east, int zoom) {
        return owner.featuresFor(south, west, north, east, zoom);
    }

    @ClientCallable
    void onMapClick(double lat, double lon) {
        owner.mapClicked(lat, lon);
    }

    @ClientCallable
    void onFeatureClick(String id) {
        owner.featureClicked(id);
    }

    @ClientCallable
    void onOpen(String href) {
        owner.open(href);
    }

    /** A source layer's features for the settled window, as a GeoJSON FeatureCollection. */
    @ClientCallable
    @AllowInert
    String onLayerView(String layerId, double south, double west, double north, double east, int zoom) {
        return owner.layerFeaturesFor(layerId, south, west, north, east, zoom);
    }

    @ClientCallable
    void onLayerFeatureClick(String layerId, String featureId, double lat, double lon) {
        owner.layerFeatureClicked(layerId, featureId, lat, lon);
    }

    @ClientCallable
    @AllowInert
    void onView(double lat, double lon, int zoom, double south, double west, double north, double east) {
        owner.viewChanged(lat, lon, zoom, south, west, north, east);
    }

    /** geometry null = cancelled. */
    @ClientCallable
    void onEdited(String layerId, String featureId, String geometry) {
        owner.edited(layerId, featureId, geometry);
    }
}
