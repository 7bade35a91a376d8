package ua.hromada.gis.api;

import java.util.List;

/**
 * The viewer's answer for one layer and area: either {@code features} (clusters empty) or
 * {@code clusters} (features empty).
 *
 * @param total the objects in the area; the clusters' counts add up to it
 */
public record ViewerAnswer(List<GisFeature> features, List<Cluster> clusters, long total) {

    public ViewerAnswer {
        features = List.copyOf(features);
        clusters = List.copyOf(clusters);
    }

    public boolean clustered() {
        return !clusters.isEmpty();
    }

    /**
     * The objects of one grid cell.
     *
     * @param latitude the mean of their box centres, WGS 84
     */
    public record Cluster(double latitude, double longitude, long count) {
    }
}
