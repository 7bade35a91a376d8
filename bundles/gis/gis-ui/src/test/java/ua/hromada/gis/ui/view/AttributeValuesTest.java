package ua.hromada.gis.ui.view;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import ua.hromada.gis.api.AttributeType;

class AttributeValuesTest {

    @Test
    void storedValuesBecomeTheFieldsValuesAndBack() {
        assertEquals(12.5, AttributeValues.toField(AttributeType.NUMBER, new BigDecimal("12.50")));
        assertEquals(new BigDecimal("12.5"), AttributeValues.fromField(AttributeType.NUMBER, 12.5));
        assertEquals(new BigDecimal("3"), AttributeValues.fromField(AttributeType.NUMBER, 3.0));
        assertEquals(LocalDate.of(2024, 5, 31), AttributeValues.toField(AttributeType.DATE, LocalDate.of(2024, 5, 31)));
        assertEquals(LocalDate.of(2024, 5, 31), AttributeValues.toField(AttributeType.DATE, "2024-05-31"));
        assertEquals("місцевого значення", AttributeValues.toField(AttributeType.CHOICE, "місцевого значення"));
        assertEquals("Пам'ятка", AttributeValues.fromField(AttributeType.TEXT, "  Пам'ятка "));
        assertNull(AttributeValues.fromField(AttributeType.TEXT, "   "), "blank text is no value");
        assertNull(AttributeValues.fromField(AttributeType.DATE, null));
        assertNull(AttributeValues.toField(AttributeType.NUMBER, null));
        assertNull(AttributeValues.toField(AttributeType.NUMBER, "не число"), "an unreadable stored value shows an empty field");
    }

    @Test
    void gridCellsShowDatesAndNumbersAsPeopleWriteThem() {
        assertEquals("31.05.2024", AttributeValues.display(LocalDate.of(2024, 5, 31)));
        assertEquals("1200", AttributeValues.display(new BigDecimal("1.2E+3")));
        assertEquals("0.5", AttributeValues.display(new BigDecimal("0.500")));
        assertEquals("", AttributeValues.display(null));
    }

    @Test
    void aPointIsWrittenAndReadAsGeoJson() {
        String p = AttributeValues.point(34.5514, 49.5883);
        assertEquals("{\"type\":\"Point\",\"coordinates\":[34.5514,49.5883]}", p);
        assertArrayEquals(new double[] {34.5514, 49.5883}, AttributeValues.lonLat(p));
        assertArrayEquals(new double[] {-1.5, 2e-3}, AttributeValues.lonLat("{ \"type\": \"Point\", \"coordinates\": [ -1.5, 2e-3 ] }"));
        assertNull(AttributeValues.lonLat("{\"type\":\"LineString\",\"coordinates\":[[1,2],[3,4]]}"));
        assertNull(AttributeValues.lonLat(null));
    }

    @Test
    void perValueColoursArePairsOfValueAndColour() {
        Map<String, String> parsed = AttributeValues.valueColors("дозвіл є = #2e7d32;; без дозволу=#c62828\nсміття; = #fff");
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("дозвіл є", "#2e7d32");
        expected.put("без дозволу", "#c62828");
        assertEquals(expected, parsed);
        assertEquals("дозвіл є = #2e7d32; без дозволу = #c62828", AttributeValues.valueColorsText(parsed));
        assertEquals(parsed, AttributeValues.valueColors(AttributeValues.valueColorsText(parsed)));
    }
}
