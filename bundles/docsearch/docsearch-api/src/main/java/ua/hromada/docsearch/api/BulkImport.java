package ua.hromada.docsearch.api;

import java.io.InputStream;
import java.util.List;

/**
 * Imports a ZIP with files and a {@code metadata.csv} (one row per act: file name(s), kind,
 * number, date, title, issuing body, status, tags...). Each row is created on its own: a bad row
 * is reported and skipped, the others are saved.
 */
public interface BulkImport {

    ImportReport importZip(InputStream zip, LegalActSearch.Progress progress, String actor);

    record ImportReport(int rows, int created, int failed, List<RowResult> results) {
    }

    /** @param messageKey resource key of the reason when refused, with {@code detail} as its parameter */
    record RowResult(int row, String fileName, boolean ok, Long actId, String messageKey, String detail) {
    }
}
