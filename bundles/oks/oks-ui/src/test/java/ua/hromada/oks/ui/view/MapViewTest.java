package ua.hromada.oks.ui.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.html.Anchor;

import ua.hromada.oks.api.JournalEntry;
import ua.hromada.oks.api.OksCatalog;
import ua.hromada.oks.api.OksPermissions;
import ua.hromada.oks.api.StatusGroup;
import ua.hromada.oks.api.ViolationMap;
import ua.hromada.oks.api.ViolationQuery;
import ua.hromada.oks.api.Violations;
import ua.hromada.portal.api.PortalUser;
import ua.hromada.portal.api.map.GeoPoint;
import ua.hromada.portal.api.map.MapSettings;

/**
 * The map page's filters: a change asks the service's count of exactly that query, says when
 * nothing matches and links the list with the same parameters. The services are stand-ins that
 * record the queries; only the methods the page calls answer.
 */
class MapViewTest {
    private static final PortalUser BOSS = new PortalUser(5, "boss", "Керівник", Set.of(), Set.of(OksPermissions.VIEW));
    // held here: Vaadin keeps the current UI weakly
    private final UI ui = new UI();
    private final List<ViolationQuery> counted = new ArrayList<>();

    MapViewTest() {
        UI.setCurrent(ui);
    }

    @AfterEach
    void close() {
        UI.setCurrent(null);
    }

    @SuppressWarnings("unchecked")
    private static <T> T stub(Class<T> type, java.util.function.BiFunction<String, Object[], Object> answer) {
        return (T) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, method, args) -> {
            Object result = answer.apply(method.getName(), args);
            if (result == null && !method.getReturnType().equals(Void.TYPE)) {
                throw new UnsupportedOperationException(method.getName());
            }
            return result;
        });
    }

    private MapView view() {
        // three cases are «Направлено», none is in another group
        Violations violations = stub(Violations.class, (name, args) -> switch (name) {
            case "count" -> {
                ViolationQuery q = (ViolationQuery) args[1];
                counted.add(q);
                yield q.groups().isEmpty() || q.groups().contains(StatusGroup.SENT) ? 3L : 0L;
            }
            case "latestEvents" -> List.<JournalEntry>of();
            default -> null;
        });
        ViolationMap markers = stub(ViolationMap.class, (name, args) -> List.of());
        OksCatalog catalog = stub(OksCatalog.class, (name, args) -> switch (name) {
            case "types", "executors", "organisationsOf" -> List.of();
            default -> null;
        });
        MapSettings settings = stub(MapSettings.class, (name, args) -> switch (name) {
            case "tileUrl" -> "tiles/{z}/{x}/{y}.png";
            case "attribution" -> "";
            case "center" -> new GeoPoint(49.59, 34.55);
            case "zoom" -> 12;
            case "maxZoom" -> 19;
            case "bounds" -> java.util.Optional.empty();
            default -> null;
        });
        return new MapView(violations, markers, catalog, settings, BOSS, java.time.ZoneId.of("Europe/Kyiv"), 15, 30);
    }

    private static Stream<Component> all(Component c) {
        return Stream.concat(Stream.of(c), c.getChildren().flatMap(MapViewTest::all));
    }

    private static Component find(Component root, String id) {
        return all(root).filter(c -> c.getId().filter(id::equals).isPresent()).findFirst().orElseThrow(() -> new AssertionError(id));
    }

    @SuppressWarnings("unchecked")
    @Test
    void aFilterNothingMatchesSaysSoAndTheListLinkCarriesTheFilter() {
        MapView view = view();
        Component empty = find(view, "oks-map-empty");
        assertEquals("3", find(view, "oks-map-count").getElement().getAttribute("data-count"));
        assertFalse(empty.isVisible());
        assertFalse(find(view, "oks-map-f-reset").isVisible(), "nothing to reset yet");

        ((MultiSelectComboBox<StatusGroup>) find(view, "oks-map-f-group")).setValue(Set.of(StatusGroup.CONFLICT));
        assertEquals(Set.of(StatusGroup.CONFLICT), counted.get(counted.size() - 1).groups(), "the service counts the map's query");
        assertEquals("0", find(view, "oks-map-count").getElement().getAttribute("data-count"));
        assertTrue(empty.isVisible());
        assertTrue(empty.getElement().getText().contains("oks.ui.map.empty"), empty.getElement().getText());
        assertEquals("oks/violations?group=CONFLICT", ((Anchor) find(view, "oks-map-list")).getHref());
        assertTrue(find(view, "oks-map-f-reset").isVisible());

        ((MultiSelectComboBox<StatusGroup>) find(view, "oks-map-f-group")).setValue(Set.of(StatusGroup.SENT, StatusGroup.CONFLICT));
        assertFalse(empty.isVisible());
        assertEquals("oks/violations?group=SENT&group=CONFLICT", ((Anchor) find(view, "oks-map-list")).getHref());
    }

    @Test
    void theStatusFilterOffersTheCurrentGroupsOnly() {
        @SuppressWarnings("unchecked")
        MultiSelectComboBox<StatusGroup> groups = (MultiSelectComboBox<StatusGroup>) find(view(), "oks-map-f-group");
        assertEquals(MapFilters.groups(), groups.getListDataView().getItems().toList());
        assertFalse(groups.getListDataView().getItems().anyMatch(g -> g == StatusGroup.ARCHIVED));
    }
}
