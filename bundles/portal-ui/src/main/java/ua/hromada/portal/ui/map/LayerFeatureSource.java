package ua.hromada.portal.ui.map;

import ua.hromada.portal.api.map.BoundingBox;

/**
 * Answers the features of a {@link VectorLayer} for the window the user settled on (asked once per
 * pan or zoom, debounced). With many objects answer clusters at low zooms: at most
 * {@link PortalMap#MAX_FEATURES} features are drawn per answer.
 */
@FunctionalInterface
public interface LayerFeatureSource {

    LayerFeatures features(BoundingBox bbox, int zoom);
}
