package ua.hromada.portal.persistence.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static ua.hromada.portal.persistence.security.AccountRulesTest.assertKey;

import java.time.Clock;
import java.time.Duration;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import ua.hromada.portal.api.PortalUser;
import ua.hromada.portal.api.audit.AuditLog;
import ua.hromada.portal.api.security.Roles;
import ua.hromada.portal.api.security.UserAccounts;
import ua.hromada.portal.persistence.audit.AuditLogImplAccess;
import ua.hromada.portal.persistence.testing.PortalTestDatabase;
import ua.hromada.portal.testing.TestCommunities;
import ua.hromada.portal.testing.TestDatabase;

/** A fresh database per test: these tests are about who the administrators are. */
class AdminBootstrapTest {
    private TestDatabase db;

    @BeforeEach
    void setUp() {
        db = PortalTestDatabase.createMigrated();
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    private UserAccountsImpl start(String adminName, String adminPassword) {
        return new UserAccountsImpl(db.jpa(),
                new SecuritySettings(adminName, adminPassword, 5, Duration.ofMinutes(15), 8, 4), Clock.systemUTC(),
                new TestCommunities());
    }

    @Test
    void firstStartCreatesTheAdminWithTheDefaultPasswordAndWarns() {
        UserAccountsImpl accounts = start("admin", "admin");
        assertTrue(accounts.defaultAdminPasswordInUse());
        UserAccounts.AuthResult first = accounts.authenticate("admin", "admin".toCharArray());
        assertEquals(UserAccounts.AuthResult.Status.PASSWORD_CHANGE_REQUIRED, first.status());
        assertNull(first.user(), "no session before the new password");
        // the first administrator is the regional one too
        assertEquals(Set.of("admin", "regional-admin"), accounts.find("admin").orElseThrow().roles());
        assertTrue(accounts.regionalAdmin("admin"));
        AuditLog audit = new AuditLogImplAccess(db.jpa(), Clock.systemUTC()).log();
        assertEquals(1, audit.count(new AuditLog.AuditQuery("system", "portal", "user", null, null, null)));

        // restart: nobody new, still warning until the password changes
        UserAccountsImpl again = start("admin", "admin");
        assertEquals(1, again.count(null));
        assertTrue(again.defaultAdminPasswordInUse());
        again.changePassword("admin", "a-much-better-one".toCharArray(), "admin");
        assertFalse(again.defaultAdminPasswordInUse());
        assertFalse(start("admin", "admin").defaultAdminPasswordInUse());
    }

    @Test
    void configuredPasswordIsUsedAndIsNotTheDefault() {
        UserAccountsImpl accounts = start("Root.Admin", "configured-secret");
        assertFalse(accounts.defaultAdminPasswordInUse());
        assertEquals(UserAccounts.AuthResult.Status.PASSWORD_CHANGE_REQUIRED,
                accounts.authenticate("root.admin", "configured-secret".toCharArray()).status());
        assertFalse(accounts.authenticate("root.admin", "admin".toCharArray()).ok());
    }

    @Test
    void noBootstrapWhenAnAdminExistsUnderAnotherName() {
        start("first", "admin").changePassword("first", "first-admin-pw".toCharArray(), "t");
        UserAccountsImpl other = start("second", "admin");
        assertTrue(other.find("second").isEmpty());
        assertFalse(other.defaultAdminPasswordInUse());
        assertEquals(1, other.count(null));
    }

    @Test
    void theLastEnabledAdminCannotBeDisabledOrDemoted() {
        UserAccountsImpl accounts = start("admin", "admin");
        RolesImpl roles = new RolesImpl(db.jpa(), Clock.systemUTC(), new TestCommunities());
        // a regional administrator who is no administrator by role: here only the admin permission's paths count
        roles.save("regional-only", null, Set.of(Roles.COMMUNITIES_PERMISSION), "t");
        accounts.create("regional.deputy", null, null, "regional-password".toCharArray(), Set.of("regional-only"), "t");
        assertKey(MessageKeys.LAST_ADMIN, () -> accounts.update("admin", "Admin", null, false, Set.of("admin"), "t"));
        assertKey(MessageKeys.LAST_ADMIN, () -> accounts.update("admin", "Admin", null, true, Set.of("employee"), "t"));
        assertTrue(accounts.find("admin").orElseThrow().enabled());
        assertEquals(Set.of("admin", "regional-admin"), accounts.find("admin").orElseThrow().roles());

        // an admin through another role counts too, and that role cannot drop portal.admin while it is the last path
        roles.save("superuser", null, Set.of(PortalUser.ADMIN_PERMISSION), "t");
        accounts.create("deputy", null, null, "deputy-password".toCharArray(), Set.of("superuser"), "t");
        accounts.update("admin", "Admin", null, false, Set.of("admin"), "t");
        assertFalse(accounts.find("admin").orElseThrow().enabled());
        assertKey(MessageKeys.LAST_ADMIN, () -> roles.save("superuser", null, Set.of("oks.read"), "t"));
        assertKey(MessageKeys.LAST_ADMIN, () -> accounts.update("deputy", null, null, true, Set.of(), "t"));

        accounts.update("admin", "Admin", null, true, Set.of("admin"), "t");
        roles.save("superuser", null, Set.of("oks.read"), "t");
        assertFalse(accounts.portalUser("deputy").orElseThrow().hasPermission("gis.edit"));
    }

    @Test
    void theLastRegionalAdministratorCannotBeDisabledOrDemoted() {
        UserAccountsImpl accounts = start("admin", "admin");
        RolesImpl roles = new RolesImpl(db.jpa(), Clock.systemUTC(), new TestCommunities());
        long version = accounts.find("admin").orElseThrow().version();
        assertKey(MessageKeys.LAST_REGIONAL_ADMIN,
                () -> accounts.update("admin", "Admin", null, true, Set.of("admin"), "t"));
        assertKey(MessageKeys.LAST_REGIONAL_ADMIN,
                () -> accounts.setMembership("admin", "default", Set.of("admin"), version, "t"));
        assertTrue(accounts.regionalAdmin("admin"));

        // another regional administrator, through a role of its own: now the first may step down,
        // and that role cannot drop the permission while it makes the last one
        roles.save("regional-too", null, Set.of(Roles.COMMUNITIES_PERMISSION), "t");
        accounts.create("second.region", null, null, "second-password".toCharArray(), Set.of("regional-too"), "t");
        accounts.update("admin", "Admin", null, true, Set.of("admin"), "t");
        assertFalse(accounts.regionalAdmin("admin"));
        assertKey(MessageKeys.LAST_REGIONAL_ADMIN, () -> roles.save("regional-too", null, Set.of("oks.view"), "t"));
        assertTrue(accounts.regionalAdmin("second.region"));
    }
}
