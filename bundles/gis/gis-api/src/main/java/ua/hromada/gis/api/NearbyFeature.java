package ua.hromada.gis.api;

/**
 * An object found near a point.
 *
 * @param distanceMetres on the WGS 84 ellipsoid (PostGIS geography) from the point to the object's nearest part
 */
public record NearbyFeature(GisFeature feature, String layerKey, String title, double distanceMetres) {
}
