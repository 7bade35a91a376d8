package ua.hromada.opendata.audit.rules;

import java.util.List;

/**
 * What one pass over an uploaded CSV file found.
 *
 * @param kind          what the first bytes say the file is (not TEXT: the rest is not filled)
 * @param encoding      "UTF-8", "Windows-1251" (a guess when not UTF-8) or "невідоме"
 * @param delimiter     the delimiter the file uses (comma when it has one column)
 * @param header        the first row's values
 * @param columns       cells of the first row
 * @param rows          data rows (without the header, blank lines skipped)
 * @param raggedLines   first lines whose cell count differs from the first row's (up to 5)
 * @param emptyColumns  1-based numbers of columns with no value in any data row
 */
public record CsvProfile(Sniff kind, boolean utf8, String encoding, char delimiter, boolean headerPresent,
        List<String> header, int columns, long rows, long raggedRows, List<Long> raggedLines,
        List<Integer> emptyColumns) {

    public boolean textual() {
        return kind == Sniff.TEXT || kind == Sniff.JSON || kind == Sniff.XML || kind == Sniff.EMPTY;
    }

    /** The column's name for explanations: its header, or its number. */
    public String columnName(int oneBased) {
        if (headerPresent && oneBased <= header.size() && !header.get(oneBased - 1).isBlank()) {
            return "«" + header.get(oneBased - 1) + "»";
        }
        return "№ " + oneBased;
    }
}
