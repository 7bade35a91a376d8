package ua.hromada.portal.api.table;

/** The formats {@link TableFiles} writes (reading tells them apart by the content). */
public enum TableFormat {
    CSV("text/csv", "csv"), XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx");

    private final String mediaType;
    private final String extension;

    TableFormat(String mediaType, String extension) {
        this.mediaType = mediaType;
        this.extension = extension;
    }

    public String mediaType() {
        return mediaType;
    }

    /** The file name's extension, without the dot. */
    public String extension() {
        return extension;
    }
}
