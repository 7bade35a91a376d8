package ua.hromada.portal.api.map;

/** One line of a map legend: a colour swatch and its (already translated) label. */
public record LegendEntry(String color, String label) {

    public LegendEntry {
        if (color == null || color.isBlank()) {
            throw new IllegalArgumentException("legend colour is required");
        }
        CssColors.check(color);
        if (label == null) {
            throw new IllegalArgumentException("legend label is required");
        }
    }
}
