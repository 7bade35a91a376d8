package ua.hromada.portal.ui.map;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import com.vaadin.flow.router.QueryParameters;

import ua.hromada.portal.api.map.GeoPoint;

/**
 * What a permalink keeps of a map: centre, zoom and the visible overlay layers. As URL query
 * parameters {@code lat}, {@code lon}, {@code z} and {@code layers} (ids, comma-separated), e.g.
 * {@code ?lat=49.58830&lon=34.55140&z=15&layers=gis.3,gis.7}.
 */
public record MapViewState(GeoPoint center, int zoom, List<String> visibleLayers) {

    public static final String LAT = "lat";
    public static final String LON = "lon";
    public static final String ZOOM = "z";
    public static final String LAYERS = "layers";

    public MapViewState {
        if (center == null) {
            throw new IllegalArgumentException("center is required");
        }
        if (zoom < 0 || zoom > 22) {
            throw new IllegalArgumentException("zoom must be 0 to 22, got " + zoom);
        }
        visibleLayers = List.copyOf(visibleLayers == null ? List.of() : new LinkedHashSet<>(visibleLayers));
    }

    /** The query parameters of a permalink (5 decimals: about a metre). */
    public QueryParameters toQueryParameters() {
        Map<String, List<String>> p = new LinkedHashMap<>();
        p.put(LAT, List.of(String.format(Locale.ROOT, "%.5f", center.lat())));
        p.put(LON, List.of(String.format(Locale.ROOT, "%.5f", center.lon())));
        p.put(ZOOM, List.of(String.valueOf(zoom)));
        p.put(LAYERS, List.of(String.join(",", visibleLayers)));
        return new QueryParameters(p);
    }

    /**
     * The state of a permalink; empty when lat, lon or z is missing or not a valid value (a
     * hand-edited link then simply opens the default view). {@code layers} absent = none named.
     */
    public static Optional<MapViewState> fromQueryParameters(QueryParameters parameters) {
        Map<String, List<String>> p = parameters.getParameters();
        try {
            double lat = Double.parseDouble(first(p, LAT));
            double lon = Double.parseDouble(first(p, LON));
            int zoom = Math.min(22, Integer.parseInt(first(p, ZOOM))); // the map clamps to its own maximum
            if (!Double.isFinite(lat) || !Double.isFinite(lon) || lon < -180 || lon > 180) {
                return Optional.empty();
            }
            List<String> layers = new ArrayList<>();
            String named = p.getOrDefault(LAYERS, List.of()).stream().findFirst().orElse("");
            for (String id : named.split(",")) {
                if (VectorLayer.ID.matcher(id).matches()) {
                    layers.add(id);
                }
            }
            return Optional.of(new MapViewState(new GeoPoint(lat, lon), zoom, layers));
        } catch (IllegalArgumentException | NullPointerException e) {
            // NumberFormatException or a value out of range: no state
            return Optional.empty();
        }
    }

    private static String first(Map<String, List<String>> p, String key) {
        List<String> values = p.get(key);
        return values == null || values.isEmpty() ? null : values.get(0).trim();
    }
}
