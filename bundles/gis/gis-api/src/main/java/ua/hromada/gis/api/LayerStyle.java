package ua.hromada.gis.api;

import java.util.Map;

/**
 * How a layer is drawn. Colours are {@code #rgb}, {@code #rrggbb}, {@code #rrggbbaa} or a CSS colour
 * name (checked when the layer is saved).
 *
 * @param color        points: the marker's colour
 * @param strokeColor  lines and outlines
 * @param strokeWidth  pixels, 0..20
 * @param fillColor    polygons' fill
 * @param fillOpacity  0..1
 * @param marker       points' shape when there is no icon
 * @param icon         name of an icon instead of the marker shape; null for none
 * @param byAttribute  attribute whose value picks the colour (per-value styling); null for none
 * @param valueColors  value of {@code byAttribute} → colour; values not listed use {@code color}/{@code fillColor}
 */
public record LayerStyle(String color, String strokeColor, double strokeWidth, String fillColor, double fillOpacity,
        MarkerShape marker, String icon, String byAttribute, Map<String, String> valueColors) {

    public LayerStyle {
        marker = marker == null ? MarkerShape.CIRCLE : marker;
        valueColors = valueColors == null ? Map.of() : Map.copyOf(valueColors);
    }

    /** One colour for everything: blue points, lines and a translucent fill. */
    public static LayerStyle plain() {
        return new LayerStyle("#1565c0", "#0d47a1", 2, "#1565c0", 0.3, MarkerShape.CIRCLE, null, null, Map.of());
    }

    /** The colour an object with these attribute values is drawn in. */
    public String colorOf(Map<String, Object> attributes) {
        if (byAttribute != null && attributes != null) {
            Object value = attributes.get(byAttribute);
            String c = value == null ? null : valueColors.get(String.valueOf(value));
            if (c != null) {
                return c;
            }
        }
        return color;
    }
}
