package ua.hromada.portal.api.map;

import java.util.List;

/**
 * One thing drawn on a map: a point (count 1) or a cluster aggregated by the server (count &gt; 1,
 * no id; a click on it zooms in).
 *
 * @param id          the feature's key, passed back to feature-click listeners; null for clusters
 * @param color       CSS colour ({@code #rgb}, {@code #rrggbb}, {@code #rrggbbaa} or a colour name); null = default
 * @param title       first line of the popup (points); null for none
 * @param popupLines  further popup lines, plain text
 * @param href        portal route the popup's "open" link navigates to (e.g. {@code oks/violations/17}); null for none
 * @param highlighted drawn with a distinct ring (e.g. overdue)
 */
public record MapFeature(String id, double lat, double lon, int count, String color, String title,
                         List<String> popupLines, String href, boolean highlighted) {

    public MapFeature {
        GeoPoint.checkLat(lat, "lat");
        GeoPoint.checkLon(lon, "lon");
        if (count < 1) {
            throw new IllegalArgumentException("count must be at least 1, got " + count);
        }
        if (count == 1 && (id == null || id.isBlank())) {
            throw new IllegalArgumentException("a point needs an id");
        }
        CssColors.check(color);
        if (href != null && (href.contains(":") || href.startsWith("//"))) {
            // popups navigate inside the portal only; no external or javascript: links
            throw new IllegalArgumentException("href must be a portal route such as oks/violations/17, got \"" + href + "\"");
        }
        popupLines = popupLines == null ? List.of() : List.copyOf(popupLines);
    }

    /** A single item with a popup. */
    public static MapFeature point(String id, double lat, double lon, String color, String title,
                                   List<String> popupLines, String href, boolean highlighted) {
        return new MapFeature(id, lat, lon, 1, color, title, popupLines, href, highlighted);
    }

    /** A single item with a popup, not highlighted. */
    public static MapFeature point(String id, double lat, double lon, String color, String title,
                                   List<String> popupLines, String href) {
        return point(id, lat, lon, color, title, popupLines, href, false);
    }

    /**
     * Several items aggregated by the server around (lat, lon), usually their mean position.
     * A cell holding one item should be sent as a {@link #point} instead.
     */
    public static MapFeature cluster(double lat, double lon, int count) {
        if (count < 2) {
            throw new IllegalArgumentException("a cluster holds at least 2 items, got " + count + "; send a point instead");
        }
        return new MapFeature(null, lat, lon, count, null, null, List.of(), null, false);
    }

    public boolean isCluster() {
        return count > 1;
    }

    public GeoPoint position() {
        return new GeoPoint(lat, lon);
    }
}
