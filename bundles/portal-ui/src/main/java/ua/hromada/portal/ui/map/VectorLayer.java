package ua.hromada.portal.ui.map;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A named overlay of GeoJSON features on a {@link PortalMap}: pushed whole
 * ({@link PortalMap#addLayer(VectorLayer, LayerFeatures)}) or asked for the visible window
 * ({@link PortalMap#addLayer(VectorLayer, LayerFeatureSource)}).
 *
 * @param id       stable key, e.g. {@code gis.12} or {@code oks.violations}: letters, digits, {@code . _ - :}
 * @param title    shown name (already translated)
 * @param style    how features are drawn
 * @param geometry what the layer holds, for the legend's swatch
 * @param visible  drawn or not
 * @param opacity  0 to 1, of the whole layer
 * @param zIndex   0 to 199: higher layers are drawn over lower ones (tile overlays included)
 */
public record VectorLayer(String id, String title, OverlayStyle style, GeometryKind geometry, boolean visible,
                          double opacity, int zIndex) implements OverlayLayer {

    static final Pattern ID = Pattern.compile("[A-Za-z0-9._:-]{1,100}");
    public static final int MAX_Z_INDEX = 199;

    public VectorLayer {
        checkId(id);
        title = title == null ? id : title;
        style = style == null ? OverlayStyle.of(null) : style;
        geometry = geometry == null ? GeometryKind.ANY : geometry;
        checkOpacity(opacity);
        checkZIndex(zIndex);
    }

    /** Visible, opaque, at z-index 100. */
    public static VectorLayer of(String id, String title, OverlayStyle style, GeometryKind geometry) {
        return new VectorLayer(id, title, style, geometry, true, 1, 100);
    }

    public VectorLayer withVisible(boolean value) {
        return new VectorLayer(id, title, style, geometry, value, opacity, zIndex);
    }

    public VectorLayer withOpacity(double value) {
        return new VectorLayer(id, title, style, geometry, visible, value, zIndex);
    }

    public VectorLayer withZIndex(int value) {
        return new VectorLayer(id, title, style, geometry, visible, opacity, value);
    }

    /**
     * The legend of this layer: one line per coloured value (with {@code otherLabel} for the
     * remaining features), or one line with the layer's title.
     */
    public List<LegendItem> legend(String otherLabel) {
        List<LegendItem> items = new ArrayList<>();
        String stroke = style.strokeColor();
        if (style.valueColors().isEmpty()) {
            items.add(new LegendItem(title, style.color(), stroke, geometry, style.markerShape()));
            return items;
        }
        for (Map.Entry<String, String> e : style.valueColors().entrySet()) {
            items.add(new LegendItem(e.getKey(), e.getValue(), stroke, geometry, style.markerShape()));
        }
        if (otherLabel != null) {
            items.add(new LegendItem(otherLabel, style.color(), stroke, geometry, style.markerShape()));
        }
        return items;
    }

    static void checkId(String id) {
        if (id == null || !ID.matcher(id).matches()) {
            throw new IllegalArgumentException("layer id must be 1-100 letters, digits or . _ - :, got \"" + id + "\"");
        }
    }

    static void checkOpacity(double opacity) {
        if (!(opacity >= 0 && opacity <= 1)) {
            throw new IllegalArgumentException("opacity must be 0 to 1, got " + opacity);
        }
    }

    static void checkZIndex(int zIndex) {
        if (zIndex < 0 || zIndex > MAX_Z_INDEX) {
            throw new IllegalArgumentException("zIndex must be 0 to " + MAX_Z_INDEX + ", got " + zIndex);
        }
    }

    /** One line of a layer's legend, drawn like the map draws the layer. */
    public record LegendItem(String label, String color, String strokeColor, GeometryKind geometry, MarkerShape shape) {
        public LegendItem {
            Objects.requireNonNull(label, "label");
            OverlayStyle.check(color);
            OverlayStyle.check(strokeColor);
        }
    }
}
