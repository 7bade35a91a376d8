package ua.hromada.portal.api.map;

import java.util.List;
import java.util.Locale;

/**
 * A module's data published as a map layer (e.g. OKS violations), registered as a DS service so
 * map views of other modules (GIS) can offer it. Features are computed per visible area like any
 * {@link MapFeatureSource}.
 */
public interface MapLayerProvider extends MapFeatureSource {

    /** Stable key, prefixed with the module key, e.g. {@code oks.violations}. */
    String layerId();

    /** Resource-bundle key of the layer's name. */
    String titleKey();

    /** Permission needed to see the layer; null means any signed-in user. */
    String requiredPermission();

    /** What the colours mean, labels in the given language; empty when the layer uses one colour. */
    default List<LegendEntry> legend(Locale locale) {
        return List.of();
    }
}
