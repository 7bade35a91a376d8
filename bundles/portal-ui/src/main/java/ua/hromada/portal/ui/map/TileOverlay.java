package ua.hromada.portal.ui.map;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A tiled image layer over the base map: XYZ tiles, a WMS (GetMap per 256 px tile, in Web
 * Mercator) or a WMTS. A WMTS becomes a tile URL template here, so it needs a Web Mercator tile
 * matrix set whose matrices are named by zoom level (GoogleMapsCompatible, optionally with a
 * prefix such as {@code EPSG:3857:}); other sets are not drawable by Leaflet.
 *
 * @param url         XYZ/WMTS: template with {z}, {x}, {y} ({s} for subdomains); WMS: the service URL;
 *                    http(s) or a portal path (a proxy)
 * @param wmsParams   WMS: layers, styles, format, transparent, version; empty otherwise
 * @param attribution plain text the provider requires; may be empty
 * @param maxZoom     1 to 22
 */
public record TileOverlay(String id, String title, Kind kind, String url, Map<String, String> wmsParams,
                          String attribution, boolean visible, double opacity, int zIndex, int maxZoom)
        implements OverlayLayer {

    public enum Kind {
        XYZ, WMS, WMTS
    }

    /** An http(s) URL or a path; no characters that would need escaping in HTML or CSS. */
    private static final Pattern URL = Pattern.compile("(https?://|/)[^\\s\"'<>\\\\`]*", Pattern.CASE_INSENSITIVE);

    public TileOverlay {
        VectorLayer.checkId(id);
        title = title == null ? id : title;
        if (kind == null) {
            throw new IllegalArgumentException("kind is required");
        }
        if (url == null || !URL.matcher(url).matches()) {
            throw new IllegalArgumentException("url must be an http(s) URL or a path, got \"" + url + "\"");
        }
        if (kind != Kind.WMS && !(url.contains("{z}") && url.contains("{x}") && url.contains("{y}"))) {
            throw new IllegalArgumentException("a " + kind + " url needs {z}, {x} and {y}, got \"" + url + "\"");
        }
        wmsParams = Map.copyOf(wmsParams == null ? Map.of() : wmsParams);
        if (kind == Kind.WMS && wmsParams.getOrDefault("layers", "").isBlank()) {
            throw new IllegalArgumentException("a WMS overlay needs layers");
        }
        attribution = attribution == null ? "" : attribution;
        VectorLayer.checkOpacity(opacity);
        VectorLayer.checkZIndex(zIndex);
        if (maxZoom < 1 || maxZoom > 22) {
            throw new IllegalArgumentException("maxZoom must be 1 to 22, got " + maxZoom);
        }
    }

    /** XYZ tiles: {@code https://…/{z}/{x}/{y}.png}. */
    public static TileOverlay xyz(String id, String title, String urlTemplate, String attribution) {
        return new TileOverlay(id, title, Kind.XYZ, urlTemplate, Map.of(), attribution, true, 1, 50, 19);
    }

    /**
     * A WMS drawn tile by tile.
     *
     * @param layers      comma-separated layer names
     * @param format      e.g. {@code image/png}; null = image/png
     * @param transparent true for an overlay (PNG with transparency)
     * @param version     {@code 1.1.1} or {@code 1.3.0}; null = 1.3.0
     */
    public static TileOverlay wms(String id, String title, String serviceUrl, String layers, String format,
                                  boolean transparent, String version, String attribution) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("layers", layers == null ? "" : layers);
        params.put("styles", "");
        params.put("format", format == null ? "image/png" : format);
        params.put("transparent", String.valueOf(transparent));
        params.put("version", version == null ? "1.3.0" : version);
        if (!params.get("version").matches("1\\.(1\\.1|3\\.0)")) {
            throw new IllegalArgumentException("WMS version must be 1.1.1 or 1.3.0, got " + version);
        }
        return new TileOverlay(id, title, Kind.WMS, serviceUrl, params, attribution, true, 1, 50, 19);
    }

    /**
     * A WMTS by key-value pairs (GetTile on the service URL).
     *
     * @param matrixPrefix text before the zoom level in the matrix identifier (e.g. {@code EPSG:3857:}); null = none
     */
    public static TileOverlay wmtsKvp(String id, String title, String serviceUrl, String layer, String style,
                                      String tileMatrixSet, String matrixPrefix, String format, String attribution) {
        if (serviceUrl == null || layer == null || tileMatrixSet == null) {
            throw new IllegalArgumentException("a WMTS needs the service URL, a layer and a tile matrix set");
        }
        String url = serviceUrl + (serviceUrl.contains("?") ? (serviceUrl.endsWith("?") || serviceUrl.endsWith("&") ? "" : "&") : "?")
                + "SERVICE=WMTS&REQUEST=GetTile&VERSION=1.0.0&LAYER=" + enc(layer) + "&STYLE=" + enc(style == null ? "default" : style)
                + "&TILEMATRIXSET=" + enc(tileMatrixSet) + "&FORMAT=" + enc(format == null ? "image/png" : format)
                + "&TILEMATRIX=" + enc(matrixPrefix == null ? "" : matrixPrefix) + "{z}&TILEROW={y}&TILECOL={x}";
        return new TileOverlay(id, title, Kind.WMTS, url, Map.of(), attribution, true, 1, 50, 19);
    }

    /**
     * A WMTS by its RESTful ResourceURL template, e.g.
     * {@code https://…/{Style}/{TileMatrixSet}/{TileMatrix}/{TileRow}/{TileCol}.png}.
     */
    public static TileOverlay wmtsRest(String id, String title, String template, String style, String tileMatrixSet,
                                       String matrixPrefix, String attribution) {
        if (template == null || !template.contains("{TileMatrix}") || !template.contains("{TileRow}")
                || !template.contains("{TileCol}")) {
            throw new IllegalArgumentException("a WMTS template needs {TileMatrix}, {TileRow} and {TileCol}, got \"" + template + "\"");
        }
        String url = template.replace("{Style}", style == null ? "default" : style)
                .replace("{style}", style == null ? "default" : style)
                .replace("{TileMatrixSet}", tileMatrixSet == null ? "" : tileMatrixSet)
                .replace("{TileMatrix}", (matrixPrefix == null ? "" : matrixPrefix) + "{z}")
                .replace("{TileRow}", "{y}").replace("{TileCol}", "{x}");
        return new TileOverlay(id, title, Kind.WMTS, url, Map.of(), attribution, true, 1, 50, 19);
    }

    public TileOverlay withVisible(boolean value) {
        return new TileOverlay(id, title, kind, url, wmsParams, attribution, value, opacity, zIndex, maxZoom);
    }

    public TileOverlay withOpacity(double value) {
        return new TileOverlay(id, title, kind, url, wmsParams, attribution, visible, value, zIndex, maxZoom);
    }

    public TileOverlay withZIndex(int value) {
        return new TileOverlay(id, title, kind, url, wmsParams, attribution, visible, opacity, value, maxZoom);
    }

    public TileOverlay withMaxZoom(int value) {
        return new TileOverlay(id, title, kind, url, wmsParams, attribution, visible, opacity, zIndex, value);
    }

    private static String enc(String value) {
        // only the values are encoded (the template keeps its {z}); ':' is legal in a query and
        // common in tile matrix set names (EPSG:3857)
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20").replace("%3A", ":");
    }
}
