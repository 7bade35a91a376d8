package ua.hromada.gis.ui.view;

import java.util.Locale;

/**
 * The scale bar of a Web Mercator view: metres per CSS pixel at a latitude and zoom, and the
 * longest round distance (1, 2 or 5 × 10ⁿ metres) that fits in the bar's maximum width.
 *
 * @param metres the distance the bar stands for
 * @param pixels the bar's width in CSS pixels for that distance
 */
public record ScaleBar(long metres, double pixels) {

    /** The Web Mercator ground resolution at the equator at zoom 0, metres per 256-pixel-tile pixel. */
    static final double EQUATOR_RESOLUTION = 2 * Math.PI * 6_378_137 / 256;

    public static double metresPerPixel(double latitude, int zoom) {
        return EQUATOR_RESOLUTION * Math.cos(Math.toRadians(latitude)) / Math.pow(2, zoom);
    }

    /** The bar for a view, at most {@code maxPixels} wide. */
    public static ScaleBar of(double latitude, int zoom, double maxPixels) {
        double perPixel = metresPerPixel(latitude, zoom);
        double most = perPixel * maxPixels;
        long step = 1;
        while (step * 10 <= most) {
            step *= 10;
        }
        long metres = step * 5 <= most ? step * 5 : step * 2 <= most ? step * 2 : step;
        return new ScaleBar(metres, metres / perPixel);
    }

    /** «500 м» or «2 км» ({@code unitMetres}, {@code unitKilometres}: the reader's unit words). */
    public String label(String unitMetres, String unitKilometres) {
        return metres >= 1000 ? metres / 1000 + " " + unitKilometres : metres + " " + unitMetres;
    }

    /**
     * The map's scale as a ratio at print size: a CSS pixel is 1/96 inch (0.2645833 mm) on paper,
     * rounded to two significant digits, e.g. {@code 1 : 18 000}.
     */
    public static String ratio(double latitude, int zoom) {
        double denominator = metresPerPixel(latitude, zoom) / (0.0254 / 96);
        double magnitude = Math.pow(10, Math.floor(Math.log10(denominator)) - 1);
        long rounded = Math.round(denominator / magnitude) * (long) magnitude;
        return "1 : " + String.format(Locale.ROOT, "%,d", rounded).replace(',', '\u00a0');
    }
}
