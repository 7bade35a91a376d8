package ua.hromada.portal.api.table;

import java.util.List;

/**
 * One line of a table file: its number as a spreadsheet shows it (the header is 1) and its cells as
 * text (numbers without a trailing ".0", formulas by their cached value; an absent cell is null).
 */
public record TableLine(int number, List<String> cells) {

    /** The cell, trimmed; null when absent or blank. */
    public String cell(int index) {
        String value = index >= 0 && index < cells.size() ? cells.get(index) : null;
        return value == null || value.isBlank() ? null : value.strip();
    }
}
