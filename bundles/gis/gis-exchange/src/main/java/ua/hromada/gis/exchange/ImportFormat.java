package ua.hromada.gis.exchange;

import java.util.Locale;
import java.util.Optional;

/** A file format the GIS module reads. */
public enum ImportFormat {
    GEOJSON, KML, CSV,
    /** A ZIP with a Shapefile (.shp, .shx, .dbf and usually .prj, .cpg); needs GDAL's ogr2ogr. */
    SHAPEFILE,
    /** An AutoCAD DXF drawing; needs GDAL's ogr2ogr and the user's coordinate system. */
    DXF;

    /** The format a file name's extension stands for (.geojson/.json, .kml/.kmz, .csv/.tsv/.txt, .zip, .dxf). */
    public static Optional<ImportFormat> ofFileName(String fileName) {
        String name = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
        int dot = name.lastIndexOf('.');
        String ext = dot < 0 ? "" : name.substring(dot + 1);
        return Optional.ofNullable(switch (ext) {
            case "geojson", "json" -> GEOJSON;
            case "kml", "kmz" -> KML;
            case "csv", "tsv", "txt" -> CSV;
            case "zip" -> SHAPEFILE;
            case "dxf" -> DXF;
            default -> null;
        });
    }
}
