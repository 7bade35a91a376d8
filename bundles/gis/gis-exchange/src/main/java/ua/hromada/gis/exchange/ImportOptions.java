package ua.hromada.gis.exchange;

/**
 * The user's choices for reading a file; every field may be null (= detect).
 *
 * @param srid      the coordinate system's EPSG code when the file does not state it (CSV, DXF, a
 *                  Shapefile without .prj) or states it wrongly; overrides what the file says
 * @param lonColumn CSV: the column with longitude or easting (x)
 * @param latColumn CSV: the column with latitude or northing (y)
 * @param wktColumn CSV: the column with WKT geometry (instead of lon/lat)
 * @param charset   the text encoding (e.g. {@code windows-1251}) instead of detecting it
 * @param layer     Shapefile: the .shp to read when the ZIP holds several (its name without .shp)
 */
public record ImportOptions(Integer srid, String lonColumn, String latColumn, String wktColumn,
                            String charset, String layer) {

    /** Detect everything. */
    public static ImportOptions detect() {
        return new ImportOptions(null, null, null, null, null, null);
    }

    public ImportOptions withSrid(Integer value) {
        return new ImportOptions(value, lonColumn, latColumn, wktColumn, charset, layer);
    }

    public ImportOptions withLonLat(String lon, String lat) {
        return new ImportOptions(srid, lon, lat, wktColumn, charset, layer);
    }

    public ImportOptions withWkt(String column) {
        return new ImportOptions(srid, lonColumn, latColumn, column, charset, layer);
    }

    public ImportOptions withCharset(String value) {
        return new ImportOptions(srid, lonColumn, latColumn, wktColumn, value, layer);
    }

    public ImportOptions withLayer(String value) {
        return new ImportOptions(srid, lonColumn, latColumn, wktColumn, charset, value);
    }
}
