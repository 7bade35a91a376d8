package ua.hromada.portal.shell.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import ua.hromada.portal.api.PortalView;

class ContributedViewTest {

    /** The properties bnd writes for a {@code @PortalView} with its defaults. */
    private static Map<String, Object> properties() {
        Map<String, Object> p = new HashMap<>();
        p.put(PortalView.ROUTE, "oks/map");
        p.put(PortalView.TITLE, "oks.ui.menu.map");
        p.put(PortalView.SECTION, "oks");
        p.put(PortalView.ICON, "");
        p.put(PortalView.ORDER, 100);
        p.put(PortalView.PERMISSION, "");
        p.put(PortalView.MENU, Boolean.TRUE);
        p.put(PortalView.OPEN, Boolean.FALSE);
        p.put(PortalView.VIEW, "ua.hromada.oks.ui.view.MapView");
        return p;
    }

    @Test
    void thePropertiesOfAPortalViewDescribeThePage() {
        Map<String, Object> p = properties();
        p.put(PortalView.ICON, "vaadin:map-marker");
        p.put(PortalView.ORDER, 10);
        p.put(PortalView.PERMISSION, "oks.view|oks.inspect");
        p.put(PortalView.MENU, Boolean.FALSE);
        p.put(PortalView.OPEN, Boolean.TRUE);
        assertEquals(new ContributedView("oks/map", "oks.ui.menu.map", "oks", "vaadin:map-marker", 10,
                "oks.view|oks.inspect", false, true, "ua.hromada.oks.ui.view.MapView"), ContributedView.of(p));
    }

    /** An open page in the menu with a summary: a public entry (a tile of the public home page). */
    @Test
    void anOpenPageInTheMenuWithASummaryIsAPublicEntry() {
        Map<String, Object> p = properties();
        p.put(PortalView.OPEN, Boolean.TRUE);
        p.put(PortalView.SUMMARY, "oks.ui.public.summary");
        ContributedView view = ContributedView.of(p);
        assertEquals("oks.ui.public.summary", view.summaryKey());
        assertEquals(true, view.isPublicEntry());
        p.put(PortalView.MENU, Boolean.FALSE);
        assertEquals(false, ContributedView.of(p).isPublicEntry(), "an open detail page is no entry");
        p.put(PortalView.MENU, Boolean.TRUE);
        p.put(PortalView.OPEN, Boolean.FALSE);
        assertEquals(false, ContributedView.of(p).isPublicEntry(), "an employees' page is no entry");
    }

    @Test
    void emptyIconAndPermissionMeanNone() {
        ContributedView view = ContributedView.of(properties());
        assertEquals(null, view.icon());
        assertEquals(null, view.requiredPermission(), "any signed-in user");
        assertEquals(100, view.order());
        assertEquals(true, view.inMenu());
        assertEquals(false, view.isPublic());
        assertEquals(null, view.summaryKey(), "no summary property: none");
    }

    @Test
    void aContributionWithoutRouteTitleSectionOrViewIsRefused() {
        for (String required : new String[] { PortalView.ROUTE, PortalView.TITLE, PortalView.SECTION, PortalView.VIEW }) {
            Map<String, Object> p = properties();
            p.remove(required);
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ContributedView.of(p));
            assertEquals("no service property " + required + " (is @PortalView on the component?)", e.getMessage());
        }
    }
}
