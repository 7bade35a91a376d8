package ua.hromada.portal.ui.map;

import com.vaadin.flow.component.ComponentEvent;

import ua.hromada.portal.api.map.GeoPoint;

/** Identify: the user clicked a feature of an overlay layer (the ids are ones the map was sent). */
public class LayerFeatureClickEvent extends ComponentEvent<PortalMap> {

    private static final long serialVersionUID = 1L;
    private final String layerId;
    private final String featureId;
    private final GeoPoint point;

    public LayerFeatureClickEvent(PortalMap source, String layerId, String featureId, GeoPoint point) {
        super(source, true);
        this.layerId = layerId;
        this.featureId = featureId;
        this.point = point;
    }

    public String layerId() {
        return layerId;
    }

    public String featureId() {
        return featureId;
    }

    /** Where the user clicked (on a line or polygon: not its vertex). */
    public GeoPoint point() {
        return point;
    }
}
