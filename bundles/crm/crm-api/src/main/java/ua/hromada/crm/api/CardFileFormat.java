package ua.hromada.crm.api;

import ua.hromada.portal.api.table.TableFormat;

/**
 * The file formats the service cards are imported from and exported to: the core's {@link TableFormat}s,
 * named by an enum of this API's own as they were before the core had them.
 */
public enum CardFileFormat {
    CSV(TableFormat.CSV), XLSX(TableFormat.XLSX);

    private final TableFormat table;

    CardFileFormat(TableFormat table) {
        this.table = table;
    }

    public String mediaType() {
        return table.mediaType();
    }

    public String extension() {
        return table.extension();
    }
}
