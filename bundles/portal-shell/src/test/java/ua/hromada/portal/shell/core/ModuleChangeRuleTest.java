package ua.hromada.portal.shell.core;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;

import jakarta.servlet.http.HttpServletRequest;
import ua.hromada.portal.api.CurrentUser;
import ua.hromada.portal.api.PortalException;
import ua.hromada.portal.api.PortalUser;
import ua.hromada.portal.api.security.Roles;
import ua.hromada.portal.testing.TestCommunities;

class ModuleChangeRuleTest {

    private static final PortalUser COMMUNITY_ADMIN = user("rada", PortalUser.ADMIN_PERMISSION);
    /** As the portal reads a regional administrator in any community: both permissions. */
    private static final PortalUser REGIONAL_ADMIN = user("oblast", PortalUser.ADMIN_PERMISSION,
            Roles.COMMUNITIES_PERMISSION);
    private static final PortalUser CLERK = user("clerk", "docsearch.edit");

    private static PortalUser user(String name, String... permissions) {
        return new PortalUser(1, name, name, Set.of(), Set.of(permissions));
    }

    /** The signed-in user of a UI, which the portal keeps in the Vaadin session. */
    private static CurrentUser signedIn(PortalUser user) {
        return new CurrentUser() {
            @Override
            public Optional<PortalUser> get() {
                return Optional.ofNullable(user);
            }

            @Override
            public Optional<PortalUser> fromRequest(HttpServletRequest request) {
                return get();
            }
        };
    }

    @Test
    void withTheDefaultCommunityOnlyItsAdministratorChangesModulesAsBefore() {
        assertEquals(Optional.empty(), ModuleChangeRule.refusal(Optional.of(COMMUNITY_ADMIN), 1));
        assertEquals(Optional.empty(), ModuleChangeRule.refusal(Optional.of(REGIONAL_ADMIN), 1));
        assertEquals(Optional.of(ModuleChangeRule.ADMIN_ONLY), ModuleChangeRule.refusal(Optional.of(CLERK), 1));
    }

    @Test
    void withSeveralCommunitiesOnlyTheRegionalAdministratorDoes() {
        assertEquals(Optional.of(ModuleChangeRule.REGIONAL_ONLY),
                ModuleChangeRule.refusal(Optional.of(COMMUNITY_ADMIN), 2));
        assertEquals(Optional.of(ModuleChangeRule.REGIONAL_ONLY), ModuleChangeRule.refusal(Optional.of(CLERK), 3));
        assertEquals(Optional.empty(), ModuleChangeRule.refusal(Optional.of(REGIONAL_ADMIN), 2));
    }

    @Test
    void workWithNoSignedInUserChangesNothing() {
        assertEquals(Optional.of(ModuleChangeRule.ADMIN_ONLY), ModuleChangeRule.refusal(Optional.empty(), 1));
        assertEquals(Optional.of(ModuleChangeRule.REGIONAL_ONLY), ModuleChangeRule.refusal(Optional.empty(), 2));
    }

    @Test
    void aCommunityAddedWhileThePortalRunsTakesTheChangesFromTheCommunityAdministrator() {
        TestCommunities communities = new TestCommunities();
        ModuleChangeRule rule = new ModuleChangeRule(signedIn(COMMUNITY_ADMIN), communities);
        assertDoesNotThrow(rule::require);

        communities.add("reshetylivka", "reshetylivka.portal.example");
        PortalException refused = assertThrows(ModuleRightsException.class, rule::require);
        assertEquals(PortalException.Reason.FORBIDDEN, refused.reason());
        assertEquals("modules.error.regionalOnly", refused.messageKey());
        assertDoesNotThrow(new ModuleChangeRule(signedIn(REGIONAL_ADMIN), communities)::require);
    }

    @Test
    void everyRefusalHasItsText() {
        ShellMessages messages = new ShellMessages();
        for (String key : new String[] { ModuleChangeRule.ADMIN_ONLY, ModuleChangeRule.REGIONAL_ONLY }) {
            assertFalse(messages.getTranslation(key, new java.util.Locale("uk")).startsWith("!"), key);
            assertFalse(messages.getTranslation(key, java.util.Locale.ENGLISH).startsWith("!"), key);
        }
    }
}
