package ua.hromada.gis.ui.view;

import java.util.Map;

import ua.hromada.gis.api.GisFeature;
import ua.hromada.gis.api.Layer;
import ua.hromada.gis.api.ViewerAnswer;
import ua.hromada.portal.ui.map.LayerFeatures;

/** The answers of the GIS services as the shared map's layer features. */
public final class ViewerSources {

    private ViewerSources() {
    }

    /** Objects (titled, with the value the style colours by) or clusters. */
    public static LayerFeatures of(Layer layer, ViewerAnswer answer) {
        LayerFeatures result = new LayerFeatures();
        for (ViewerAnswer.Cluster c : answer.clusters()) {
            result.addCluster(c.latitude(), c.longitude(), (int) Math.min(Integer.MAX_VALUE, c.count()));
        }
        return add(result, layer, answer.features());
    }

    public static LayerFeatures add(LayerFeatures result, Layer layer, Iterable<GisFeature> features) {
        String by = layer.style().byAttribute();
        for (GisFeature f : features) {
            Object value = by == null ? null : f.attributes().get(by);
            result.add(Long.toString(f.id()), f.geometry(), title(layer, f),
                    value == null ? Map.of() : Map.of(by, String.valueOf(value))); // as LayerStyle.colorOf reads it
        }
        return result;
    }

    /** The object's name, else «№ id». */
    public static String title(Layer layer, GisFeature f) {
        String name = layer.titleOf(f.attributes());
        return name == null ? "№ " + f.id() : name;
    }
}
