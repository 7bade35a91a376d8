package ua.hromada.docsearch.api;

import java.io.InputStream;
import java.util.List;

import ua.hromada.portal.api.PortalUser;
import ua.hromada.portal.api.jobs.JobProgress;

/**
 * Imports a ZIP with files and a {@code metadata.csv} (one row per act: file name(s), kind,
 * number, date, title, issuing body, status, tags...). Each row is created on its own: a bad row
 * is reported and skipped, the others are saved. A row whose act (kind, number and date) is
 * already registered is refused as a duplicate, so running the same archive again adds nothing.
 * One import runs at a time; a second one is refused with a {@link ValidationException}.
 */
@org.osgi.annotation.versioning.ProviderType
public interface BulkImport {

    /**
     * Reads the archive as a stream (its entries go to temporary files, never all into memory).
     * An archive over the limits of {@link #limits()} is refused as a whole with a
     * {@link ValidationException} before any row is saved. The user needs
     * {@link DocsearchPermissions#EDIT} (otherwise a {@link DocsearchException} with reason
     * FORBIDDEN before anything is read); each act's audit entry names the user.
     */
    ImportReport importZip(InputStream zip, JobProgress progress, PortalUser user);

    /** True while an import runs: one import at a time, a second is refused (see {@link #importZip}). */
    boolean running();

    /** The limits the import holds (configured in etc/ua.hromada.docsearch.cfg). */
    ImportLimits limits();

    /**
     * @param maxZipBytes largest archive accepted for upload
     * @param maxEntryBytes largest file inside it (uncompressed)
     * @param maxEntries most files inside it
     * @param maxTotalBytes most bytes of all files together (uncompressed)
     * @param maxRatio most uncompressed bytes per compressed byte of a file (ZIP bombs compress 1000:1)
     */
    record ImportLimits(long maxZipBytes, long maxEntryBytes, int maxEntries, long maxTotalBytes, int maxRatio) {
    }

    record ImportReport(int rows, int created, int failed, List<RowResult> results) {
    }

    /**
     * @param actId the act created, or — for a row refused as already registered — the act it
     *        duplicates
     * @param messageKey resource key of the reason when refused, with {@code args} as its parameters
     * @param detail the first parameter (kept for callers that show one)
     */
    record RowResult(int row, String fileName, boolean ok, Long actId, String messageKey, String detail,
            List<String> args) {

        public RowResult(int row, String fileName, boolean ok, Long actId, String messageKey, String detail) {
            this(row, fileName, ok, actId, messageKey, detail, detail == null ? List.of() : List.of(detail));
        }
    }
}
