package ua.hromada.portal.persistence.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static ua.hromada.portal.persistence.security.AccountRulesTest.assertKey;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import ua.hromada.portal.api.PortalUser;
import ua.hromada.portal.api.audit.AuditLog;
import ua.hromada.portal.api.audit.AuditLog.AuditEntry;
import ua.hromada.portal.api.security.Roles;
import ua.hromada.portal.api.security.UserAccounts.AuthResult;
import ua.hromada.portal.api.security.UserAccounts.AuthResult.Status;
import ua.hromada.portal.api.security.UserAccounts.SignInAttempt;
import ua.hromada.portal.api.security.UserAccounts.UserAccount;
import ua.hromada.portal.persistence.audit.AuditLogImplAccess;
import ua.hromada.portal.persistence.testing.PortalTestDatabase;
import ua.hromada.portal.testing.MutableClock;
import ua.hromada.portal.testing.TestCommunities;
import ua.hromada.portal.testing.TestDatabase;

/**
 * Accounts of several communities on one database: roles and permissions per community, sign-in
 * only where the account is a member, the regional administrator everywhere, and what a
 * community's own administrator may not change.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CommunityMembershipsTest {
    private static final String CONSOLE = "console:karaf";

    private TestDatabase db;
    private final MutableClock clock = new MutableClock();
    private final TestCommunities communities = new TestCommunities().add("a", "a.portal.example")
            .add("b", "b.portal.example");
    private UserAccountsImpl accounts;
    private RolesImpl roles;
    private AuditLog audit;

    @BeforeAll
    void start() {
        db = PortalTestDatabase.createMigrated();
        accounts = new UserAccountsImpl(db.jpa(), UserAccountsImplTest.SETTINGS, clock, communities);
        roles = new RolesImpl(db.jpa(), clock, communities);
        audit = new AuditLogImplAccess(db.jpa(), clock, communities).log();
        roles.save("cm-clerk", null, Set.of("oks.view"), CONSOLE);
        roles.save("cm-editor", null, Set.of("oks.edit"), CONSOLE);
    }

    @AfterAll
    void stop() {
        db.close();
    }

    private UserAccount createIn(String community, String username, String... roleNames) {
        return communities.callAs(community, () -> accounts.create(username, null, null,
                (username + "-password").toCharArray(), Set.of(roleNames), CONSOLE));
    }

    private long version(String username) {
        return accounts.find(username).orElseThrow().version();
    }

    private Optional<PortalUser> userIn(String community, String username) {
        return communities.callAs(community, () -> accounts.portalUser(username));
    }

    private AuthResult signInAt(String community, String username, String password) {
        return communities.callAs(community, () -> accounts.signIn(
                new SignInAttempt(username, password.toCharArray(), "10.0.0.9", null)));
    }

    @Test
    void permissionsAreThoseOfTheRolesInTheCurrentCommunity() {
        createIn("a", "cm.olha", "cm-clerk");
        accounts.setMembership("cm.olha", "b", Set.of("cm-editor"), version("cm.olha"), CONSOLE);

        assertEquals(Map.of("a", Set.of("cm-clerk"), "b", Set.of("cm-editor")), accounts.memberships("cm.olha"));
        PortalUser inA = userIn("a", "cm.olha").orElseThrow();
        assertTrue(inA.hasPermission("oks.view"));
        assertFalse(inA.hasPermission("oks.edit"));
        assertEquals(Set.of("cm-clerk"), inA.roles());
        PortalUser inB = userIn("b", "cm.olha").orElseThrow();
        assertTrue(inB.hasPermission("oks.edit"));
        assertFalse(inB.hasPermission("oks.view"));
        assertTrue(userIn("default", "cm.olha").isEmpty(), "no member of the default community");

        // lists are one community's members, with their roles there
        assertTrue(communities.callAs("a", () -> accounts.list("cm.olha", 0, 10)).stream()
                .anyMatch(u -> u.username().equals("cm.olha") && u.roles().equals(Set.of("cm-clerk"))));
        assertTrue(accounts.list("cm.olha", 0, 10).isEmpty());
        assertEquals(0, accounts.count("cm.olha"));
        List<UserAccount> inBList = accounts.members("b", "cm.olha", 0, 10);
        assertEquals(1, inBList.size());
        assertEquals(Set.of("cm-editor"), inBList.get(0).roles());
        assertEquals(1, accounts.countMembers("b", "cm.olha"));

        // a member without roles signs in and holds no permission; leaving ends the membership
        accounts.setMembership("cm.olha", "b", Set.of(), version("cm.olha"), CONSOLE);
        assertEquals(Set.of(), userIn("b", "cm.olha").orElseThrow().permissions());
        accounts.setMembership("cm.olha", "b", null, version("cm.olha"), CONSOLE);
        assertTrue(userIn("b", "cm.olha").isEmpty());
        assertEquals(Map.of("a", Set.of("cm-clerk")), accounts.memberships("cm.olha"));
        assertKey(MessageKeys.UNKNOWN_COMMUNITY,
                () -> accounts.setMembership("cm.olha", "nowhere", Set.of(), version("cm.olha"), CONSOLE));
        assertKey(MessageKeys.UNKNOWN_ROLE,
                () -> accounts.setMembership("cm.olha", "b", Set.of("no-such-role"), version("cm.olha"), CONSOLE));
    }

    @Test
    void signInIsRefusedWhereTheAccountIsNoMember() {
        createIn("a", "cm.petro", "cm-clerk");

        AuthResult elsewhere = signInAt("b", "cm.petro", "cm.petro-password");
        assertEquals(Status.NOT_MEMBER, elsewhere.status());
        assertEquals(MessageKeys.NOT_MEMBER, elsewhere.messageKey());
        assertNull(elsewhere.user());
        // a wrong password hears the one answer every refusal gets: nothing about the account
        AuthResult guessed = signInAt("b", "cm.petro", "wrong-password");
        assertEquals(Status.BAD_CREDENTIALS, guessed.status());
        assertEquals(MessageKeys.AUTH_FAILED, guessed.messageKey());

        AuthResult home = signInAt("a", "cm.petro", "cm.petro-password");
        assertTrue(home.ok());
        assertTrue(home.user().hasPermission("oks.view"));

        List<AuditEntry> refusals = communities.callAs("b", () -> audit.find(
                new AuditLog.AuditQuery(null, "portal", "user", "notmember", null, null), 0, 10));
        assertEquals(1, refusals.size());
        assertEquals("cm.petro", refusals.get(0).entityId());
        assertEquals("b", refusals.get(0).community());
    }

    @Test
    void theRegionalAdministratorHasEveryPermissionInEveryCommunity() {
        createIn("default", "cm.regina", Roles.REGIONAL_ADMIN_ROLE);
        assertTrue(accounts.regionalAdmin("cm.regina"));
        assertFalse(accounts.regionalAdmin("cm.nobody"));
        for (String community : List.of("default", "a", "b")) {
            AuthResult r = signInAt(community, "cm.regina", "cm.regina-password");
            assertTrue(r.ok(), community);
            assertTrue(r.user().hasPermission("oks.edit"), community);
            assertTrue(r.user().hasPermission(Roles.COMMUNITIES_PERMISSION), community);
            assertTrue(r.user().permissions().contains(PortalUser.ADMIN_PERMISSION), community);
        }
        createIn("a", "cm.clerk", "cm-clerk");
        assertFalse(accounts.regionalAdmin("cm.clerk"));
        assertFalse(userIn("a", "cm.clerk").orElseThrow().hasPermission(Roles.COMMUNITIES_PERMISSION));

        // the regional administrator manages any community's members, from wherever
        communities.runAs("a", () -> accounts.setMembership("cm.clerk", "b", Set.of("cm-editor"),
                version("cm.clerk"), "cm.regina"));
        assertEquals(Set.of("cm-editor"), accounts.memberships("cm.clerk").get("b"));
    }

    @Test
    void aCommunityAdministratorChangesOnlyItsOwnCommunitysMembers() {
        createIn("default", "cm.rada", Roles.REGIONAL_ADMIN_ROLE);
        createIn("a", "cm.adam", Roles.ADMIN_ROLE);
        createIn("a", "cm.ivan", "cm-clerk");
        createIn("b", "cm.bohdan", "cm-clerk");
        communities.runAs("a", () -> {
            assertKey(MessageKeys.COMMUNITY_NOT_CURRENT,
                    () -> accounts.setMembership("cm.ivan", "b", Set.of("cm-clerk"), version("cm.ivan"), "cm.adam"));
            assertKey(MessageKeys.ROLE_REGIONAL_ONLY, () -> accounts.setMembership("cm.ivan", "a",
                    Set.of(Roles.REGIONAL_ADMIN_ROLE), version("cm.ivan"), "cm.adam"));
            assertKey(MessageKeys.ROLE_REGIONAL_ONLY, () -> accounts.create("cm.sneaky", null, null,
                    "sneaky-password".toCharArray(), Set.of(Roles.REGIONAL_ADMIN_ROLE), "cm.adam"));
            // another community's account and the regional administrator's are not there for him
            assertKey(MessageKeys.USER_NOT_FOUND, () -> accounts.update("cm.bohdan", null, null, false, null,
                    version("cm.bohdan"), "cm.adam"));
            assertKey(MessageKeys.USER_NOT_FOUND,
                    () -> accounts.changePassword("cm.bohdan", "taken-over-pw".toCharArray(), "cm.adam"));
            assertKey(MessageKeys.REGIONAL_PROTECTED,
                    () -> accounts.changePassword("cm.rada", "taken-over-pw".toCharArray(), "cm.adam"));
            assertKey(MessageKeys.REGIONAL_PROTECTED, () -> accounts.update("cm.rada", null, null, false, null,
                    version("cm.rada"), "cm.adam"));
            // roles are shared: the communities permission is the regional administrator's to give
            assertKey(MessageKeys.ROLE_REGIONAL_PERMISSION, () -> roles.create("cm-almost-regional", null,
                    Set.of(Roles.COMMUNITIES_PERMISSION), "cm.adam"));
            assertKey(MessageKeys.ROLE_REGIONAL_PERMISSION, () -> roles.save(Roles.REGIONAL_ADMIN_ROLE, null,
                    Set.of(Roles.COMMUNITIES_PERMISSION, "oks.view"), "cm.adam"));
            assertKey(MessageKeys.ROLE_REGIONAL_PROTECTED, () -> roles.delete(Roles.REGIONAL_ADMIN_ROLE, "cm.rada"));
            assertKey(MessageKeys.ROLE_REGIONAL_PROTECTED,
                    () -> roles.save(Roles.REGIONAL_ADMIN_ROLE, null, Set.of(PortalUser.ADMIN_PERMISSION), "cm.rada"));

            // his own community's member he changes
            accounts.setMembership("cm.ivan", "a", Set.of("cm-editor"), version("cm.ivan"), "cm.adam");
            accounts.changePassword("cm.ivan", "a-new-password".toCharArray(), "cm.adam");
        });
        assertEquals(Map.of("a", Set.of("cm-editor")), accounts.memberships("cm.ivan"));
        assertTrue(accounts.find("cm.sneaky").isEmpty());
        assertTrue(accounts.find("cm.bohdan").orElseThrow().enabled());
        assertFalse(roles.find("cm-almost-regional").isPresent());
        // the regional administrator may do what he may not
        communities.runAs("a", () -> accounts.setMembership("cm.ivan", "b", Set.of("cm-clerk"), version("cm.ivan"),
                "cm.rada"));
        assertEquals(Set.of("cm-clerk"), accounts.memberships("cm.ivan").get("b"));
        roles.create("cm-deputy-regional", null, Set.of(Roles.COMMUNITIES_PERMISSION), "cm.rada");
        assertTrue(roles.find("cm-deputy-regional").isPresent());
    }
}
