package ua.hromada.portal.ui.map;

import java.util.List;

import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;

/**
 * The legend of a {@link VectorLayer} (e.g. under its entry in a layer tree): one swatch per
 * colour, drawn as the map draws the layer — the marker shape for points, a stroke for lines, a
 * filled square with its outline for polygons.
 */
public class LayerLegend extends Div {

    private static final long serialVersionUID = 1L;

    /** The layer's legend; values not in the style's colours are labelled «Інші». */
    public LayerLegend(VectorLayer layer) {
        this(layer.legend(null));
        if (!layer.style().valueColors().isEmpty()) {
            add(line(layer.legend(getTranslation("map.legend.other")).get(layer.style().valueColors().size())));
        }
    }

    public LayerLegend(List<VectorLayer.LegendItem> items) {
        addClassName("hromada-layer-legend");
        getElement().setAttribute("role", "list");
        for (VectorLayer.LegendItem item : items) {
            add(line(item));
        }
    }

    private static Div line(VectorLayer.LegendItem item) {
        Html swatch = new Html("<span class=\"hromada-legend-swatch\" aria-hidden=\"true\">" + svg(item) + "</span>");
        Div line = new Div(swatch, new Span(item.label()));
        line.addClassName("hromada-layer-legend-entry");
        line.getElement().setAttribute("role", "listitem");
        line.getStyle().set("display", "flex").set("align-items", "center").set("gap", "6px");
        return line;
    }

    /** An 16×16 SVG of the swatch; colours were checked to be hex or names (OverlayStyle). */
    static String svg(VectorLayer.LegendItem item) {
        String fill = item.color();
        String stroke = item.strokeColor() == null ? item.color() : item.strokeColor();
        String shape = switch (item.geometry()) {
            case LINE -> "<path d=\"M1 13 L6 6 L10 10 L15 3\" fill=\"none\" stroke=\"" + fill + "\" stroke-width=\"2.5\"/>";
            case POLYGON, ANY -> "<rect x=\"1.5\" y=\"1.5\" width=\"13\" height=\"13\" fill=\"" + fill
                    + "\" fill-opacity=\"0.45\" stroke=\"" + stroke + "\" stroke-width=\"2\"/>";
            case POINT -> marker(item.shape(), fill, item.strokeColor() == null ? "#ffffff" : stroke);
        };
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"16\" height=\"16\" viewBox=\"0 0 16 16\">" + shape + "</svg>";
    }

    /** The point shapes, the same outlines as portal-map-layers.js draws (scaled to 16 px). */
    static String marker(MarkerShape shape, String fill, String stroke) {
        String paint = "fill=\"" + fill + "\" stroke=\"" + stroke + "\" stroke-width=\"1.5\"";
        return switch (shape) {
            case CIRCLE -> "<circle cx=\"8\" cy=\"8\" r=\"6\" " + paint + "/>";
            case SQUARE -> "<rect x=\"2\" y=\"2\" width=\"12\" height=\"12\" " + paint + "/>";
            case TRIANGLE -> "<path d=\"M8 1.5 L14.5 14 L1.5 14 Z\" " + paint + "/>";
            case STAR -> "<path d=\"M8 1 L9.9 5.9 L15 6.2 L11 9.5 L12.3 14.6 L8 11.8 L3.7 14.6 L5 9.5 L1 6.2 L6.1 5.9 Z\" " + paint + "/>";
            case PIN -> "<path d=\"M8 15 C8 15 2.5 9.2 2.5 6 A5.5 5.5 0 0 1 13.5 6 C13.5 9.2 8 15 8 15 Z\" " + paint + "/>"
                    + "<circle cx=\"8\" cy=\"6\" r=\"2\" fill=\"#ffffff\"/>";
        };
    }
}
