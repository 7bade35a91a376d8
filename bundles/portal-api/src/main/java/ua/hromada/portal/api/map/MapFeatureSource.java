package ua.hromada.portal.api.map;

import java.util.List;

/**
 * Answers what to draw in the visible area. Called on every pan/zoom of a map, so it must stay
 * fast for large data: aggregate far-out zoom levels into clusters on the server (e.g. SQL
 * {@code GROUP BY} on a grid of {@link MapGrid#cellSize(int)} degrees) and return a few hundred
 * features at most.
 */
@FunctionalInterface
public interface MapFeatureSource {

    /**
     * @param bbox the visible area
     * @param zoom the Leaflet/OSM zoom level (0 = whole world, 19 = a house)
     */
    List<MapFeature> features(BoundingBox bbox, int zoom);
}
