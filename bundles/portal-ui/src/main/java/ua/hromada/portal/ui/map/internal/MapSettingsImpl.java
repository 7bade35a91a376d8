package ua.hromada.portal.ui.map.internal;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import ua.hromada.portal.api.community.Communities;
import ua.hromada.portal.api.community.Community;
import ua.hromada.portal.api.map.BoundingBox;
import ua.hromada.portal.api.map.GeoPoint;
import ua.hromada.portal.api.map.MapSettings;

/**
 * The base map of the community of the running work: its overlay ({@code ua.hromada.portal.map/<key>}
 * of the community) first, then etc/ua.hromada.portal.map.cfg. Defaults are neutral (OpenStreetMap,
 * the whole of Ukraine); a wrong value is logged with its key and replaced by the default, so a
 * typo never takes the maps of every module down.
 */
@Component(service = MapSettings.class, configurationPid = MapConfig.PID)
@Designate(ocd = MapConfig.class)
public class MapSettingsImpl implements MapSettings {

    static final String PID = MapConfig.PID;
    static final String DEFAULT_TILE_URL = "https://tile.openstreetmap.org/{z}/{x}/{y}.png";
    static final String DEFAULT_ATTRIBUTION = "© OpenStreetMap contributors";
    static final GeoPoint DEFAULT_CENTER = new GeoPoint(48.3794, 31.1656);
    static final int DEFAULT_ZOOM = 6;
    static final int DEFAULT_MAX_ZOOM = 19;
    /** Leaflet and the common tile servers stop here. */
    static final int ZOOM_LIMIT = 22;

    private static final Logger LOG = LoggerFactory.getLogger(MapSettingsImpl.class);

    private final Communities communities;
    private volatile MapConfig config;
    /** One community's values, read (and a wrong value logged) once per overlay and file. */
    private final Map<String, Read> byCommunity = new ConcurrentHashMap<>();

    private record Read(MapConfig config, Community community, Values values) {
    }

    /** bounds is null when the map may show the whole world. */
    private record Values(String tileUrl, String attribution, GeoPoint center, int zoom, int maxZoom,
                          BoundingBox bounds) {
    }

    @Activate
    public MapSettingsImpl(@Reference Communities communities, MapConfig config) {
        this.communities = communities;
        this.config = config;
    }

    @Modified
    void modified(MapConfig config) {
        this.config = config;
        byCommunity.clear();
    }

    private Values values() {
        Community community = communities.current();
        MapConfig shared = config;
        Read read = byCommunity.get(community.id());
        if (read == null || read.config() != shared || !read.community().equals(community)) {
            String source = Communities.DEFAULT.equals(community.id()) ? PID : PID + " (community " + community.id() + ")";
            Function<String, String> file = keys(shared);
            read = new Read(shared, community,
                    read(key -> community.setting(PID, key).orElseGet(() -> file.apply(key)), source));
            byCommunity.put(community.id(), read);
        }
        return read.values();
    }

    /** The file's values by their keys in it. */
    static Function<String, String> keys(MapConfig p) {
        return key -> switch (key) {
            case "tile.url" -> p.tile_url();
            case "attribution" -> p.attribution();
            case "center.lat" -> p.center_lat();
            case "center.lon" -> p.center_lon();
            case "zoom" -> p.zoom();
            case "maxZoom" -> p.maxZoom();
            case "bounds" -> p.bounds();
            default -> throw new IllegalArgumentException(key);
        };
    }

    /**
     * @param p      a key's value (the community's, else the file's)
     * @param source what the log names as the value's origin
     */
    static Values read(Function<String, String> p, String source) {
        String tileUrl = text(p.apply("tile.url"), DEFAULT_TILE_URL);
        String lower = tileUrl.toLowerCase(Locale.ROOT);
        if (!(lower.startsWith("https://") || lower.startsWith("http://") || lower.startsWith("/"))
                || !tileUrl.contains("{z}") || !tileUrl.contains("{x}") || !tileUrl.contains("{y}")) {
            LOG.error("{}: tile.url '{}' must be an http(s) URL or a path with {{z}}, {{x}} and {{y}}; using {}",
                    source, tileUrl, DEFAULT_TILE_URL);
            tileUrl = DEFAULT_TILE_URL;
        }
        String attribution = text(p.apply("attribution"), DEFAULT_ATTRIBUTION);
        int maxZoom = integer(p.apply("maxZoom"), "maxZoom", DEFAULT_MAX_ZOOM, 1, ZOOM_LIMIT, source);
        int zoom = integer(p.apply("zoom"), "zoom", Math.min(DEFAULT_ZOOM, maxZoom), 0, maxZoom, source);
        double lat = number(p.apply("center.lat"), "center.lat", DEFAULT_CENTER.lat(), -90, 90, false, source);
        double lon = number(p.apply("center.lon"), "center.lon", DEFAULT_CENTER.lon(), -180, 180, false, source);
        GeoPoint center = new GeoPoint(lat, lon);
        return new Values(tileUrl, attribution, center, zoom, maxZoom, bounds(p.apply("bounds"), center, source));
    }

    /**
     * {@code bounds = south,west,north,east}: the area a map can be panned within. A wrong value
     * is logged and ignored (the map is not limited), so a typo never hides the community's map.
     * A centre outside the box is refused too: Leaflet would jump away from the configured view.
     */
    static BoundingBox bounds(String value, GeoPoint center, String source) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String[] parts = value.split(",", -1);
        String problem = null;
        BoundingBox box = null;
        if (parts.length != 4) {
            problem = "must be four numbers south,west,north,east";
        } else {
            try {
                double south = Double.parseDouble(parts[0].trim());
                double west = Double.parseDouble(parts[1].trim());
                double north = Double.parseDouble(parts[2].trim());
                double east = Double.parseDouble(parts[3].trim());
                if (south >= north || west >= east) {
                    problem = "needs south < north and west < east (order: south,west,north,east)";
                } else {
                    box = new BoundingBox(south, west, north, east);
                }
            } catch (IllegalArgumentException e) {
                // NumberFormatException, or a latitude/longitude out of range from BoundingBox
                problem = "is not south,west,north,east in degrees (" + e.getMessage() + ")";
            }
        }
        if (box != null && !box.contains(center)) {
            problem = String.format(Locale.ROOT, "does not contain the centre %s,%s (center.lat, center.lon)",
                    center.lat(), center.lon());
            box = null;
        }
        if (problem != null) {
            LOG.error("{}: bounds = '{}' {}; the map is not limited to an area", source, value, problem);
        }
        return box;
    }

    private static String text(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value.trim();
    }

    private static int integer(String value, String key, int fallback, int min, int max, String source) {
        return (int) number(value, key, fallback, min, max, true, source);
    }

    private static double number(String value, String key, double fallback, double min, double max,
                                 boolean whole, String source) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            double d = Double.parseDouble(value.trim());
            if (d >= min && d <= max && (!whole || d == Math.rint(d))) {
                return d;
            }
        } catch (NumberFormatException e) {
            // reported below like an out-of-range value
        }
        LOG.error("{}: {} = '{}' is not a {} between {} and {}; using {}", source, key, value,
                whole ? "whole number" : "number", min, max, whole ? String.valueOf((int) fallback) : fallback);
        return fallback;
    }

    @Override
    public String tileUrl() {
        return values().tileUrl();
    }

    @Override
    public String attribution() {
        return values().attribution();
    }

    @Override
    public GeoPoint center() {
        return values().center();
    }

    @Override
    public int zoom() {
        return values().zoom();
    }

    @Override
    public int maxZoom() {
        return values().maxZoom();
    }

    @Override
    public Optional<BoundingBox> bounds() {
        return Optional.ofNullable(values().bounds());
    }
}
