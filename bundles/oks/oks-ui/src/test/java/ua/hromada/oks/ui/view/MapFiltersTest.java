package ua.hromada.oks.ui.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import ua.hromada.oks.api.StatusGroup;
import ua.hromada.oks.api.ViolationQuery;

/** The map's filters in the address: the list's parameters, only the map's four, current groups only. */
class MapFiltersTest {

    @Test
    void theMapsFiltersGoToTheAddressAndBackAsTheListWritesThem() {
        ViolationQuery q = MapFilters.of(Set.of(StatusGroup.SENT, StatusGroup.CONFLICT), 3L, ViolationQuery.NO_EXECUTOR,
                LocalDate.of(2026, 1, 1), LocalDate.of(2026, 3, 31));
        Map<String, List<String>> address = MapFilters.toAddress(q);
        assertEquals(Map.of("group", List.of("SENT", "CONFLICT"), "type", List.of("3"), "executor", List.of("none"),
                "from", List.of("2026-01-01"), "to", List.of("2026-03-31")), address);
        assertEquals(q, MapFilters.fromAddress(address));
        assertEquals(5, MapFilters.set(q), "groups, type, executor and both ends of the period");
        assertEquals(0, MapFilters.set(MapFilters.fromAddress(Map.of())));
    }

    @Test
    void conditionsTheMapHasNoFieldForAreDroppedNotAppliedUnseen() {
        ViolationQuery q = MapFilters.fromAddress(Map.of("group", List.of("SENT", "ARCHIVED"), "q", List.of("лава"),
                "inspector", List.of("Інна"), "overdue", List.of("true"), "action", List.of("2"), "older", List.of("7"),
                "confirmedFrom", List.of("2026-01-01"), "type", List.of("x")));
        assertEquals(Set.of(StatusGroup.SENT), q.groups(), "the map shows no archive");
        assertNull(q.text());
        assertNull(q.inspector());
        assertNull(q.overdue());
        assertNull(q.actionCode());
        assertNull(q.olderThanDays());
        assertNull(q.confirmedFrom());
        assertNull(q.typeId(), "a malformed value is dropped as the list drops it");
        assertEquals(Map.of("group", List.of("SENT")), MapFilters.toAddress(q));
    }

    @Test
    void theMapOffersTheCurrentGroupsOfItsLegend() {
        assertEquals(List.of(StatusGroup.UNASSIGNED, StatusGroup.SENT, StatusGroup.IN_PROGRESS, StatusGroup.DONE,
                StatusGroup.CONFLICT), MapFilters.groups());
    }
}
