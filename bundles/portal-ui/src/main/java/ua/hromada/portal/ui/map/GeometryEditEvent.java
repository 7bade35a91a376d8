package ua.hromada.portal.ui.map;

import java.util.Optional;

import com.vaadin.flow.component.ComponentEvent;

/**
 * The user finished or cancelled drawing or editing a geometry of the editable layer. A finished
 * geometry is GeoJSON in WGS 84 (longitude first), checked to be a well-formed geometry of the
 * kinds the editing allowed.
 */
public class GeometryEditEvent extends ComponentEvent<PortalMap> {

    private static final long serialVersionUID = 1L;
    private final String layerId;
    private final String featureId;
    private final String geometry;

    public GeometryEditEvent(PortalMap source, boolean fromClient, String layerId, String featureId, String geometry) {
        super(source, fromClient);
        this.layerId = layerId;
        this.featureId = featureId;
        this.geometry = geometry;
    }

    public String layerId() {
        return layerId;
    }

    /** The edited feature; empty for a newly drawn one. */
    public Optional<String> featureId() {
        return Optional.ofNullable(featureId);
    }

    /** The GeoJSON geometry; empty when the user cancelled. */
    public Optional<String> geometry() {
        return Optional.ofNullable(geometry);
    }

    public boolean isCancelled() {
        return geometry == null;
    }
}
