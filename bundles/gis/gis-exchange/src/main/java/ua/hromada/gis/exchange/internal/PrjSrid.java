package ua.hromada.gis.exchange.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;

/**
 * The EPSG code of a Shapefile's {@code .prj} (WKT 1, as ESRI and GDAL write it). An EPSG
 * AUTHORITY of the whole definition wins; otherwise the datum and the projection's parameters are
 * matched: WGS 84 (geographic, UTM, Web Mercator) and UCS-2000 (geographic 5561, Gauss-Kruger and
 * Ukraine TM zones 5562–5583, 6381–6387). Other systems (Pulkovo 1942, SK-63) are not recognised:
 * the user then names the code.
 */
final class PrjSrid {
    private static final Map<String, Integer> UCS2000_TM = new HashMap<>();

    static {
        for (int zone = 4; zone <= 7; zone++) {
            // 6-degree Gauss-Kruger zones with the zone number in the false easting
            UCS2000_TM.put(key(6 * zone - 3, zone * 1_000_000 + 500_000), 5562 + zone - 4);
        }
        for (int zone = 7; zone <= 13; zone++) {
            int cm = 3 * zone;
            UCS2000_TM.put(key(cm, zone * 1_000_000 + 500_000), 5570 + zone - 7);
            // the deprecated 3-degree CM codes only where no current 6-degree CM code has the same parameters
            UCS2000_TM.put(key(cm, 500_000), 5577 + zone - 7);
            UCS2000_TM.put(key(cm, 300_000), 6381 + zone - 7);
        }
        for (int i = 0; i < 4; i++) {
            UCS2000_TM.put(key(21 + 6 * i, 500_000), 5566 + i);
        }
    }

    private PrjSrid() {
    }

    private static String key(double centralMeridian, double falseEasting) {
        return Math.round(centralMeridian * 1000) + "/" + Math.round(falseEasting);
    }

    static OptionalInt srid(String wkt) {
        Node root;
        try {
            root = new Parser(wkt).node();
        } catch (RuntimeException e) {
            return OptionalInt.empty();
        }
        Integer authority = root.epsg();
        if (authority != null) {
            return OptionalInt.of(authority);
        }
        String kw = root.keyword;
        if (kw.equals("GEOGCS")) {
            return switch (datum(root)) {
                case "WGS84" -> OptionalInt.of(4326);
                case "UCS2000" -> OptionalInt.of(5561);
                default -> OptionalInt.empty();
            };
        }
        if (!kw.equals("PROJCS")) {
            return OptionalInt.empty();
        }
        Node geog = root.child("GEOGCS");
        String datum = geog == null ? "" : datum(geog);
        String name = normal(root.name());
        Node projection = root.child("PROJECTION");
        String method = projection == null ? "" : normal(projection.name());
        if (datum.equals("WGS84") && (name.contains("webmercator") || name.contains("pseudomercator")
                || method.contains("auxiliarysphere") || method.contains("pseudomercator"))) {
            return OptionalInt.of(3857);
        }
        // ESRI writes Gauss-Kruger for the same projection
        if (!method.equals("transversemercator") && !method.equals("gausskruger")) {
            return OptionalInt.empty();
        }
        Map<String, Double> p = root.parameters();
        double cm = p.getOrDefault("centralmeridian", Double.NaN);
        double fe = p.getOrDefault("falseeasting", Double.NaN);
        double fn = p.getOrDefault("falsenorthing", 0.0);
        double k = p.getOrDefault("scalefactor", 1.0);
        double lat0 = p.getOrDefault("latitudeoforigin", 0.0);
        if (lat0 != 0) {
            return OptionalInt.empty();
        }
        if (datum.equals("UCS2000") && k == 1 && fn == 0) {
            Integer code = UCS2000_TM.get(key(cm, fe));
            if (code != null && code >= 5566 && code <= 5569 && name.contains("3degree")) {
                code = 5577 + (int) Math.round((cm - 21) / 3);
            }
            return code == null ? OptionalInt.empty() : OptionalInt.of(code);
        }
        if (datum.equals("WGS84") && Math.abs(k - 0.9996) < 1e-9 && fe == 500_000 && (cm + 183) % 6 == 0) {
            int zone = (int) ((cm + 183) / 6);
            if (zone >= 1 && zone <= 60 && (fn == 0 || fn == 10_000_000)) {
                return OptionalInt.of((fn == 0 ? 32600 : 32700) + zone);
            }
        }
        return OptionalInt.empty();
    }

    /** "WGS84", "UCS2000" or "" for a GEOGCS node. */
    private static String datum(Node geogcs) {
        Node datum = geogcs.child("DATUM");
        String names = normal(geogcs.name()) + "|" + (datum == null ? "" : normal(datum.name()));
        if (names.contains("ukraine2000") || names.contains("ucs2000")) {
            return "UCS2000";
        }
        if (names.contains("wgs1984") || names.contains("wgs84")) {
            return "WGS84";
        }
        return "";
    }

    private static String normal(String s) {
        return s == null ? "" : s.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    }

    private static final class Node {
        final String keyword;
        final List<Object> args = new ArrayList<>();

        Node(String keyword) {
            this.keyword = keyword;
        }

        String name() {
            return !args.isEmpty() && args.get(0) instanceof String s ? s : "";
        }

        Node child(String kw) {
            for (Object a : args) {
                if (a instanceof Node n && n.keyword.equals(kw)) {
                    return n;
                }
            }
            return null;
        }

        Integer epsg() {
            Node authority = child("AUTHORITY");
            if (authority == null || authority.args.size() < 2 || !"EPSG".equalsIgnoreCase(authority.name())) {
                return null;
            }
            Object code = authority.args.get(1);
            try {
                return code instanceof Double d ? Integer.valueOf(d.intValue()) : Integer.valueOf(code.toString().trim());
            } catch (NumberFormatException e) {
                return null;
            }
        }

        Map<String, Double> parameters() {
            Map<String, Double> out = new HashMap<>();
            for (Object a : args) {
                if (a instanceof Node n && n.keyword.equals("PARAMETER") && n.args.size() >= 2 && n.args.get(1) instanceof Double d) {
                    out.put(normal(n.name()), d);
                }
            }
            return out;
        }
    }

    /** WKT 1: KEYWORD[arg, ...] with quoted strings, numbers and nested nodes; ( ) work like [ ]. */
    private static final class Parser {
        private final String s;
        private int i;

        Parser(String s) {
            this.s = s.strip();
        }

        Node node() {
            int start = i;
            while (i < s.length() && (Character.isLetterOrDigit(s.charAt(i)) || s.charAt(i) == '_')) {
                i++;
            }
            Node n = new Node(s.substring(start, i).toUpperCase(Locale.ROOT));
            skipSpace();
            char open = s.charAt(i++);
            if (open != '[' && open != '(') {
                throw new IllegalArgumentException("WKT");
            }
            while (true) {
                skipSpace();
                char c = s.charAt(i);
                if (c == ']' || c == ')') {
                    i++;
                    return n;
                }
                if (c == ',') {
                    i++;
                    continue;
                }
                if (c == '"') {
                    int end = s.indexOf('"', i + 1);
                    n.args.add(s.substring(i + 1, end));
                    i = end + 1;
                } else if (Character.isLetter(c)) {
                    int save = i;
                    while (i < s.length() && (Character.isLetterOrDigit(s.charAt(i)) || s.charAt(i) == '_')) {
                        i++;
                    }
                    skipSpace();
                    if (i < s.length() && (s.charAt(i) == '[' || s.charAt(i) == '(')) {
                        i = save;
                        n.args.add(node());
                    } else {
                        n.args.add(s.substring(save, i).strip());
                    }
                } else {
                    int from = i;
                    while (i < s.length() && "+-.0123456789eE".indexOf(s.charAt(i)) >= 0) {
                        i++;
                    }
                    if (from == i) {
                        throw new IllegalArgumentException("WKT");
                    }
                    n.args.add(Double.valueOf(s.substring(from, i)));
                }
            }
        }

        private void skipSpace() {
            while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
                i++;
            }
        }
    }
}
