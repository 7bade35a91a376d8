package ua.hromada.gis.api;

/**
 * A polygon that contains a point (e.g. a heritage protection zone around an OKS violation).
 *
 * @param title the polygon's name ({@link Layer#titleOf}); null when it has none
 */
public record ContainingFeature(long layerId, String layerKey, String layerTitle, long featureId, String title) {
}
