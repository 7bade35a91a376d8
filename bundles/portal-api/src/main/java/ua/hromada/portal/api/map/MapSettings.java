package ua.hromada.portal.api.map;

import java.util.Optional;

/**
 * The community's base map, from configuration (PID {@code ua.hromada.portal.map}): tile server,
 * attribution and the initial view. Provided as a service by the core's portal-ui bundle.
 */
@org.osgi.annotation.versioning.ProviderType
public interface MapSettings {

    /** Tile URL template with {z}/{x}/{y} (and optionally {s}), e.g. OpenStreetMap's. */
    String tileUrl();

    /** Attribution text the tile provider requires (plain text). */
    String attribution();

    GeoPoint center();

    int zoom();

    int maxZoom();

    /**
     * The area the map can be moved within (the community's territory with some margin), or empty
     * when the map may show the whole world. A default method, so implementations written before
     * it existed keep compiling and mean "no limit".
     */
    default Optional<BoundingBox> bounds() {
        return Optional.empty();
    }
}
