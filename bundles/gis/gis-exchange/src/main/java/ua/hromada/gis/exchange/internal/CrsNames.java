package ua.hromada.gis.exchange.internal;

import java.util.Locale;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * EPSG codes from CRS names as GeoJSON's {@code crs} member, OGC URNs and URIs write them:
 * {@code urn:ogc:def:crs:EPSG::6385}, {@code EPSG:6385},
 * {@code http://www.opengis.net/def/crs/EPSG/0/6385}, and CRS84 (= WGS 84 in lon/lat order, 4326).
 */
final class CrsNames {
    private static final Pattern EPSG = Pattern.compile(
            "(?:urn:ogc:def:crs:epsg:[0-9.]*:|epsg:{1,2}|/def/crs/epsg/[0-9.]+/)(\\d{1,6})$");

    private CrsNames() {
    }

    static OptionalInt srid(String name) {
        if (name == null) {
            return OptionalInt.empty();
        }
        String n = name.trim().toLowerCase(Locale.ROOT);
        if (n.endsWith("crs84") || n.endsWith("/crs84") || n.equals("wgs84")) {
            return OptionalInt.of(DatasetBuilder.WGS84);
        }
        Matcher m = EPSG.matcher(n);
        return m.find() ? OptionalInt.of(Integer.parseInt(m.group(1))) : OptionalInt.empty();
    }
}
