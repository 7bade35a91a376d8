package ua.hromada.oks.ui.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import ua.hromada.oks.api.ExecutorOrganisation;
import ua.hromada.oks.api.OksPermissions;
import ua.hromada.oks.api.StatusGroup;
import ua.hromada.oks.api.ViolationQuery;
import ua.hromada.portal.api.PortalUser;

/** The list's filter choices per role and the phone toggle's count (issue 20 items 13, 16). */
class ListFiltersTest {

    private static final ExecutorOrganisation PARKS = new ExecutorOrganisation(7, "КП «Парки»", null, null, true,
            List.of("petro"));
    private static final ExecutorOrganisation ROADS = new ExecutorOrganisation(8, "Автодор", null, null, true,
            List.of("olena"));

    private static List<ExecutorOrganisation> choices(PortalUser u) {
        List<ExecutorOrganisation> all = List.of(PARKS, ROADS);
        return ListFilters.executorChoices(u, () -> all,
                name -> all.stream().filter(o -> o.members().contains(name)).toList(), "Без виконавця");
    }

    private static PortalUser user(String name, String... permissions) {
        return new PortalUser(1, name, name, Set.of(), Set.of(permissions));
    }

    @Test
    void anExecutorIsOfferedOnlyTheirOwnOrganisation() {
        PortalUser petro = user("petro", OksPermissions.EXECUTE);
        assertFalse(ListFilters.seesAll(petro));
        assertEquals(List.of(PARKS), choices(petro));
        assertEquals(List.of(), choices(user("nobody", OksPermissions.EXECUTE)));
    }

    @Test
    void whoSeesEverythingIsOfferedNoExecutorAndEveryOrganisationByName() {
        for (String p : List.of(OksPermissions.VIEW, OksPermissions.INSPECT, OksPermissions.ADMINISTER,
                PortalUser.ADMIN_PERMISSION)) {
            PortalUser u = user("boss", p);
            assertTrue(ListFilters.seesAll(u), p);
            List<ExecutorOrganisation> choices = choices(u);
            assertEquals(List.of(ViolationQuery.NO_EXECUTOR, 8L, 7L), choices.stream().map(ExecutorOrganisation::id).toList(), p);
            assertEquals("Без виконавця", choices.get(0).name());
        }
    }

    @Test
    void theToggleCountsTheFoldedFiltersNotTheSearchBox() {
        assertEquals(0, ListFilters.folded(ViolationQuery.current()));
        ViolationQuery q = new ViolationQuery(Set.of(StatusGroup.SENT), null, null, null, 3L, null, "Інна", true,
                LocalDate.of(2026, 1, 1), null, null, null, "лава", null, 0, 50);
        assertEquals(5, ListFilters.folded(q));
    }
}
