package ua.hromada.gis.ogc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

/** The values of limit, offset, bbox and datetime, and the extent of every GeoJSON geometry type. */
class ParametersTest {

    private static final ZoneId KYIV = ZoneId.of("Europe/Kyiv");

    @Test
    void limitIsClampedAboveTheMaximumAndRefusedBelowOne() {
        assertEquals(10, ItemsRequest.limit(null));
        assertEquals(1, ItemsRequest.limit("1"));
        assertEquals(10000, ItemsRequest.limit("10000"));
        assertEquals(10000, ItemsRequest.limit("10001"));
        assertEquals(10000, ItemsRequest.limit("99999999999999999999999"));
        for (String bad : new String[] { "0", "-1", "", "1e3", "ten", "00" }) {
            assertEquals(400, assertThrows(OgcError.class, () -> ItemsRequest.limit(bad)).status(), bad);
        }
        assertEquals(0, ItemsRequest.offset(null));
        assertEquals(2147483647, ItemsRequest.offset("2147483647"));
        assertThrows(OgcError.class, () -> ItemsRequest.offset("2147483648"));
    }

    @Test
    void bboxIsFourNumbersInDegrees() {
        var box = ItemsRequest.bbox(" 34.5, 49.5 ,34.6,49.6");
        assertEquals(34.5, box.west());
        assertEquals(49.5, box.south());
        assertEquals(34.6, box.east());
        assertEquals(49.6, box.north());
        assertEquals("ogc.error.bbox.heights", assertThrows(OgcError.class,
                () -> ItemsRequest.bbox("34.5,49.5,0,34.6,49.6,10")).messageKey());
        assertEquals("ogc.error.bbox.antimeridian", assertThrows(OgcError.class,
                () -> ItemsRequest.bbox("179,0,-179,1")).messageKey());
        for (String bad : new String[] { "181,0,182,1", "0,-91,1,0", "Infinity,0,1,1", "1,2,3", "1,,3,4" }) {
            assertEquals("ogc.error.bbox", assertThrows(OgcError.class, () -> ItemsRequest.bbox(bad)).messageKey(), bad);
        }
    }

    @Test
    void datetimeIsADateOrAnInterval() {
        LocalDate may31 = LocalDate.of(2024, 5, 31);
        assertArrayEquals(new LocalDate[] { may31, may31 }, ItemsRequest.dates("2024-05-31", KYIV));
        // 21:30 UTC on 30 May is 00:30 on 31 May in Kyiv (summer time, UTC+3)
        assertArrayEquals(new LocalDate[] { may31, may31 }, ItemsRequest.dates("2024-05-30T21:30:00Z", KYIV));
        assertArrayEquals(new LocalDate[] { may31, may31 }, ItemsRequest.dates("2024-05-31t10:00:00+05:00", KYIV));
        assertArrayEquals(new LocalDate[] { null, may31 }, ItemsRequest.dates("../2024-05-31", KYIV));
        assertArrayEquals(new LocalDate[] { may31, null }, ItemsRequest.dates("2024-05-31/", KYIV));
        assertArrayEquals(new LocalDate[] { null, null }, ItemsRequest.dates("../..", KYIV));
        assertEquals("ogc.error.datetime.order", assertThrows(OgcError.class,
                () -> ItemsRequest.dates("2024-06-01/2024-05-31", KYIV)).messageKey());
        for (String bad : new String[] { "31.05.2024", "2024-05-31T10:00", "2024-02-30", "a/b" }) {
            assertEquals("ogc.error.datetime", assertThrows(OgcError.class, () -> ItemsRequest.dates(bad, KYIV))
                    .messageKey(), bad);
        }
    }

    @Test
    void extentCoversEveryPositionOfEveryGeometryType() {
        Extent e = new Extent();
        assertFalse(e.hasBox());
        e.addGeometry("{\"type\":\"Point\",\"coordinates\":[34.5,49.5]}");
        assertArrayEquals(new double[] { 34.5, 49.5, 34.5, 49.5 }, e.box());
        e.addGeometry("{\"type\":\"MultiPolygon\",\"coordinates\":[[[[30,50],[31,50],[31,51],[30,50]]],"
                + "[[[35,45,7],[36,45,7],[36,46.5,7],[35,45,7]]]]}");
        e.addGeometry("{\"type\":\"GeometryCollection\",\"geometries\":[{\"type\":\"LineString\","
                + "\"coordinates\":[[29.5,48],[29.6,48.1]]}]}");
        assertArrayEquals(new double[] { 29.5, 45, 36, 51 }, e.box());
        assertNull(e.first());
        e.addDate(LocalDate.of(2024, 5, 31));
        e.addDate(LocalDate.of(2020, 1, 1));
        e.addDate(null);
        assertEquals(LocalDate.of(2020, 1, 1), e.first());
        assertEquals(LocalDate.of(2024, 5, 31), e.last());
    }
}
