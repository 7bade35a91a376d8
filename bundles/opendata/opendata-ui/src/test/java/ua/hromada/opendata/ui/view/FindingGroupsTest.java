package ua.hromada.opendata.ui.view;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import ua.hromada.opendata.api.Finding;
import ua.hromada.opendata.api.Severity;

class FindingGroupsTest {

    private static Finding f(long id, String dataset, String rule, Severity s) {
        return new Finding(id, 1, id, dataset, 1, null, rule, s, "пояснення " + id);
    }

    @Test
    void groupedMostSevereFirstAndOrderedByDatasetThenRule() {
        List<Finding> all = List.of(f(1, "Бюджет", "csv-header", Severity.MAJOR), f(2, "Адреси", "passport-missing", Severity.CRITICAL),
                f(3, "Бюджет", "csv-delimiter", Severity.MINOR), f(4, "адреси", "csv-ragged", Severity.MAJOR),
                f(5, "Бюджет", "csv-empty-columns", Severity.MAJOR));
        Map<Severity, List<Finding>> groups = FindingGroups.bySeverity(all);
        assertEquals(List.of(Severity.CRITICAL, Severity.MAJOR, Severity.MINOR), List.copyOf(groups.keySet()));
        assertEquals(List.of(2L), groups.get(Severity.CRITICAL).stream().map(Finding::id).toList());
        assertEquals(List.of(4L, 5L, 1L), groups.get(Severity.MAJOR).stream().map(Finding::id).toList());
        assertEquals(Map.of(Severity.CRITICAL, 1, Severity.MAJOR, 3, Severity.MINOR, 1), FindingGroups.counts(all));
    }

    @Test
    void everySeverityIsPresentEvenWhenEmpty() {
        assertEquals(3, FindingGroups.bySeverity(List.of()).size());
        assertEquals(Map.of(Severity.CRITICAL, 0, Severity.MAJOR, 0, Severity.MINOR, 0), FindingGroups.counts(List.of()));
    }
}
