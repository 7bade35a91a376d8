package ua.hromada.portal.api.map;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

/**
 * Server-side clustering on a fixed world grid, so clusters stay put while the user pans. A SQL
 * source groups by {@code floor(lon / cellSize(zoom)), floor(lat / cellSize(zoom))}; small in-memory
 * sources can call {@link #aggregate}.
 */
public final class MapGrid {

    /** From this zoom on (street level) every item is drawn on its own. */
    public static final int POINTS_FROM_ZOOM = 17;

    private MapGrid() {
    }

    /** Side of a grid cell in degrees: about 64 screen pixels at the given zoom (a tile is 256 px). */
    public static double cellSize(int zoom) {
        int z = Math.max(0, Math.min(zoom, 24));
        return 360.0 / (1L << z) / 4;
    }

    /**
     * Clusters the items inside {@code bbox}: one {@link MapFeature#cluster} per grid cell at the
     * mean position of its items, a {@link MapFeature#point} (via {@code toPoint}) for cells holding
     * one item and for every item from {@link #POINTS_FROM_ZOOM} on.
     */
    public static <T> List<MapFeature> aggregate(Iterable<T> items, BoundingBox bbox, int zoom,
                                                 ToDoubleFunction<T> lat, ToDoubleFunction<T> lon,
                                                 Function<T, MapFeature> toPoint) {
        List<MapFeature> result = new ArrayList<>();
        if (zoom >= POINTS_FROM_ZOOM) {
            for (T item : items) {
                if (bbox.contains(lat.applyAsDouble(item), lon.applyAsDouble(item))) {
                    result.add(toPoint.apply(item));
                }
            }
            return result;
        }
        double size = cellSize(zoom);
        Map<Long, Cell<T>> cells = new HashMap<>();
        for (T item : items) {
            double la = lat.applyAsDouble(item);
            double lo = lon.applyAsDouble(item);
            if (!bbox.contains(la, lo)) {
                continue;
            }
            long key = (long) Math.floor(lo / size) * 1_000_003L + (long) Math.floor(la / size);
            cells.computeIfAbsent(key, k -> new Cell<>()).add(item, la, lo);
        }
        for (Cell<T> cell : cells.values()) {
            result.add(cell.count == 1 ? toPoint.apply(cell.first)
                    : MapFeature.cluster(cell.latSum / cell.count, cell.lonSum / cell.count, cell.count));
        }
        return result;
    }

    private static final class Cell<T> {
        T first;
        int count;
        double latSum;
        double lonSum;

        void add(T item, double lat, double lon) {
            if (count == 0) {
                first = item;
            }
            count++;
            latSum += lat;
            lonSum += lon;
        }
    }
}
