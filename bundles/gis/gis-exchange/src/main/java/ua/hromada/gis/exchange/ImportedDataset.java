package ua.hromada.gis.exchange;

import java.util.List;

/**
 * What a file holds.
 *
 * @param sourceSrid     the EPSG code of the file's coordinates; null when unknown (then
 *                       {@code fileErrors} asks the user to choose one)
 * @param attributeNames the attribute names found, in the file's order
 * @param rows           the features in file order
 * @param fileErrors     problems with the whole file (not readable, too large, unknown coordinate
 *                       system, ogr2ogr missing); nothing may be saved while there is one
 */
public record ImportedDataset(Integer sourceSrid, List<String> attributeNames, List<ImportedRow> rows,
                              List<ExchangeMessage> fileErrors) {
    public ImportedDataset {
        attributeNames = List.copyOf(attributeNames);
        rows = List.copyOf(rows);
        fileErrors = List.copyOf(fileErrors);
    }

    /** A file that could not be read at all. */
    public static ImportedDataset failed(ExchangeMessage error) {
        return new ImportedDataset(null, List.of(), List.of(), List.of(error));
    }

    /** True when the file and every row can be saved. */
    public boolean ok() {
        return fileErrors.isEmpty() && rows.stream().allMatch(ImportedRow::ok);
    }

    public long rowsWithErrors() {
        return rows.stream().filter(r -> !r.ok()).count();
    }
}
