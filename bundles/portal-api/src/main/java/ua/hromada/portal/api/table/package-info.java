/**
 * The portal's one way to read and write a table file a person exchanges with a module (an import
 * to preview, an export to edit in a spreadsheet program): {@link TableFiles} reads a CSV or the
 * first sheet of an XLSX workbook as {@link TableLine}s, bounded, and writes a header and rows as
 * either {@link TableFormat}; a file that is no table is an {@link UnreadableTableException}. The
 * module keeps its own columns, checks and messages. A package of its own so that adding it leaves
 * every other package's version as it is.
 *
 * <p>Semantically versioned (docs/api-versioning.md).
 */
@Export
@Version("1.0.0")
package ua.hromada.portal.api.table;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
