package ua.hromada.oks.ui.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
        assertEquals("1-18 Виявлено порушення (терміново)", OksUi.status(new ua.hromada.oks.api.WorkflowAction(
                ua.hromada.oks.api.ActionKind.DETECTED_URGENT, 18, "Виявлено порушення (терміново)",
                ua.hromada.oks.api.StatusGroup.UNASSIGNED, ua.hromada.oks.api.ResponsibleGroup.INSPECTORS)));
        assertEquals("", OksUi.status(null));
    }
}
