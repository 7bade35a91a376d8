package ua.hromada.eservices.api;

import ua.hromada.portal.api.table.TableFormat;

/**
 * The file formats the catalogue is imported from and exported to: the core's {@link TableFormat}s,
 * named by an enum of this API's own as they were before the core had them.
 */
public enum TransferFormat {
    CSV(TableFormat.CSV), XLSX(TableFormat.XLSX);

    private final TableFormat table;

    TransferFormat(TableFormat table) {
        this.table = table;
    }

    public String mediaType() {
        return table.mediaType();
    }

    public String extension() {
        return table.extension();
    }
}
