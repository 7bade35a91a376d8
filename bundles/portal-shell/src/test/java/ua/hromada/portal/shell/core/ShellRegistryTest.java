package ua.hromada.portal.shell.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Text;

import ua.hromada.portal.api.DashboardWidget;
import ua.hromada.portal.api.PortalUser;
import ua.hromada.portal.api.PublicSearchProvider;
import ua.hromada.portal.api.SearchProvider.SearchHit;
import ua.hromada.portal.api.SearchProvider;
import ua.hromada.portal.api.community.Community;
import ua.hromada.portal.testing.TestCommunities;
import ua.hromada.portal.shell.core.ShellRegistry.ViewChange;
import ua.hromada.portal.shell.core.ShellRegistry.ViewEntry;

class ShellRegistryTest {

    private final ContributedRoutes routes = new ContributedRoutes();
    private final TestCommunities communities = new TestCommunities();
    private final ShellRegistry registry = new ShellRegistry(routes, communities);
    private final List<ViewChange> changes = new ArrayList<>();

    static class ViewA extends Text {
        ViewA() {
            super("a");
        }
    }

    static class ViewB extends Text {
        ViewB() {
            super("b");
        }
    }

    private static long nextServiceId = 100;

    /** A contributed view as the registry gets it from a service's properties. */
    private static ViewEntry view(String route, String section, int order, String requiredPermission, boolean inMenu,
            Class<? extends Component> viewClass, boolean isPublic, long bundleId) {
        ContributedView described = new ContributedView(route, "title." + route, section, null, order,
                requiredPermission, inMenu, isPublic, viewClass.getName());
        return new ViewEntry(described, viewClass, bundleId, nextServiceId++, () -> new Text(route));
    }

    private static ViewEntry view(String route, String section, int order, String requiredPermission, boolean inMenu,
            Class<? extends Component> viewClass, long bundleId) {
        return view(route, section, order, requiredPermission, inMenu, viewClass, false, bundleId);
    }

    record TestWidget(String titleKey, int order, String requiredPermission) implements DashboardWidget {
        @Override
        public Component create() {
            return new Text(titleKey);
        }
    }

    private static PortalUser user(String... permissions) {
        return new PortalUser(1, "u", "U", Set.of(), Set.of(permissions));
    }

    @BeforeEach
    void listen() {
        registry.addListener(changes::add);
    }

    @Test
    void addingAndRemovingAViewNotifiesListenersWithTheEntry() {
        ViewEntry view = view("oks/map", "oks", 10, "oks.view", true, ViewA.class, 42);
        registry.add(view);
        assertEquals(1, changes.size());
        ViewEntry added = changes.get(0).added();
        assertSame(view, added);
        assertEquals(42, added.bundleId());
        assertEquals(view, registry.byViewClass(ViewA.class).orElseThrow());
        assertEquals(List.of("oks/map"), routes.ofBundle(42));

        registry.remove(view.serviceId());
        assertEquals(2, changes.size());
        assertNull(changes.get(1).added());
        assertSame(view, changes.get(1).removed());
        assertTrue(registry.views().isEmpty());
        assertTrue(registry.byRoute("oks/map").isEmpty());
        assertTrue(routes.ofBundle(42).isEmpty());
    }

    @Test
    void aSecondViewOnATakenRouteIsIgnoredAndItsRemovalDoesNotDropTheFirst() {
        ViewEntry first = view("docs", "docs", 1, null, true, ViewA.class, 1);
        ViewEntry second = view("/docs/", "other", 1, null, true, ViewB.class, 2);
        registry.add(first);
        registry.add(second);
        assertEquals(1, changes.size(), "the duplicate fires nothing");
        assertEquals(List.of("route 'docs' is taken by bundle 1"), routes.refusedOf(2), "the refusal is known");
        registry.remove(second.serviceId());
        assertEquals(1, changes.size());
        assertTrue(routes.refusedOf(2).isEmpty(), "and forgotten once the refused view goes");
        assertSame(first, registry.byRoute("docs").orElseThrow());
    }

    @Test
    void aViewWaitingForATakenRouteTakesItOverWhenTheHolderGoes() {
        // upgrade in place: the new version of a module starts before the old one is uninstalled
        ViewEntry old = view("phonebook", "phonebook", 1, null, true, ViewA.class, 1);
        ViewEntry upgraded = view("phonebook", "phonebook", 1, null, true, ViewB.class, 2);
        registry.add(old);
        registry.add(upgraded);
        registry.remove(old.serviceId());
        assertSame(upgraded, registry.byRoute("phonebook").orElseThrow());
        assertEquals(List.of("phonebook"), routes.ofBundle(2));
        assertTrue(routes.refusedOf(2).isEmpty(), "no longer refused");
        assertEquals(3, changes.size(), "added, removed, added again");
        assertSame(upgraded, changes.get(2).added());

        // a refused view that goes before the holder never comes back
        ViewEntry third = view("phonebook", "other", 1, null, true, ViewA.class, 3);
        registry.add(third);
        registry.remove(third.serviceId());
        registry.remove(upgraded.serviceId());
        assertTrue(registry.byRoute("phonebook").isEmpty());
    }

    @Test
    void routesAreNormalisedWithoutSlashes() {
        registry.add(view("/gis/layers/", "gis", 1, null, true, ViewA.class, 1));
        assertTrue(registry.byRoute("gis/layers").isPresent());
        assertEquals("gis/layers", ShellRegistry.normalise(" /gis/layers// "));
    }

    @Test
    void theMenuShowsOnlyPermittedMenuEntriesInSectionAndOrder() {
        registry.add(view("oks/analytics", "oks", 20, "oks.analytics", true, ViewA.class, 1));
        registry.add(view("oks/map", "oks", 10, null, true, ViewB.class, 1));
        registry.add(view("oks/card", "oks", 5, null, false, ViewB.class, 1));
        registry.add(view("admin/users", "admin", 1, PortalUser.ADMIN_PERMISSION, true, ViewA.class, 2));

        List<String> plain = registry.menuFor(user()).stream().map(ViewEntry::route).toList();
        assertEquals(List.of("oks/map"), plain);

        List<String> analyst = registry.menuFor(user("oks.analytics")).stream().map(ViewEntry::route).toList();
        assertEquals(List.of("oks/map", "oks/analytics"), analyst);

        List<String> admin = registry.menuFor(user(PortalUser.ADMIN_PERMISSION)).stream().map(ViewEntry::route)
                .toList();
        assertEquals(List.of("admin/users", "oks/map", "oks/analytics"), admin);

        assertTrue(registry.menuFor(null).isEmpty(), "nobody signed in, no menu");
    }

    @Test
    void publicPagesStayOutOfTheEmployeesMenu() {
        registry.add(view("dokumenty", "docsearch", 1, null, true, ViewA.class, true, 1));
        registry.add(view("docs", "docsearch", 2, null, true, ViewB.class, 1));
        assertEquals(List.of("docs"), registry.menuFor(user()).stream().map(ViewEntry::route).toList());
        assertTrue(registry.byRoute("dokumenty").orElseThrow().view().isPublic());
    }

    private static ViewEntry entry(String route, String module, int order, boolean open, boolean inMenu) {
        ContributedView described = new ContributedView(route, "title." + route, module, "vaadin:globe", order, null,
                inMenu, open, ViewA.class.getName(), "summary." + route);
        return new ViewEntry(described, ViewA.class, 7, nextServiceId++, () -> new Text(route), module);
    }

    /** The public home page's tiles: open pages in the menu, by order, then by title as the reader reads it. */
    @Test
    void publicEntriesAreOpenMenuPagesByOrderThenTitle() {
        registry.add(entry("karta", "gis", 30, true, true));
        registry.add(entry("vidkryti-dani", "opendata", 20, true, true));
        registry.add(entry("dokumenty", "docsearch", 20, true, true));
        registry.add(entry("dokumenty/:id", "docsearch", 1, true, false));
        registry.add(entry("docs", "docsearch", 1, false, true));
        Map<String, String> uk = Map.of("title.karta", "Мапа", "title.vidkryti-dani", "Відкриті дані",
                "title.dokumenty", "Документи");
        assertEquals(List.of("vidkryti-dani", "dokumenty", "karta"),
                registry.publicEntries(uk::get).stream().map(ViewEntry::route).toList(),
                "same order: «Відкриті дані» before «Документи»");
        Map<String, String> en = Map.of("title.karta", "Map", "title.vidkryti-dani", "Open data",
                "title.dokumenty", "Documents");
        assertEquals(List.of("dokumenty", "vidkryti-dani", "karta"),
                registry.publicEntries(en::get).stream().map(ViewEntry::route).toList());
        assertEquals("summary.karta", registry.byRoute("karta").orElseThrow().view().summaryKey());
        assertEquals(List.of("docs"), registry.menuFor(user()).stream().map(ViewEntry::route).toList(),
                "the employees' menu lists no open page");
    }

    /** A module's bundles stop: its view goes, and with it its tile; another community lacks it too. */
    @Test
    void aPublicEntryFollowsItsModule() {
        ViewEntry map = entry("karta", "gis", 30, true, true);
        registry.add(map);
        registry.add(entry("dokumenty", "docsearch", 20, true, true));
        communities.add(new Community("reshetylivka", List.of("reshetylivka.portal.example"), Set.of("docsearch"), Map.of()));
        communities.runAs("reshetylivka", () -> assertEquals(List.of("dokumenty"),
                registry.publicEntries(k -> k).stream().map(ViewEntry::route).toList()));
        assertEquals(List.of("dokumenty", "karta"), registry.publicEntries(k -> k).stream().map(ViewEntry::route).toList());
        registry.remove(map.serviceId());
        assertEquals(List.of("dokumenty"), registry.publicEntries(k -> k).stream().map(ViewEntry::route).toList());
    }

    record TestPublicSearch(String titleKey, int order) implements PublicSearchProvider {
        @Override
        public List<SearchHit> search(String query, int limit, Locale locale) {
            return List.of(new SearchHit(titleKey + ": " + query, null, "x"));
        }
    }

    @Test
    void publicSearchProvidersComeByOrderForTheCommunitysModulesAndGoWithThem() {
        TestPublicSearch layers = new TestPublicSearch("gis.layers", 30);
        registry.addPublic(layers, "gis");
        registry.addPublic(new TestPublicSearch("docs.acts", 10), "docsearch");
        registry.addPublic(new TestPublicSearch("opendata.sets", 10), "opendata");
        registry.addPublic(new TestPublicSearch("portal.pages", 100), null);
        assertEquals(List.of("docs.acts", "opendata.sets", "gis.layers", "portal.pages"),
                registry.publicSearchProviders().stream().map(PublicSearchProvider::titleKey).toList());
        communities.add(new Community("reshetylivka", List.of("reshetylivka.portal.example"), Set.of("docsearch"), Map.of()));
        communities.runAs("reshetylivka", () -> assertEquals(List.of("docs.acts", "portal.pages"),
                registry.publicSearchProviders().stream().map(PublicSearchProvider::titleKey).toList()));
        registry.removePublicSearchProvider(layers);
        assertEquals(List.of("docs.acts", "opendata.sets", "portal.pages"),
                registry.publicSearchProviders().stream().map(PublicSearchProvider::titleKey).toList());
    }

    @Test
    void widgetsAreFilteredByPermissionAndSorted() {
        registry.add(new TestWidget("b", 20, null), "docsearch");
        registry.add(new TestWidget("a", 10, null), null);
        registry.add(new TestWidget("secret", 1, "oks.analytics"), "oks");
        assertEquals(List.of("a", "b"), registry.widgetsFor(user()).stream().map(DashboardWidget::titleKey).toList());
        assertEquals(List.of("secret", "a", "b"),
                registry.widgetsFor(user("oks.analytics")).stream().map(DashboardWidget::titleKey).toList());
    }

    @Test
    void aFailingListenerDoesNotStopOthers() {
        List<ViewChange> second = new ArrayList<>();
        registry.addListener(c -> {
            throw new IllegalStateException("boom");
        });
        registry.addListener(second::add);
        registry.add(view("x", "x", 1, null, true, ViewA.class, 1));
        assertEquals(1, second.size());
    }

    private static ViewEntry moduleView(String route, String module, boolean isPublic, Class<? extends Component> viewClass) {
        ContributedView described = new ContributedView(route, "title." + route, module, null, 1, null, true, isPublic,
                viewClass.getName());
        return new ViewEntry(described, viewClass, 7, nextServiceId++, () -> new Text(route), module);
    }

    record TestSearch(String titleKey) implements SearchProvider {
        @Override
        public String requiredPermission() {
            return null;
        }

        @Override
        public List<SearchHit> search(String query, int limit, Locale locale) {
            return List.of();
        }
    }

    /**
     * A community without a module has none of its menu entries, widgets or search providers;
     * another community on the same portal has them all, and the core's are everyone's.
     */
    @Test
    void aModuleDisabledForTheCommunityIsAbsentFromItsMenuDashboardAndSearch() {
        communities.add(new Community("reshetylivka", List.of("reshetylivka.portal.example"), Set.of("docsearch"), Map.of()));
        registry.add(moduleView("oks/violations", "oks", false, ViewA.class));
        registry.add(moduleView("docs", "docsearch", false, ViewB.class));
        registry.add(view("admin/users", "admin", 1, null, true, Text.class, 1));
        registry.add(new TestWidget("oks.widget", 1, null), "oks");
        registry.add(new TestWidget("docs.widget", 2, null), "docsearch");
        registry.add(new TestWidget("portal.widget", 3, null), null);
        registry.add(new TestSearch("oks.search"), "oks");
        registry.add(new TestSearch("docs.search"), "docsearch");

        communities.runAs("reshetylivka", () -> {
            assertEquals(List.of("admin/users", "docs"), registry.menuFor(user()).stream().map(ViewEntry::route).sorted().toList());
            assertEquals(List.of("docs.widget", "portal.widget"),
                    registry.widgetsFor(user()).stream().map(DashboardWidget::titleKey).toList());
            assertEquals(List.of("docs.search"),
                    registry.searchProvidersFor(user()).stream().map(SearchProvider::titleKey).toList());
            assertTrue(registry.enabled(null), "the core is never disabled");
            assertTrue(registry.enabled("docsearch"));
            assertEquals(false, registry.enabled("oks"));
        });
        // the default community (no module list) has every module
        assertEquals(List.of("admin/users", "docs", "oks/violations"),
                registry.menuFor(user()).stream().map(ViewEntry::route).sorted().toList());
        assertEquals(List.of("oks.widget", "docs.widget", "portal.widget"),
                registry.widgetsFor(user()).stream().map(DashboardWidget::titleKey).toList());
        assertEquals(2, registry.searchProvidersFor(user()).size());
        // a removed provider goes from every community
        registry.removeSearchProvider(registry.searchProvidersFor(user()).get(0));
        assertEquals(1, registry.searchProvidersFor(user()).size());
    }
}
