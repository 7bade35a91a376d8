package ua.hromada.portal.ui.map;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * How the features of a {@link VectorLayer} are drawn: points with {@link #markerShape()} in
 * {@link #color()}, lines with the stroke, polygons with the stroke and the fill. With
 * {@link #byProperty()} a feature whose property has one of the {@link #valueColors()} keys takes
 * that colour (stroke and fill alike); the legend lists the values in this map's order.
 *
 * @param color        colour of points (and of lines and fills when no other is given)
 * @param strokeColor  outline of points and polygons, colour of lines; null = {@code color}
 * @param strokeWidth  pixels, 0 to 20
 * @param fillColor    fill of polygons; null = {@code color}
 * @param fillOpacity  0 to 1
 * @param markerShape  shape of points
 * @param byProperty   property name whose value picks the colour; null = one colour
 * @param valueColors  property value → colour (insertion order kept)
 */
public record OverlayStyle(String color, String strokeColor, double strokeWidth, String fillColor, double fillOpacity,
                           MarkerShape markerShape, String byProperty, Map<String, String> valueColors) {

    /** Hex or a CSS colour name, nothing that could carry other CSS (as portal-api's LegendEntry). */
    private static final Pattern COLOR = Pattern.compile("#(\\p{XDigit}{3}|\\p{XDigit}{6}|\\p{XDigit}{8})|[a-zA-Z]{3,30}");
    public static final String DEFAULT_COLOR = "#1676f3";

    public OverlayStyle {
        color = color == null ? DEFAULT_COLOR : color;
        check(color);
        check(strokeColor);
        check(fillColor);
        if (!(strokeWidth >= 0 && strokeWidth <= 20)) {
            throw new IllegalArgumentException("strokeWidth must be 0 to 20 pixels, got " + strokeWidth);
        }
        if (!(fillOpacity >= 0 && fillOpacity <= 1)) {
            throw new IllegalArgumentException("fillOpacity must be 0 to 1, got " + fillOpacity);
        }
        markerShape = markerShape == null ? MarkerShape.CIRCLE : markerShape;
        byProperty = byProperty == null || byProperty.isBlank() ? null : byProperty;
        Map<String, String> copy = new LinkedHashMap<>();
        if (valueColors != null) {
            valueColors.forEach((value, c) -> {
                if (value == null || c == null) {
                    throw new IllegalArgumentException("valueColors needs a value and a colour, got " + value + " → " + c);
                }
                check(c);
                copy.put(value, c);
            });
        }
        valueColors = Collections.unmodifiableMap(copy);
    }

    /** One colour for everything: 2 px outline, fill at 0.3, round points. */
    public static OverlayStyle of(String color) {
        return new OverlayStyle(color, null, 2, null, 0.3, MarkerShape.CIRCLE, null, Map.of());
    }

    public OverlayStyle withMarkerShape(MarkerShape shape) {
        return new OverlayStyle(color, strokeColor, strokeWidth, fillColor, fillOpacity, shape, byProperty, valueColors);
    }

    public OverlayStyle withStroke(String strokeColor, double strokeWidth) {
        return new OverlayStyle(color, strokeColor, strokeWidth, fillColor, fillOpacity, markerShape, byProperty, valueColors);
    }

    public OverlayStyle withFill(String fillColor, double fillOpacity) {
        return new OverlayStyle(color, strokeColor, strokeWidth, fillColor, fillOpacity, markerShape, byProperty, valueColors);
    }

    /** Colours by the value of one property; features with another value keep {@link #color()}. */
    public OverlayStyle withValueColors(String property, Map<String, String> colors) {
        return new OverlayStyle(color, strokeColor, strokeWidth, fillColor, fillOpacity, markerShape,
                Objects.requireNonNull(property, "property"), colors);
    }

    /** The colour a feature with this value of {@link #byProperty()} is drawn in. */
    public String colorOf(String value) {
        return value == null ? color : valueColors.getOrDefault(value, color);
    }

    static void check(String color) {
        if (color != null && !COLOR.matcher(color).matches()) {
            throw new IllegalArgumentException("color must be #rgb, #rrggbb, #rrggbbaa or a CSS colour name, got \"" + color + "\"");
        }
    }
}
