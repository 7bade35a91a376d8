package ua.hromada.gis.proxy;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import ua.hromada.gis.api.ExternalLayer;
import ua.hromada.gis.api.ExternalLayerKind;

/**
 * The one address of the registered service a proxy request may reach. The registry gives the
 * host, the path and the layers; the client gives only what a map needs — tile numbers, or for a
 * WMS a view (box, size, coordinate system) and some of the registered layers — each checked and
 * written anew, so nothing the client sends reaches the service as it was sent (no open proxy).
 */
final class UpstreamAddress {

    static final int MAX_IMAGE_SIDE = 4096;
    private static final Pattern CRS = Pattern.compile("(EPSG:\\d{1,6}|CRS:84)", Pattern.CASE_INSENSITIVE);
    private static final Pattern NUMBER = Pattern.compile("-?\\d{1,12}(\\.\\d{1,17})?([eE][-+]?\\d{1,3})?");
    private static final Pattern SIDE = Pattern.compile("\\d{1,4}");
    /** Raster formats of map services; SVG is no map image (it may carry script) and is refused. */
    private static final Pattern FORMAT = Pattern.compile(
            "image/(png8?|png; ?mode=[0-9a-z]{1,10}|jpeg|jpg|gif|webp|vnd\\.jpeg-png8?)", Pattern.CASE_INSENSITIVE);
    private static final Pattern WMTS_REST = Pattern.compile("\\{(TileMatrixSet|TileMatrix|TileRow|TileCol|Style|style)}");

    private UpstreamAddress() {
    }

    /** The service's address for this request; {@link ProxyError} 404 when the address does not fit the layer's kind. */
    static URI of(ExternalLayer layer, ProxyPath path, Map<String, String[]> query) {
        boolean wms = layer.kind() == ExternalLayerKind.WMS;
        if (wms == path.tile()) {
            throw ProxyError.notFound(wms ? "proxy.error.wmsAddress" : "proxy.error.tileAddress", layer.key());
        }
        String address = switch (layer.kind()) {
        case WMS -> wms(layer, lowerCaseNames(query));
        case WMTS -> wmts(layer, path);
        case XYZ -> xyz(layer, path);
        };
        URI uri = URI.create(address);
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
            // the registry checks its addresses; a row that slipped past is not followed anywhere
            throw ProxyError.badGateway("proxy.error.registeredAddress", layer.key());
        }
        return uri;
    }

    private static String wms(ExternalLayer layer, Map<String, String> q) {
        String request = q.getOrDefault("request", "GetMap");
        String version = q.getOrDefault("version", "1.3.0");
        if (!version.equals("1.3.0") && !version.equals("1.1.1")) {
            throw ProxyError.badRequest("proxy.error.version");
        }
        // the registered format is the administrator's choice; one the client names must be a raster image
        String format = q.getOrDefault("format", layer.format());
        if (format == null || q.containsKey("format") && !FORMAT.matcher(format).matches()) {
            throw ProxyError.badRequest("proxy.error.format");
        }
        Map<String, String> out = new LinkedHashMap<>();
        out.put("SERVICE", "WMS");
        out.put("VERSION", version);
        if (request.equalsIgnoreCase("GetMap")) {
            out.put("REQUEST", "GetMap");
            List<String> layers = layers(layer, q.get("layers"));
            out.put("LAYERS", String.join(",", layers));
            String style = layer.style() == null ? "" : layer.style();
            out.put("STYLES", String.join(",", Collections.nCopies(layers.size(), style)));
            out.put(version.equals("1.3.0") ? "CRS" : "SRS", crs(q));
            out.put("BBOX", bbox(q.get("bbox")));
            out.put("WIDTH", side(q.get("width"), "width"));
            out.put("HEIGHT", side(q.get("height"), "height"));
            out.put("FORMAT", format);
            if (q.containsKey("transparent")) {
                out.put("TRANSPARENT", bool(q.get("transparent")));
            }
        } else if (request.equalsIgnoreCase("GetLegendGraphic")) {
            out.put("REQUEST", "GetLegendGraphic");
            String name = q.containsKey("layer") ? q.get("layer") : layer.layerNames().get(0);
            if (!layer.layerNames().contains(name)) {
                throw ProxyError.badRequest("proxy.error.layer", name);
            }
            out.put("LAYER", name);
            if (layer.style() != null) {
                out.put("STYLE", layer.style());
            }
            out.put("FORMAT", format);
            if (version.equals("1.3.0")) {
                out.put("SLD_VERSION", "1.1.0");
            }
            if (q.containsKey("width")) {
                out.put("WIDTH", side(q.get("width"), "width"));
            }
            if (q.containsKey("height")) {
                out.put("HEIGHT", side(q.get("height"), "height"));
            }
            if (q.containsKey("scale")) {
                out.put("SCALE", number(q.get("scale"), "scale"));
            }
        } else {
            throw ProxyError.badRequest("proxy.error.request");
        }
        return withQuery(layer.url(), out);
    }

    /** The client's layers, each one registered, in its order; none named: all registered ones. */
    private static List<String> layers(ExternalLayer layer, String asked) {
        if (asked == null || asked.isBlank()) {
            return layer.layerNames();
        }
        List<String> names = new ArrayList<>();
        for (String name : asked.split(",", -1)) {
            if (!layer.layerNames().contains(name) || names.contains(name)) {
                throw ProxyError.badRequest("proxy.error.layer", name);
            }
            names.add(name);
        }
        return names;
    }

    private static String crs(Map<String, String> q) {
        String crs = q.containsKey("crs") ? q.get("crs") : q.get("srs");
        if (crs == null || !CRS.matcher(crs).matches()) {
            throw ProxyError.badRequest("proxy.error.crs");
        }
        return crs.toUpperCase(Locale.ROOT);
    }

    private static String bbox(String value) {
        String[] parts = value == null ? new String[0] : value.split(",", -1);
        if (parts.length != 4) {
            throw ProxyError.badRequest("proxy.error.bbox");
        }
        double[] v = new double[4];
        for (int i = 0; i < 4; i++) {
            v[i] = Double.parseDouble(number(parts[i].strip(), "bbox"));
            if (!Double.isFinite(v[i])) {
                throw ProxyError.badRequest("proxy.error.bbox");
            }
        }
        if (!(v[0] < v[2] && v[1] < v[3])) {
            throw ProxyError.badRequest("proxy.error.bbox");
        }
        // the numbers as the client wrote them: checked to be plain numbers, so no other text passes
        return String.join(",", parts[0].strip(), parts[1].strip(), parts[2].strip(), parts[3].strip());
    }

    private static String number(String value, String name) {
        if (value == null || !NUMBER.matcher(value).matches()) {
            throw ProxyError.badRequest(name.equals("bbox") ? "proxy.error.bbox" : "proxy.error.number", name);
        }
        return value;
    }

    private static String side(String value, String name) {
        int side = value != null && SIDE.matcher(value).matches() ? Integer.parseInt(value) : -1;
        if (side < 1 || side > MAX_IMAGE_SIDE) {
            throw ProxyError.badRequest("proxy.error.size", name, MAX_IMAGE_SIDE);
        }
        return Integer.toString(side);
    }

    private static String bool(String value) {
        if (value.equalsIgnoreCase("true")) {
            return "TRUE";
        }
        if (value.equalsIgnoreCase("false")) {
            return "FALSE";
        }
        throw ProxyError.badRequest("proxy.error.transparent");
    }

    /** A GetTile by key-value pairs, or the service's RESTful template when it was registered as one. */
    private static String wmts(ExternalLayer layer, ProxyPath p) {
        String style = layer.style() == null ? "default" : layer.style();
        String set = layer.tileMatrixSet();
        String matrix = matrixPrefix(set) + p.z();
        String url = layer.url().strip();
        if (WMTS_REST.matcher(url).find()) {
            return url.replace("{TileMatrixSet}", segment(set)).replace("{TileMatrix}", segment(matrix))
                    .replace("{TileRow}", Integer.toString(p.y())).replace("{TileCol}", Integer.toString(p.x()))
                    .replace("{Style}", segment(style)).replace("{style}", segment(style));
        }
        Map<String, String> out = new LinkedHashMap<>();
        out.put("SERVICE", "WMTS");
        out.put("REQUEST", "GetTile");
        out.put("VERSION", "1.0.0");
        out.put("LAYER", layer.layerNames().get(0));
        out.put("STYLE", style);
        out.put("TILEMATRIXSET", set);
        out.put("TILEMATRIX", matrix);
        out.put("TILEROW", Integer.toString(p.y()));
        out.put("TILECOL", Integer.toString(p.x()));
        out.put("FORMAT", layer.format());
        return withQuery(url, out);
    }

    /**
     * The text before the zoom level in a matrix's identifier: GeoWebCache names the matrices of its
     * {@code EPSG:3857} / {@code EPSG:900913} sets {@code EPSG:3857:0} …; other services number them.
     */
    static String matrixPrefix(String tileMatrixSet) {
        return tileMatrixSet != null && tileMatrixSet.matches("EPSG:\\d+") ? tileMatrixSet + ":" : "";
    }

    private static String xyz(ExternalLayer layer, ProxyPath p) {
        long flipped = (1L << p.z()) - 1 - p.y();
        return layer.url().strip().replace("{z}", Integer.toString(p.z())).replace("{x}", Integer.toString(p.x()))
                .replace("{y}", Integer.toString(p.y())).replace("{-y}", Long.toString(flipped)).replace("{s}", "a");
    }

    private static String withQuery(String url, Map<String, String> params) {
        StringBuilder b = new StringBuilder(url.strip());
        b.append(url.contains("?") ? (url.endsWith("?") || url.endsWith("&") ? "" : "&") : "?");
        boolean first = true;
        for (Map.Entry<String, String> e : params.entrySet()) {
            b.append(first ? "" : "&").append(e.getKey()).append('=').append(encode(e.getValue()));
            first = false;
        }
        return b.toString();
    }

    private static String encode(String value) {
        // ':', ',' and '/' stay readable (EPSG:3857, layer lists, image/png); all are legal in a query
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20").replace("%3A", ":")
                .replace("%2C", ",").replace("%2F", "/");
    }

    private static String segment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20").replace("%3A", ":");
    }

    /** Parameter names in lower case (WMS names are case-insensitive), the first value of each. */
    private static Map<String, String> lowerCaseNames(Map<String, String[]> query) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Map.Entry<String, String[]> e : query.entrySet()) {
            if (e.getValue().length > 0) {
                out.putIfAbsent(e.getKey().toLowerCase(Locale.ROOT), e.getValue()[0]);
            }
        }
        return out;
    }
}
