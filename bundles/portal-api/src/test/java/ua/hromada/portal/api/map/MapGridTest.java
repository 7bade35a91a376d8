package ua.hromada.portal.api.map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

class MapGridTest {

    record Item(int n, double lat, double lon) {
    }

    private static List<Item> items(int count) {
        Random random = new Random(7);
        List<Item> result = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            result.add(new Item(i, 49.55 + random.nextDouble() * 0.08, 34.48 + random.nextDouble() * 0.14));
        }
        return result;
    }

    private static List<MapFeature> aggregate(List<Item> items, BoundingBox box, int zoom) {
        return MapGrid.aggregate(items, box, zoom, Item::lat, Item::lon,
                i -> MapFeature.point("i" + i.n(), i.lat(), i.lon(), null, null, null, null));
    }

    @Test
    void cellsHalveWithEveryZoomLevel() {
        assertEquals(90.0, MapGrid.cellSize(0));
        assertEquals(MapGrid.cellSize(12) / 2, MapGrid.cellSize(13));
        assertEquals(MapGrid.cellSize(24), MapGrid.cellSize(30), "clamped");
        assertEquals(MapGrid.cellSize(0), MapGrid.cellSize(-1), "clamped");
    }

    @Test
    void clustersCountEveryItemInTheBoxOnce() {
        List<Item> all = items(50_000);
        BoundingBox everything = new BoundingBox(49, 34, 50, 35);
        List<MapFeature> city = aggregate(all, everything, 13);
        assertEquals(50_000, city.stream().mapToInt(MapFeature::count).sum());
        assertTrue(city.size() < 300, "a city view is a few hundred clusters, not 50 000 markers: " + city.size());
        assertTrue(city.stream().allMatch(MapFeature::isCluster));

        BoundingBox quarter = new BoundingBox(49.55, 34.48, 49.59, 34.55);
        long inside = all.stream().filter(i -> quarter.contains(i.lat(), i.lon())).count();
        assertEquals(inside, aggregate(all, quarter, 13).stream().mapToInt(MapFeature::count).sum());
    }

    @Test
    void clusterSitsAtTheMeanOfItsItems() {
        List<Item> two = List.of(new Item(1, 49.581, 34.551), new Item(2, 49.583, 34.553));
        List<MapFeature> features = aggregate(two, new BoundingBox(49, 34, 50, 35), 10);
        assertEquals(1, features.size());
        assertEquals(2, features.get(0).count());
        assertEquals(49.582, features.get(0).lat(), 1e-9);
        assertEquals(34.552, features.get(0).lon(), 1e-9);
    }

    @Test
    void loneItemsAndStreetLevelArePoints() {
        List<Item> far = List.of(new Item(1, 49.1, 34.1), new Item(2, 49.9, 34.9));
        List<MapFeature> features = aggregate(far, new BoundingBox(49, 34, 50, 35), 10);
        assertEquals(2, features.size());
        assertTrue(features.stream().noneMatch(MapFeature::isCluster));

        List<Item> all = items(50_000);
        BoundingBox street = new BoundingBox(49.588, 34.550, 49.590, 34.553);
        List<MapFeature> points = aggregate(all, street, MapGrid.POINTS_FROM_ZOOM);
        assertTrue(points.size() > 0);
        assertTrue(points.stream().allMatch(f -> !f.isCluster() && street.contains(f.position())));
    }
}
