package ua.hromada.gis.ui.view;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import ua.hromada.gis.api.GisFeature;
import ua.hromada.gis.api.Layer;
import ua.hromada.portal.api.map.MapSettings;
import ua.hromada.portal.ui.map.PortalMap;

/** The layout the employees' viewer and the public map share: layer side, map, identify panel. */
final class ViewerLayout {
    /** Zoom a found object is shown at (at least). */
    static final int FOUND_ZOOM = 17;

    private ViewerLayout() {
    }

    /** The shared map, as tall as the window leaves room for. */
    static PortalMap map(MapSettings settings) {
        PortalMap map = new PortalMap(settings);
        map.setId("gis-viewer-map");
        map.setHeight("calc(100vh - 14rem)");
        map.getStyle().set("min-height", "420px");
        return map;
    }

    /** Three columns that wrap on a narrow screen: the side (tree, search), the map's column, identify. */
    static Div columns(Div side, Div mapColumn, Component identify) {
        side.addClassName("gis-viewer-side");
        side.getStyle().set("flex", "0 0 20rem").set("max-width", "100%").set("overflow", "auto")
                .set("max-height", "calc(100vh - 10rem)");
        mapColumn.getStyle().set("flex", "1 1 30rem").set("min-width", "0");
        identify.getElement().getStyle().set("flex", "0 0 18rem").set("max-width", "100%").set("overflow", "auto")
                .set("max-height", "calc(100vh - 10rem)");
        Div body = new Div(side, mapColumn, identify);
        body.getStyle().set("display", "flex").set("flex-wrap", "wrap").set("gap", "var(--lumo-space-m)")
                .set("align-items", "flex-start");
        return body;
    }

    /** Moves the map to a found object at {@link #FOUND_ZOOM} at least and shows its layer if it was hidden. */
    static void reveal(PortalMap map, LayerTree tree, Layer layer, GisFeature feature) {
        GeometryCentre.of(feature.geometry()).ifPresent(c -> map.setView(c, Math.max(map.getZoom(), FOUND_ZOOM)));
        String id = ViewerLayers.id(layer);
        if (!map.getLayer(id).map(l -> l.visible()).orElse(true)) {
            map.setLayerVisible(id, true);
            tree.sync();
        }
    }

    /** The page's own padding. */
    static void pad(Div page) {
        page.getStyle().set("padding", "0 var(--lumo-space-m)").set("box-sizing", "border-box");
    }
}
