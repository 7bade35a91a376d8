package ua.hromada.portal.api.map;

/**
 * One line of a map legend: a swatch and its (already translated) label. The swatch looks like
 * what the map draws: a filled dot in the colour, or for {@link Symbol#RING} the ring the map
 * puts around highlighted points ({@link MapFeature#highlighted()}, e.g. overdue) in that colour.
 */
public record LegendEntry(String color, String label, Symbol symbol) {

    /** How the swatch is drawn. */
    public enum Symbol {
        /** A filled dot: a point of this colour. */
        DOT,
        /** A ring around a neutral dot: the mark of highlighted points, whatever their colour. */
        RING
    }

    /** Colour of the ring the map draws around highlighted points. */
    public static final String HIGHLIGHT_RING_COLOR = "#d32f2f";

    public LegendEntry {
        if (color == null || color.isBlank()) {
            throw new IllegalArgumentException("legend colour is required");
        }
        CssColors.check(color);
        if (label == null) {
            throw new IllegalArgumentException("legend label is required");
        }
        symbol = symbol == null ? Symbol.DOT : symbol;
    }

    /** A filled dot of this colour. */
    public LegendEntry(String color, String label) {
        this(color, label, Symbol.DOT);
    }

    /** The entry for highlighted points: the map's ring, as drawn. */
    public static LegendEntry highlighted(String label) {
        return new LegendEntry(HIGHLIGHT_RING_COLOR, label, Symbol.RING);
    }
}
