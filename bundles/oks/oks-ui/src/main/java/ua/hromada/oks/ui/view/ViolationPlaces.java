package ua.hromada.oks.ui.view;

import java.util.List;

import ua.hromada.portal.api.PortalUser;
import ua.hromada.portal.api.map.GeoPoint;

/**
 * What another module knows of a violation's place, for its card: the GIS's polygons that contain
 * the point (e.g. a heritage protection zone). A service of this bundle, present only while the GIS
 * module runs; the card shows nothing of it otherwise.
 */
public interface ViolationPlaces {

    /** A polygon containing the point: its layer's title and its own name (null when it has none). */
    record Place(String layer, String name) {
    }

    /** The places containing {@code point} that {@code user} may see; empty when none. */
    List<Place> at(PortalUser user, GeoPoint point);
}
