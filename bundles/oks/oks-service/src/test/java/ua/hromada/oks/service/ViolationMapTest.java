package ua.hromada.oks.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

import ua.hromada.oks.api.ActionKind;
import ua.hromada.oks.api.NewViolation;
import ua.hromada.oks.api.OksException;
import ua.hromada.oks.api.StatusGroup;
import ua.hromada.oks.api.TransitionRequest;
import ua.hromada.oks.api.Urgency;
import ua.hromada.oks.api.Violation;
import ua.hromada.oks.api.ViolationMap;
import ua.hromada.oks.api.ViolationMap.Marker;
import ua.hromada.oks.api.ViolationQuery;
import ua.hromada.oks.api.Violations;
import ua.hromada.portal.api.PortalUser;
import ua.hromada.portal.api.map.BoundingBox;
import ua.hromada.portal.api.map.MapFeature;

/**
 * The map filtered as the list is (status group, type, executor, period: the same cases as the
 * list of the same query), each case with its last action and code, cells under the same filter,
 * and the OKS layer's popup.
 */
class ViolationMapTest {
    private static final ZoneId KYIV = ZoneId.of("Europe/Kyiv");
    private static final BoundingBox CITY = new BoundingBox(49.4, 34.3, 49.8, 34.8);
    /** Close enough for single points whatever their number. */
    private static final int STREET = 18;

    @AutoClose
    private final OksTestSetup oks = new OksTestSetup();
    private final Violations violations = oks.violations();
    private final ViolationMap map = new ViolationMapImpl(oks.database(), new OksSettings(1024 * 1024, 40_000_000L, 14, 1,
            new double[] {49.48, 34.39, 49.70, 34.72}, KYIV, 200));

    private Violation register(String type, String description, double lat) {
        return violations.register(oks.inspector, new NewViolation(oks.type(type).id(), description, "вул. Соборності, 1",
                lat, OksTestSetup.LON, Urgency.NORMAL, null, null, List.of()));
    }

    private Violation send(Violation v, long orgId) {
        return violations.transition(oks.inspector, v.id(),
                new TransitionRequest(ActionKind.SENT, "Прошу усунути", orgId, oks.today().plusDays(7), List.of()));
    }

    private static ViolationQuery query(Set<StatusGroup> groups, Long typeId, Long executorId, LocalDate from, LocalDate to) {
        return new ViolationQuery(groups, null, null, null, typeId, executorId, null, null, from, to, null, null, null,
                ViolationQuery.Sort.NEWEST, 0, 100);
    }

    private List<Long> ids(PortalUser who, ViolationQuery q) {
        return map.markers(who, q, CITY, STREET).stream().map(Marker::violationId).sorted().toList();
    }

    /** The list's answer to the same query: what the map must show. */
    private List<Long> listed(PortalUser who, ViolationQuery q) {
        return violations.search(who, q).stream().map(Violation::id).sorted().toList();
    }

    @Test
    void theMapShowsExactlyTheListsCasesForEveryFilter() {
        Violation trees = register("trees", "Суха липа", 49.58);
        oks.clock().advance(Duration.ofDays(3));
        Violation waste = send(register("waste", "Звалище", 49.59), oks.org.id());
        Violation other = send(register("waste", "Ще звалище", 49.60), oks.otherOrg.id());

        List<ViolationQuery> queries = List.of(ViolationQuery.current(),
                query(Set.of(StatusGroup.SENT), null, null, null, null),
                query(Set.of(StatusGroup.UNASSIGNED), null, null, null, null),
                query(Set.of(), oks.type("waste").id(), null, null, null),
                query(Set.of(), null, oks.org.id(), null, null),
                query(Set.of(), null, ViolationQuery.NO_EXECUTOR, null, null),
                query(Set.of(), null, null, oks.today(), oks.today()),
                query(Set.of(), null, null, null, oks.today().minusDays(1)),
                query(Set.of(StatusGroup.DONE), null, null, null, null));
        for (ViolationQuery q : queries) {
            assertEquals(listed(oks.viewer, q), ids(oks.viewer, q), q.toString());
        }
        assertEquals(List.of(waste.id(), other.id()), ids(oks.viewer, query(Set.of(StatusGroup.SENT), null, null, null, null)));
        assertEquals(List.of(trees.id()), ids(oks.viewer, query(Set.of(), null, null, null, oks.today().minusDays(1))));
        assertEquals(List.of(), ids(oks.viewer, query(Set.of(StatusGroup.DONE), null, null, null, null)));
        // an executor's map holds only what is with their organisation, whatever the filter asks
        assertEquals(List.of(waste.id()), ids(oks.executor, ViolationQuery.current()));
        assertEquals(List.of(), ids(oks.executor, query(Set.of(), null, oks.otherOrg.id(), null, null)));
    }

    @Test
    void eachCaseCarriesItsLastActionWithItsCodeAndDay() {
        Violation v = register("trees", "Суха липа", 49.58);
        oks.clock().advance(Duration.ofDays(2));
        Instant sentAt = oks.clock().instant();
        send(v, oks.org.id());

        Marker m = map.markers(oks.viewer, ViolationQuery.current(), CITY, STREET).get(0);
        assertEquals(v.id(), m.violationId());
        assertEquals(StatusGroup.SENT, m.group());
        assertEquals("2-2", m.lastAction().displayCode());
        assertEquals("Направлено виконавцю", m.lastAction().name());
        assertEquals(sentAt, m.lastActionAt());
        assertEquals("Дерева", m.typeName());

        MapFeature f = ViolationsMapLayer.feature(m, KYIV);
        String day = java.time.format.DateTimeFormatter.ofPattern("dd.MM.yyyy").format(sentAt.atZone(KYIV));
        assertEquals("2-2 Направлено виконавцю · " + day, f.popupLines().get(2));
        assertEquals(StatusGroup.SENT.color(), f.color());
    }

    @Test
    void cellsCountOnlyTheFilteredCases() {
        // 300 cases spread over the city (the test settings draw at most 200 one by one), one of them sent
        oks.executeInCommunity("INSERT INTO oks.violation (inspector, inspector_name, created_at, deadline, type_id, description,"
                + " location, urgency) SELECT 'inspector', 'І', now(), current_date + 5, 1, 'масове ' || g,"
                + " ST_SetSRID(ST_MakePoint(34.45 + (g % 20) * 0.01, 49.55 + (g / 20) * 0.005), 4326), 'NORMAL'"
                + " FROM generate_series(1, 300) g");
        oks.executeInCommunity("INSERT INTO oks.journal (violation_id, at, author, author_name, action_kind)"
                + " SELECT id, created_at, 'inspector', 'І', 'DETECTED' FROM oks.violation");
        oks.executeInCommunity("UPDATE oks.violation v SET last_entry_id = j.id, status_kind = j.action_kind, status_at = j.at"
                + " FROM oks.journal j WHERE j.violation_id = v.id");
        // north of the others: alone in its cell at zoom 11 (cells of 0.044°)
        Violation sent = send(register("waste", "Звалище", 49.69), oks.org.id());

        List<Marker> all = map.markers(oks.viewer, ViolationQuery.current(), CITY, 11);
        assertTrue(all.stream().anyMatch(Marker::isCell), "aggregated into cells");
        assertEquals(301, all.stream().mapToInt(Marker::count).sum());
        Marker alone = all.stream().filter(m -> sent.id() == (m.violationId() == null ? -1 : m.violationId()))
                .findFirst().orElseThrow();
        assertEquals("2-2 Направлено виконавцю", alone.lastAction().displayCode() + " " + alone.lastAction().name(),
                "a cell of one case is that case with its popup");
        assertEquals("Сміття", alone.typeName());
        Marker cell = all.stream().filter(Marker::isCell).findFirst().orElseThrow();
        assertNull(cell.violationId());
        assertNull(cell.lastAction());

        ViolationQuery unassigned = query(Set.of(StatusGroup.UNASSIGNED), null, null, null, null);
        assertEquals(300, map.markers(oks.viewer, unassigned, CITY, 11).stream().mapToInt(Marker::count).sum());
        assertEquals(violations.count(oks.viewer, unassigned), 300);
        // few enough to draw: the one sent case as a point with its action
        List<Marker> sentOnly = map.markers(oks.viewer, query(Set.of(StatusGroup.SENT), null, null, null, null), CITY, 11);
        assertEquals(List.of(sent.id()), sentOnly.stream().map(Marker::violationId).toList());
        assertEquals("2-2", sentOnly.get(0).lastAction().displayCode());
    }

    @Test
    void onlyTheVisibleBoxAndOnlyOksRoles() {
        Violation v = register("trees", "Суха липа", 49.58);
        assertEquals(List.of(v.id()), ids(oks.viewer, ViolationQuery.current()));
        assertEquals(List.of(), map.markers(oks.viewer, ViolationQuery.current(),
                new BoundingBox(49.60, 34.3, 49.8, 34.8), STREET));
        OksException e = assertThrows(OksException.class,
                () -> map.markers(oks.stranger, ViolationQuery.current(), CITY, STREET));
        assertEquals(OksException.Reason.FORBIDDEN, e.reason());
    }
}
