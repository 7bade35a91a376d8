package ua.hromada.gis.ui.view;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import com.vaadin.flow.router.QueryParameters;

import ua.hromada.portal.ui.map.MapViewState;

/**
 * What the print page prints: the view of a permalink, the paper (A4 or A3, landscape or portrait)
 * and a title. The page is laid out in millimetres for the browser's print (CSS {@code @page}), so
 * the map, title, scale bar and legend fill one sheet.
 *
 * @param title shown over the map; blank = the default the page chooses
 */
public record PrintOptions(Paper paper, boolean landscape, String title) {

    public static final String PAPER = "paper";
    public static final String ORIENTATION = "orientation";
    public static final String TITLE = "title";
    static final int MAX_TITLE = 200;
    /** The page margin on every side, millimetres. */
    static final int MARGIN_MM = 10;
    /** Title, scale bar and legend under and over the map, millimetres. */
    static final int FURNITURE_MM = 45;

    /** ISO 216 sheets, portrait width × height in millimetres. */
    public enum Paper {
        A4(210, 297), A3(297, 420);

        final int width;
        final int height;

        Paper(int width, int height) {
            this.width = width;
            this.height = height;
        }
    }

    public PrintOptions {
        paper = paper == null ? Paper.A4 : paper;
        title = title == null ? "" : title.strip();
        if (title.length() > MAX_TITLE) {
            title = title.substring(0, MAX_TITLE);
        }
    }

    /** The page's width in millimetres. */
    public int pageWidthMm() {
        return landscape ? paper.height : paper.width;
    }

    public int pageHeightMm() {
        return landscape ? paper.width : paper.height;
    }

    /** The map's box on the sheet: the printable width, the height left by the title, scale bar and legend. */
    public int mapWidthMm() {
        return pageWidthMm() - 2 * MARGIN_MM;
    }

    public int mapHeightMm() {
        return pageHeightMm() - 2 * MARGIN_MM - FURNITURE_MM;
    }

    /** The CSS {@code @page} size, e.g. {@code A4 landscape}. */
    public String cssPageSize() {
        return paper.name() + (landscape ? " landscape" : " portrait");
    }

    /** The print page's address for this view. */
    public String location(MapViewState view) {
        Map<String, List<String>> p = new LinkedHashMap<>(view.toQueryParameters().getParameters());
        p.put(PAPER, List.of(paper.name()));
        p.put(ORIENTATION, List.of(landscape ? "landscape" : "portrait"));
        if (!title.isEmpty()) {
            p.put(TITLE, List.of(title));
        }
        return ViewerPermalink.PRINT_ROUTE + "?" + new QueryParameters(p).getQueryString();
    }

    /** The options of a print page's address; unknown or missing values give A4 landscape. */
    public static PrintOptions from(QueryParameters parameters) {
        Map<String, List<String>> p = parameters.getParameters();
        Paper paper = first(p, PAPER).map(v -> v.toUpperCase(Locale.ROOT)).filter(v -> v.equals("A3")).map(v -> Paper.A3)
                .orElse(Paper.A4);
        boolean landscape = !first(p, ORIENTATION).filter("portrait"::equalsIgnoreCase).isPresent();
        return new PrintOptions(paper, landscape, first(p, TITLE).orElse(""));
    }

    private static Optional<String> first(Map<String, List<String>> p, String key) {
        return new ArrayList<>(p.getOrDefault(key, List.of())).stream().findFirst().map(String::strip);
    }
}
