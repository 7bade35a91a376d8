package ua.hromada.gis.exchange;

/** A file format the GIS module writes, with its file name extension and media type. */
public enum ExportFormat {
    GEOJSON("geojson", "application/geo+json"),
    KML("kml", "application/vnd.google-earth.kml+xml"),
    /** UTF-8 with a byte order mark and ';' separators, as Excel opens it in a Ukrainian locale. */
    CSV("csv", "text/csv;charset=UTF-8"),
    XLSX("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final String extension;
    private final String mediaType;

    ExportFormat(String extension, String mediaType) {
        this.extension = extension;
        this.mediaType = mediaType;
    }

    public String extension() {
        return extension;
    }

    public String mediaType() {
        return mediaType;
    }
}
