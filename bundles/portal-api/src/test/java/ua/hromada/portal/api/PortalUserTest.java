package ua.hromada.portal.api;

import static org.junit.jupiter.api.Assertions.*;

import java.util.Set;

import org.junit.jupiter.api.Test;

class PortalUserTest {
    private static PortalUser user(String... permissions) {
        return new PortalUser(1, "u", "U", Set.of(), Set.of(permissions));
    }

    @Test
    void onePermissionOrAnyOfSeveral() {
        PortalUser inspector = user("oks.inspect");
        assertTrue(inspector.hasPermission(null));
        assertTrue(inspector.hasPermission(" "));
        assertTrue(inspector.hasPermission("oks.inspect"));
        assertFalse(inspector.hasPermission("oks.view"));
        assertTrue(inspector.hasPermission(PortalUser.anyOf("oks.view", "oks.inspect")));
        assertTrue(inspector.hasPermission("oks.view | oks.inspect"));
        assertFalse(inspector.hasPermission(PortalUser.anyOf("oks.view", "oks.admin")));
        assertFalse(user().hasPermission("|"), "no alternative named");
        assertTrue(user(PortalUser.ADMIN_PERMISSION).hasPermission(PortalUser.anyOf("x", "y")));
    }
}
