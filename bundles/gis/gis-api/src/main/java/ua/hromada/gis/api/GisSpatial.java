package ua.hromada.gis.api;

import java.util.List;

import ua.hromada.portal.api.PortalUser;
import ua.hromada.portal.api.map.GeoPoint;

/**
 * Spatial questions other modules ask (an OKS card: "lies in a heritage protection zone"). Only the
 * layers the user may see are searched; {@code layerId} null means every such layer. Geometry in
 * and out is GeoJSON in WGS 84; distances are metres on the ellipsoid (PostGIS geography).
 */
@org.osgi.annotation.versioning.ProviderType
public interface GisSpatial {

    /**
     * Objects inside a polygon or multipolygon (GeoJSON): wholly inside or crossing its boundary
     * (ST_Intersects), ordered by id.
     */
    List<GisFeature> within(PortalUser user, Long layerId, String polygon, int limit);

    /** Objects inside the polygon of an existing object (a district of a districts layer). */
    List<GisFeature> withinFeature(PortalUser user, Long layerId, long districtFeatureId, int limit);

    /** Objects within {@code radiusMetres} of the point, nearest first. */
    List<NearbyFeature> nearest(PortalUser user, Long layerId, GeoPoint point, double radiusMetres, int limit);

    /** The polygons (of POLYGON and ANY layers) containing the point, by layer title. */
    List<ContainingFeature> containing(PortalUser user, GeoPoint point);
}
