package ua.hromada.opendata.api;

import java.io.OutputStream;
import java.time.LocalDate;

import ua.hromada.portal.api.PortalUser;

/**
 * The analytical report for a date: scores, the compliance matrix, findings by rule and manager,
 * official requests, with charts — as PDF (or DOCX) plus an XLSX workbook of the same tables.
 */
@org.osgi.annotation.versioning.ProviderType
public interface AuditReports {

    enum Format {
        PDF, DOCX, XLSX
    }

    /** The report of the last run finished on or before {@code asOf}. */
    void write(PortalUser actor, LocalDate asOf, Format format, OutputStream out);
}
