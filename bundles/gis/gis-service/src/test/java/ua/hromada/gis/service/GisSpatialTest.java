package ua.hromada.gis.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

import ua.hromada.gis.api.ContainingFeature;
import ua.hromada.gis.api.FeatureInput;
import ua.hromada.gis.api.GisException;
import ua.hromada.gis.api.GisFeature;
import ua.hromada.gis.api.Layer;
import ua.hromada.gis.api.NearbyFeature;
import ua.hromada.gis.api.Visibility;
import ua.hromada.portal.api.PortalException.Reason;
import ua.hromada.portal.api.map.GeoPoint;

/**
 * Spatial queries against answers computed by hand: distances on the WGS 84 ellipsoid from the
 * meridian's and the parallel's radii of curvature (over a few hundred metres they equal the
 * geodesic to well under a millimetre), membership in a rectangle by its corners.
 */
class GisSpatialTest {
    private static final double A = 6_378_137.0;
    private static final double E2 = 0.00669437999014;
    private static final GeoPoint HERE = new GeoPoint(49.59, 34.55);

    @AutoClose
    private final GisTestSetup gis = new GisTestSetup();

    /** Metres along the meridian between two latitudes (degrees), radius at the middle latitude. */
    private static double meridian(double lat1, double lat2) {
        double phi = Math.toRadians((lat1 + lat2) / 2);
        double s = Math.sin(phi);
        double m = A * (1 - E2) / Math.pow(1 - E2 * s * s, 1.5);
        return m * Math.toRadians(Math.abs(lat2 - lat1));
    }

    /** Metres along the parallel at {@code lat} between two longitudes. */
    private static double parallel(double lat, double lon1, double lon2) {
        double phi = Math.toRadians(lat);
        double s = Math.sin(phi);
        double n = A / Math.sqrt(1 - E2 * s * s);
        return n * Math.cos(phi) * Math.toRadians(Math.abs(lon2 - lon1));
    }

    private GisFeature point(Layer layer, String name, double lon, double lat) {
        return gis.features().create(gis.admin, layer.id(), new FeatureInput(
                String.format(Locale.ROOT, "POINT(%s %s)", lon, lat), Map.of("name", name)));
    }

    @Test
    void nearestObjectsByDistanceOnTheEllipsoid() {
        Layer heritage = gis.layer(ShippedLayers.HERITAGE);
        point(heritage, "north 1", 34.55, 49.591);
        point(heritage, "north 2", 34.55, 49.592);
        point(heritage, "north 5", 34.55, 49.595);
        point(heritage, "east", 34.551, 49.59);

        List<NearbyFeature> all = gis.spatial().nearest(gis.viewer, heritage.id(), HERE, 600, 10);
        assertEquals(List.of("east", "north 1", "north 2", "north 5"), all.stream().map(NearbyFeature::title).toList());
        assertEquals(parallel(49.59, 34.55, 34.551), all.get(0).distanceMetres(), 0.01);
        assertEquals(meridian(49.59, 49.591), all.get(1).distanceMetres(), 0.01);
        assertEquals(meridian(49.59, 49.592), all.get(2).distanceMetres(), 0.01);
        assertEquals(meridian(49.59, 49.595), all.get(3).distanceMetres(), 0.01);
        assertEquals("heritage", all.get(0).layerKey());

        // 556 m away is outside 300 m; the limit keeps the nearest
        assertEquals(List.of("east", "north 1", "north 2"), gis.spatial().nearest(gis.viewer, null, HERE, 300, 10)
                .stream().map(NearbyFeature::title).toList());
        assertEquals(List.of("east", "north 1"), gis.spatial().nearest(gis.viewer, heritage.id(), HERE, 600, 2)
                .stream().map(NearbyFeature::title).toList());
        assertEquals(Reason.INVALID, assertThrows(GisException.class,
                () -> gis.spatial().nearest(gis.viewer, null, HERE, 0, 10)).reason());
        assertEquals(Reason.INVALID, assertThrows(GisException.class,
                () -> gis.spatial().nearest(gis.viewer, null, HERE, 100, 0)).reason());
        // an employees' layer is not searched for someone without a GIS permission
        assertEquals(List.of(), gis.spatial().nearest(gis.stranger, null, HERE, 600, 10));
        assertEquals(Reason.NOT_FOUND, assertThrows(GisException.class,
                () -> gis.spatial().nearest(gis.stranger, heritage.id(), HERE, 600, 10)).reason());
    }

    @Test
    void objectsWithinAPolygonOrADistrictAndThePolygonsContainingAPoint() {
        Layer heritage = gis.layer(ShippedLayers.HERITAGE);
        Layer zones = gis.layer(ShippedLayers.HERITAGE_ZONES);
        GisFeature east = point(heritage, "east", 34.551, 49.59);
        GisFeature north1 = point(heritage, "north 1", 34.55, 49.591);
        point(heritage, "north 2", 34.55, 49.592);
        point(heritage, "far", 34.60, 49.60);
        String square = "{\"type\":\"Polygon\",\"coordinates\":[[[34.54,49.585],[34.56,49.585],[34.56,49.5915],"
                + "[34.54,49.5915],[34.54,49.585]]]}";
        assertEquals(List.of(east.id(), north1.id()), ids(gis.spatial().within(gis.viewer, heritage.id(), square, 10)));

        GisFeature zone = gis.features().create(gis.admin, zones.id(), new FeatureInput(square, Map.of("name", "Зона А")));
        assertEquals(List.of(east.id(), north1.id()),
                ids(gis.spatial().withinFeature(gis.viewer, heritage.id(), zone.id(), 10)));
        assertEquals(List.of(east.id(), north1.id()), ids(gis.spatial().withinFeature(gis.viewer, null, zone.id(), 10)),
                "the district itself is not in its answer");
        assertEquals(List.of(east.id(), north1.id(), zone.id()), ids(gis.spatial().within(gis.viewer, null, square, 10)));
        assertEquals(Reason.INVALID, assertThrows(GisException.class, () -> gis.spatial().withinFeature(gis.viewer,
                null, east.id(), 10)).reason(), "a point is no district");
        assertEquals(Reason.INVALID, assertThrows(GisException.class, () -> gis.spatial().within(gis.viewer, null,
                "{\"type\":\"Point\",\"coordinates\":[34.55,49.59]}", 10)).reason());
        assertEquals(Reason.INVALID, assertThrows(GisException.class, () -> gis.spatial().within(gis.viewer, null,
                "not json", 10)).reason());

        assertEquals(List.of(new ContainingFeature(zones.id(), "heritage-zones", "Зони охорони пам'яток", zone.id(),
                "Зона А")), gis.spatial().containing(gis.viewer, new GeoPoint(49.59, 34.551)));
        assertEquals(List.of(), gis.spatial().containing(gis.viewer, new GeoPoint(49.592, 34.55)));
        assertEquals(List.of(), gis.spatial().containing(gis.stranger, new GeoPoint(49.59, 34.551)));
        gis.layers().saveLayer(gis.admin, new Layer(zones.id(), zones.key(), zones.groupId(), zones.title(),
                zones.geometryType(), zones.attributes(), zones.style(), null, Visibility.PUBLIC, zones.metadata(),
                null, zones.version(), null, null));
        assertEquals(1, gis.spatial().containing(gis.stranger, new GeoPoint(49.59, 34.551)).size(),
                "a public layer's polygons are everyone's");
    }

    private static List<Long> ids(List<GisFeature> features) {
        return features.stream().map(GisFeature::id).toList();
    }
}
