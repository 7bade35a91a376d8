package ua.hromada.gis.proxy;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the address after {@code /api/gis/proxy} asks for: {@code /{key}/wms} (a WMS layer's
 * GetMap or GetLegendGraphic) or {@code /{key}/{z}/{x}/{y}} (a WMTS or XYZ tile). Anything else is
 * not an address of the proxy (404); a tile outside its zoom level's grid is a bad request (400).
 *
 * @param tile false for the WMS address; z, x, y are then 0
 */
record ProxyPath(String key, boolean tile, int z, int x, int y) {

    /** The deepest zoom level a tile may have (Web Mercator grids stop well before). */
    static final int MAX_ZOOM = 24;

    /** A layer key as the registry allows it (lower-case letter first). */
    private static final Pattern WMS = Pattern.compile("/([a-z][a-z0-9_-]{0,59})/wms");
    /** Numbers of up to nine digits: they fit an int, and a wrong one is a 400, not a 404. */
    private static final Pattern TILE = Pattern.compile("/([a-z][a-z0-9_-]{0,59})/(\\d{1,9})/(\\d{1,9})/(\\d{1,9})");

    /** The path's meaning, or a 404 (no such address) / 400 (tile outside the grid). */
    static ProxyPath parse(String pathInfo) {
        if (pathInfo != null) {
            Matcher wms = WMS.matcher(pathInfo);
            if (wms.matches()) {
                return new ProxyPath(wms.group(1), false, 0, 0, 0);
            }
            Matcher tile = TILE.matcher(pathInfo);
            if (tile.matches()) {
                int z = Integer.parseInt(tile.group(2));
                int x = Integer.parseInt(tile.group(3));
                int y = Integer.parseInt(tile.group(4));
                if (z > MAX_ZOOM) {
                    throw ProxyError.badRequest("proxy.error.zoom", MAX_ZOOM);
                }
                long size = 1L << z;
                if (x >= size || y >= size) {
                    throw ProxyError.badRequest("proxy.error.tile", z, size - 1);
                }
                return new ProxyPath(tile.group(1), true, z, x, y);
            }
        }
        throw ProxyError.notFound("proxy.error.address");
    }
}
