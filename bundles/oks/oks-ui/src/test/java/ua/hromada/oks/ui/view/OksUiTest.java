package ua.hromada.oks.ui.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import java.util.Set;

import org.junit.jupiter.api.Test;

import ua.hromada.oks.api.OksPermissions;
import ua.hromada.portal.api.PortalUser;

class OksUiTest {

    private static PortalUser user(String... permissions) {
        return new PortalUser(1, "u", "U", Set.of(), Set.of(permissions));
    }

    @Test
    void eachOksRoleMayRead() {
        for (String p : new String[] {OksPermissions.VIEW, OksPermissions.INSPECT, OksPermissions.EXECUTE,
            OksPermissions.ADMINISTER}) {
            PortalUser u = user("docsearch.view", p);
            assertTrue(u.hasPermission(OksUi.READ), p);
            assertTrue(OksUi.mayRead(u), p);
        }
    }

    @Test
    void withoutAnyOksPermissionTheViewIsRefused() {
        PortalUser clerk = user("docsearch.view");
        assertFalse(clerk.hasPermission(OksUi.READ));
        assertFalse(OksUi.mayRead(clerk));
        assertFalse(OksUi.mayRead(null));
    }

    @Test
    void thePortalAdministratorReadsEverything() {
        PortalUser admin = user(PortalUser.ADMIN_PERMISSION);
        assertTrue(admin.hasPermission(OksUi.READ));
        assertTrue(OksUi.mayRead(admin));
    }

    @Test
    void theStatusReadsAsCodeAndName() {
        ua.hromada.oks.api.WorkflowAction urgent = new ua.hromada.oks.api.WorkflowAction(
                ua.hromada.oks.api.ActionKind.DETECTED_URGENT, 18, "Виявлено порушення (терміново)",
                ua.hromada.oks.api.StatusGroup.UNASSIGNED, ua.hromada.oks.api.ResponsibleGroup.INSPECTORS);
        assertEquals("1-18 Виявлено порушення (терміново)", OksUi.status(urgent, Locale.forLanguageTag("uk")));
        // the English page names the action by its kind (issue 20 item 31)
        assertEquals("1-18 Violation detected (urgent)", OksUi.status(urgent, Locale.ENGLISH));
        assertEquals("", OksUi.status(null, Locale.ENGLISH));
    }
}
