package ua.hromada.gis.ui.view;

import java.util.Map;
import java.util.Optional;

import ua.hromada.gis.api.AttributeDefinition;
import ua.hromada.gis.api.FeatureQuery;
import ua.hromada.gis.api.GisViewer;
import ua.hromada.gis.api.Layer;
import ua.hromada.portal.api.map.BoundingBox;

/**
 * The viewer's attribute filter of one layer: objects whose attribute equals the value (as the
 * service compares: text case-insensitive, numbers and dates as values).
 *
 * @param attribute the attribute's name in the layer's schema
 * @param value     the value, trimmed, not blank
 */
public record LayerFilter(String attribute, String value) {

    public LayerFilter {
        if (attribute == null || attribute.isBlank()) {
            throw new IllegalArgumentException("attribute is required");
        }
        value = value == null ? "" : value.strip();
        if (value.isEmpty()) {
            throw new IllegalArgumentException("value is required");
        }
    }

    /** A filter from the form's fields, or empty when either is not filled in or the attribute is not the layer's. */
    public static Optional<LayerFilter> of(Layer layer, AttributeDefinition attribute, Object value) {
        String text = value == null ? "" : AttributeValues.display(value).strip();
        if (attribute == null || text.isEmpty() || layer.attribute(attribute.name()).isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new LayerFilter(attribute.name(), text));
    }

    /** The objects of the window that pass, at most as many as the viewer sends unclustered. */
    public FeatureQuery query(long layerId, BoundingBox window) {
        return FeatureQuery.all(layerId).where(Map.of(attribute, value)).within(window).page(0, GisViewer.MAX_FEATURES);
    }

    /** «Label = value» with the schema's label. */
    public String describe(Layer layer) {
        return layer.attribute(attribute).map(AttributeDefinition::label).orElse(attribute) + " = " + value;
    }
}
