package ua.hromada.portal.api.table;

import java.util.List;

/**
 * Reads and writes the table files of imports and exports (implemented by the {@code portal-tables}
 * bundle, which embeds the CSV and XLSX libraries so that modules do not).
 *
 * <p>Reading: a file starting with a ZIP header is an XLSX workbook, its first sheet read (refused
 * when its parts unpack to more than the implementation's bound, 50 MiB: a few packed megabytes
 * must not become gigabytes in memory); anything else is CSV text in UTF-8 (a BOM dropped, not
 * UTF-8 refused) with ";" or "," between cells, whichever the header line has more of (";" on a
 * tie). Blank lines are left out; each line keeps its number as a spreadsheet shows it.
 *
 * <p>Writing: CSV with a BOM (so spreadsheet programs read Cyrillic as UTF-8) and ";" between cells,
 * as they expect in Ukraine; XLSX with one sheet, the header in bold.
 */
@org.osgi.annotation.versioning.ProviderType
public interface TableFiles {

    /**
     * The lines of the file, the header first. Reading stops after {@code maxRows} + 1 rows below the
     * header, so a caller tells a file that has too many by {@code lines.size() > maxRows + 1}.
     *
     * @throws UnreadableTableException the file is not a CSV or XLSX table
     */
    List<TableLine> read(byte[] content, int maxRows) throws UnreadableTableException;

    /**
     * The header and rows as a file of the format; a null cell is left empty.
     *
     * @param sheetName the XLSX sheet's name (not used for CSV)
     */
    byte[] write(TableFormat format, String sheetName, List<String> header, List<List<String>> rows);
}
