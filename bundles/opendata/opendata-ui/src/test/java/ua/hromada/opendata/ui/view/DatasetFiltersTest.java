package ua.hromada.opendata.ui.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import ua.hromada.opendata.api.DatasetQuery;
import ua.hromada.opendata.api.UpdateFrequency;

class DatasetFiltersTest {

    @Test
    void everyFilterSurvivesTheAddress() {
        DatasetQuery q = new DatasetQuery("бюджет 2026", 7L, "фінанси", "CSV", Boolean.FALSE, UpdateFrequency.QUARTERLY, 0, 50);
        Map<String, List<String>> params = DatasetFilters.toParameters(q);
        assertEquals(Map.of("q", List.of("бюджет 2026"), "manager", List.of("7"), "tag", List.of("фінанси"), "format",
                List.of("CSV"), "published", List.of("false"), "frequency", List.of("QUARTERLY")), params);
        assertEquals(q, DatasetFilters.fromParameters(params, 50));
    }

    @Test
    void noFiltersWriteNoParameters() {
        assertTrue(DatasetFilters.toParameters(DatasetQuery.all()).isEmpty());
        assertEquals(DatasetQuery.all(), DatasetFilters.fromParameters(Map.of(), 50));
    }

    @Test
    void malformedValuesAreIgnoredNotAnError() {
        DatasetQuery q = DatasetFilters.fromParameters(Map.of("manager", List.of("abc"), "published", List.of("maybe"),
                "frequency", List.of("Щороку"), "q", List.of("  "), "tag", List.of("")), 50);
        assertNull(q.managerId());
        assertNull(q.published());
        assertNull(q.frequency());
        assertNull(q.text());
        assertNull(q.tag());
        assertNull(DatasetFilters.fromParameters(Map.of("manager", List.of("-3")), 50).managerId());
    }

    @Test
    void aPageKeepsTheFiltersAndStaysInTheServicesLimits() {
        DatasetQuery q = new DatasetQuery("x", 1L, null, "JSON", true, null, 0, 50);
        DatasetQuery page = DatasetFilters.page(q, 100, 50);
        assertEquals(100, page.offset());
        assertEquals(50, page.limit());
        assertEquals("JSON", page.format());
        assertEquals(10_000, DatasetFilters.page(q, 0, 50_000).limit());
        assertEquals(1, DatasetFilters.page(q, 0, 0).limit());
    }
}
