package ua.hromada.gis.api;

import ua.hromada.portal.api.PortalUser;
import ua.hromada.portal.api.map.BoundingBox;

/**
 * What the map viewer draws of one layer in the visible area: the objects themselves while they are
 * few, grid clusters otherwise, so a move over a layer of 100 000 points never sends them all.
 */
@org.osgi.annotation.versioning.ProviderType
public interface GisViewer {

    /** Up to this many objects in the area are sent as they are. */
    int MAX_FEATURES = 2000;

    /**
     * The layer's objects whose box meets {@code bbox} (at most {@link #MAX_FEATURES}), else one
     * cluster per cell of {@link ua.hromada.portal.api.map.MapGrid#cellSize(int)} at the zoom (a cell
     * too small to bound the answer is widened).
     */
    ViewerAnswer view(PortalUser user, long layerId, BoundingBox bbox, int zoom);
}
