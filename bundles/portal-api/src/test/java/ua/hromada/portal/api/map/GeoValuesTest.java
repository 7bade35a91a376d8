package ua.hromada.portal.api.map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class GeoValuesTest {

    @Test
    void pointsOutsideTheGlobeAreRefused() {
        new GeoPoint(90, 180);
        new GeoPoint(-90, -180);
        assertThrows(IllegalArgumentException.class, () -> new GeoPoint(90.0001, 0));
        assertThrows(IllegalArgumentException.class, () -> new GeoPoint(0, -180.5));
        IllegalArgumentException nan = assertThrows(IllegalArgumentException.class, () -> new GeoPoint(Double.NaN, 0));
        assertTrue(nan.getMessage().contains("lat"), nan.getMessage());
    }

    @Test
    void boxesKeepTheirSidesInOrder() {
        assertThrows(IllegalArgumentException.class, () -> new BoundingBox(50, 34, 49, 35));
        assertThrows(IllegalArgumentException.class, () -> new BoundingBox(49, 35, 50, 34));
        assertThrows(IllegalArgumentException.class, () -> new BoundingBox(-91, 0, 0, 1));
    }

    @Test
    void containsIncludesTheEdges() {
        BoundingBox poltava = new BoundingBox(49.55, 34.48, 49.63, 34.62);
        assertTrue(poltava.contains(new GeoPoint(49.5883, 34.5514)));
        assertTrue(poltava.contains(new GeoPoint(49.55, 34.48)));
        assertTrue(poltava.contains(new GeoPoint(49.63, 34.62)));
        assertFalse(poltava.contains(new GeoPoint(49.64, 34.55)));
        assertFalse(poltava.contains(new GeoPoint(49.60, 34.47)));
        assertEquals(new GeoPoint(49.59, 34.55), poltava.center());
    }

    @Test
    void parsesTheHttpOrderWestSouthEastNorth() {
        BoundingBox box = BoundingBox.parse(" 34.48, 49.55 ,34.62,49.63");
        assertEquals(new BoundingBox(49.55, 34.48, 49.63, 34.62), box);
        assertEquals(box, BoundingBox.parse(box.format()));
    }

    @Test
    void badBboxTextsGetMessagesThatSayWhatIsWrong() {
        assertMessage(null, "required");
        assertMessage("  ", "required");
        assertMessage("34.48,49.55,34.62", "four numbers");
        assertMessage("34.48,49.55,34.62,49.63,1", "four numbers");
        assertMessage("34.48,abc,34.62,49.63", "\"abc\" is not a number");
        assertMessage("34.48,49.55,34.62,", "\"\" is not a number");
        assertMessage("34.62,49.55,34.48,49.63", "west");
        assertMessage("34.48,91,34.62,92", "between -90 and 90");
    }

    private static void assertMessage(String text, String expected) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> BoundingBox.parse(text));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }

    @Test
    void pointsAndClustersAreDistinguishedByCount() {
        MapFeature point = MapFeature.point("17", 49.58, 34.55, "#e53935", "Порушення 17", java.util.List.of("Направлено"),
                "oks/violations/17", true);
        assertFalse(point.isCluster());
        assertEquals(1, point.count());
        assertTrue(point.highlighted());
        assertEquals(new GeoPoint(49.58, 34.55), point.position());
        MapFeature cluster = MapFeature.cluster(49.58, 34.55, 120);
        assertTrue(cluster.isCluster());
        assertEquals(null, cluster.id());
        assertEquals(java.util.List.of(), cluster.popupLines());
        assertThrows(IllegalArgumentException.class, () -> MapFeature.cluster(49.58, 34.55, 1));
    }

    @Test
    void featuresRefuseWhatTheMapCouldNotDrawSafely() {
        assertThrows(IllegalArgumentException.class, () -> MapFeature.point(null, 49, 34, null, null, null, null));
        assertThrows(IllegalArgumentException.class, () -> MapFeature.point("1", 95, 34, null, null, null, null));
        assertThrows(IllegalArgumentException.class, () -> MapFeature.point("1", 49, 34, "red;background:url(x)", null, null, null));
        assertThrows(IllegalArgumentException.class, () -> MapFeature.point("1", 49, 34, null, null, null, "javascript:alert(1)"));
        assertThrows(IllegalArgumentException.class, () -> MapFeature.point("1", 49, 34, null, null, null, "https://evil.example/"));
        assertThrows(IllegalArgumentException.class, () -> new MapFeature("1", 49, 34, 0, null, null, null, null, false));
        MapFeature ok = MapFeature.point("1", 49, 34, "#abc", null, null, "oks/violations/1");
        assertEquals(java.util.List.of(), ok.popupLines());
        assertEquals("#AABBCC80", MapFeature.point("1", 49, 34, "#AABBCC80", null, null, null).color());
    }

    @Test
    void popupLinesAreCopied() {
        java.util.List<String> lines = new java.util.ArrayList<>(java.util.List.of("a"));
        MapFeature f = MapFeature.point("1", 49, 34, "green", "t", lines, null);
        lines.add("b");
        assertEquals(java.util.List.of("a"), f.popupLines());
        assertThrows(UnsupportedOperationException.class, () -> f.popupLines().add("c"));
    }

    @Test
    void legendEntriesNeedAColourAndALabel() {
        assertEquals("Виконано", new LegendEntry("#43a047", "Виконано").label());
        assertThrows(IllegalArgumentException.class, () -> new LegendEntry(" ", "x"));
        assertThrows(IllegalArgumentException.class, () -> new LegendEntry("#43a047", null));
        assertThrows(IllegalArgumentException.class, () -> new LegendEntry("url(x)", "x"));
    }
}
