package ua.hromada.crm.api;

import java.util.Locale;

import ua.hromada.portal.api.PortalUser;

/**
 * The case list as a file, for a spreadsheet: the cases the user may see that {@code query} matches,
 * newest first, as the list shows them (at most {@link #MAX_ROWS}). Formats are the CRM's pair,
 * {@link CardFileFormat}: CSV (UTF-8 with a BOM, ";"), or XLSX with dates as dates.
 */
public interface CaseExport {
    /** Rows one file holds: a narrower filter gives the rest. */
    int MAX_ROWS = 10_000;

    /** The file's bytes; headers and statuses in {@code locale} (Ukrainian unless English is asked for). */
    byte[] export(PortalUser user, CaseQuery query, CardFileFormat format, Locale locale);
}
