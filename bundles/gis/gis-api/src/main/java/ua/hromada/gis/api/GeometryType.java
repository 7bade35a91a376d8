package ua.hromada.gis.api;

import java.util.Locale;

/** What a layer's objects are drawn as. Multi-geometries count as their single kind. */
public enum GeometryType {
    POINT, LINE, POLYGON,
    /** Any kind, mixed in one layer (e.g. an import of unknown content). */
    ANY;

    /**
     * Whether a geometry of the given GeoJSON / PostGIS type ({@code Point}, {@code MultiLineString},
     * {@code ST_Polygon}, ...) fits this layer.
     */
    public boolean accepts(String geometryType) {
        if (this == ANY) {
            return true;
        }
        String t = geometryType == null ? "" : geometryType.toLowerCase(Locale.ROOT);
        t = t.startsWith("st_") ? t.substring(3) : t;
        t = t.startsWith("multi") ? t.substring(5) : t;
        return switch (this) {
            case POINT -> t.equals("point");
            case LINE -> t.equals("linestring");
            case POLYGON -> t.equals("polygon");
            default -> false;
        };
    }
}
