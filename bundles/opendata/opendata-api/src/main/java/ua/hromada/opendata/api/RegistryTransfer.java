package ua.hromada.opendata.api;

import java.io.OutputStream;
import java.util.List;

import ua.hromada.portal.api.PortalUser;

/**
 * Import of an existing registry from CSV or XLSX (preview with a per-row error report first,
 * nothing saved until confirmed) and export of everything to CSV or XLSX.
 */
@org.osgi.annotation.versioning.ProviderType
public interface RegistryTransfer {

    enum Format {
        CSV, XLSX
    }

    /** Largest import file accepted (etc/ua.hromada.opendata.cfg, import.max.size.mb). */
    long maxImportBytes();

    /** Reads the file and checks every row; saves nothing. */
    ImportPreview preview(PortalUser actor, String fileName, byte[] content);

    /** Saves the rows of a preview that have no errors (all or nothing for those rows). */
    ImportResult commit(PortalUser actor, ImportPreview preview);

    /**
     * Writes managers, datasets and resources: XLSX as one workbook with a sheet each, CSV as a ZIP
     * of managers.csv, datasets.csv and resources.csv (the import reads both back).
     */
    void export(PortalUser actor, Format format, OutputStream out);

    /** A file name for {@link #export}: "opendata-registry.xlsx" or "opendata-registry.zip". */
    default String exportFileName(Format format) {
        return format == Format.XLSX ? "opendata-registry.xlsx" : "opendata-registry.zip";
    }

    /**
     * @param rowNumber  1-based row of the file (the header is row 1)
     * @param errors     plain-Ukrainian reasons; empty = the row can be imported
     * @param created    true when the row creates a dataset, false when it updates one
     */
    record ImportRow(int rowNumber, String identifier, String title, String managerName, boolean created,
            List<String> errors) {
    }

    /**
     * @param token       identifies the parsed rows kept for {@link #commit}
     * @param newManagers data managers the commit will create (from the datasets' rows or the
     *                    managers table of the file), as "name (ЄДРПОУ code)"
     */
    record ImportPreview(String token, String fileName, List<ImportRow> rows, List<String> newManagers) {
        public ImportPreview {
            newManagers = newManagers == null ? List.of() : List.copyOf(newManagers);
        }

        public long valid() {
            return rows.stream().filter(r -> r.errors().isEmpty()).count();
        }
    }

    /**
     * @param unchanged       rows equal to what the registry holds (nothing written, no date moved)
     * @param managersCreated data managers created from the file
     */
    record ImportResult(int created, int updated, int skipped, int unchanged, int managersCreated) {
        public ImportResult(int created, int updated, int skipped) {
            this(created, updated, skipped, 0, 0);
        }
    }
}
