package ua.hromada.portal.shell.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Set;

import org.junit.jupiter.api.Test;

import ua.hromada.portal.api.PortalUser;

class AccessDecisionTest {

    private static PortalUser user(String... permissions) {
        return new PortalUser(7, "olena", "Олена", Set.of("employee"), Set.of(permissions));
    }

    @Test
    void publicTargetsAreOpenToEveryone() {
        assertEquals(AccessDecision.ALLOW, AccessDecision.decide(true, "anything", null));
    }

    @Test
    void anonymousUsersAreSentToLogin() {
        assertEquals(AccessDecision.LOGIN, AccessDecision.decide(false, null, null));
        assertEquals(AccessDecision.LOGIN, AccessDecision.decide(false, "oks.view", null));
    }

    @Test
    void signedInUsersNeedTheViewsPermission() {
        assertEquals(AccessDecision.ALLOW, AccessDecision.decide(false, null, user()));
        assertEquals(AccessDecision.ALLOW, AccessDecision.decide(false, "", user()));
        assertEquals(AccessDecision.FORBIDDEN, AccessDecision.decide(false, "oks.view", user()));
        assertEquals(AccessDecision.ALLOW, AccessDecision.decide(false, "oks.view", user("oks.view")));
        assertEquals(AccessDecision.FORBIDDEN, AccessDecision.decide(false, "oks.view", user("oks.viewer")));
    }

    @Test
    void theAdminPermissionOpensEveryView() {
        assertEquals(AccessDecision.ALLOW,
                AccessDecision.decide(false, "opendata.audit", user(PortalUser.ADMIN_PERMISSION)));
    }
}
