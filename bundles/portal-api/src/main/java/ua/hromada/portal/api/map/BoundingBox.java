package ua.hromada.portal.api.map;

import java.util.Locale;

/**
 * The visible map area in WGS 84 degrees. Boxes never cross the antimeridian (west ≤ east): the
 * map component clamps what the browser shows to −180…180 before asking a feature source.
 */
public record BoundingBox(double south, double west, double north, double east) {

    public BoundingBox {
        GeoPoint.checkLat(south, "south");
        GeoPoint.checkLat(north, "north");
        GeoPoint.checkLon(west, "west");
        GeoPoint.checkLon(east, "east");
        if (south > north) {
            throw new IllegalArgumentException("south (" + south + ") must not be greater than north (" + north + ")");
        }
        if (west > east) {
            throw new IllegalArgumentException("west (" + west + ") must not be greater than east (" + east + ")");
        }
    }

    /** True when the point lies inside the box or on its edge. */
    public boolean contains(GeoPoint point) {
        return contains(point.lat(), point.lon());
    }

    /** {@link #contains(GeoPoint)} without creating a point (for loops over many rows). */
    public boolean contains(double lat, double lon) {
        return lat >= south && lat <= north && lon >= west && lon <= east;
    }

    public GeoPoint center() {
        return new GeoPoint((south + north) / 2, (west + east) / 2);
    }

    /**
     * Parses the "west,south,east,north" form used by HTTP APIs (the order of OGC/GeoJSON bbox
     * parameters), e.g. {@code 34.50,49.55,34.60,49.62}.
     *
     * @throws IllegalArgumentException with a message fit for a 400 answer
     */
    public static BoundingBox parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("bbox is required as west,south,east,north");
        }
        String[] parts = text.split(",", -1);
        if (parts.length != 4) {
            throw new IllegalArgumentException("bbox must be four numbers west,south,east,north, got \"" + text + "\"");
        }
        double[] v = new double[4];
        for (int i = 0; i < 4; i++) {
            try {
                v[i] = Double.parseDouble(parts[i].trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("bbox value \"" + parts[i].trim() + "\" is not a number (expected west,south,east,north)");
            }
        }
        return new BoundingBox(v[1], v[0], v[3], v[2]);
    }

    /** The "west,south,east,north" form {@link #parse} reads. */
    public String format() {
        return String.format(Locale.ROOT, "%s,%s,%s,%s", west, south, east, north);
    }
}
