package ua.hromada.portal.api.map;

/** A WGS 84 location in decimal degrees (latitude −90…90, longitude −180…180). */
public record GeoPoint(double lat, double lon) {

    public GeoPoint {
        checkLat(lat, "lat");
        checkLon(lon, "lon");
    }

    static void checkLat(double value, String name) {
        if (!(value >= -90 && value <= 90)) { // also refuses NaN
            throw new IllegalArgumentException(name + " must be between -90 and 90, got " + value);
        }
    }

    static void checkLon(double value, String name) {
        if (!(value >= -180 && value <= 180)) {
            throw new IllegalArgumentException(name + " must be between -180 and 180, got " + value);
        }
    }
}
