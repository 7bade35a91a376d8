package ua.hromada.portal.api.map;

/**
 * The community's base map, from configuration (PID {@code ua.hromada.portal.map}): tile server,
 * attribution and the initial view. Provided as a service by the core's portal-ui bundle.
 */
public interface MapSettings {

    /** Tile URL template with {z}/{x}/{y} (and optionally {s}), e.g. OpenStreetMap's. */
    String tileUrl();

    /** Attribution text the tile provider requires (plain text). */
    String attribution();

    GeoPoint center();

    int zoom();

    int maxZoom();
}
