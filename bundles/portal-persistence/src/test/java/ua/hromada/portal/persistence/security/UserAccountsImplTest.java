package ua.hromada.portal.persistence.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static ua.hromada.portal.persistence.security.AccountRulesTest.assertKey;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import ua.hromada.portal.api.PortalUser;
import ua.hromada.portal.api.audit.AuditLog;
import ua.hromada.portal.api.security.UserAccounts.AuthResult;
import ua.hromada.portal.api.security.UserAccounts.AuthResult.Status;
import ua.hromada.portal.api.security.UserAccounts.UserAccount;
import ua.hromada.portal.testing.MutableClock;
import ua.hromada.portal.persistence.testing.PortalTestDatabase;
import ua.hromada.portal.testing.TestCommunities;
import ua.hromada.portal.testing.TestDatabase;

/** One database for the class; every test uses its own usernames and roles. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UserAccountsImplTest {
    /** Client throttling is SignInHardeningTest's subject: here it never starts. */
    static final SecuritySettings SETTINGS = new SecuritySettings("admin", "admin", 3, Duration.ofMinutes(15), 8, 4,
            new SecuritySettings.SignInLimits(1000, Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofHours(1),
                    100, Duration.ofDays(90), 3));

    private TestDatabase db;
    private final MutableClock clock = new MutableClock();
    private UserAccountsImpl accounts;
    private RolesImpl roles;

    @BeforeAll
    void start() {
        db = PortalTestDatabase.createMigrated();
        accounts = new UserAccountsImpl(db.jpa(), SETTINGS, clock, new TestCommunities());
        roles = new RolesImpl(db.jpa(), clock, new TestCommunities());
    }

    @AfterAll
    void stop() {
        db.close();
    }

    private char[] pw(String s) {
        return s.toCharArray();
    }

    @Test
    void createdUserIsStoredLowercasedWithHashedPassword() {
        UserAccount u = accounts.create("  Olena.K ", "Олена К.", "olena@rada.gov.ua", pw("correct-horse"),
                Set.of("employee"), "tester");
        assertEquals("olena.k", u.username());
        assertEquals("Олена К.", u.displayName());
        assertEquals(Set.of("employee"), u.roles());
        assertTrue(u.enabled());
        assertTrue(accounts.find("OLENA.K").isPresent());
        assertTrue(accounts.authenticate("Olena.K", pw("correct-horse")).ok());
        String hash = db.jpa().txExpr(em -> (String) em.createNativeQuery(
                "select password_hash from portal.users where username = 'olena.k'").getSingleResult());
        assertTrue(hash.startsWith("$2"));
        assertEquals(4, PasswordHasher.costOf(hash));
    }

    @Test
    void invalidInputIsRefusedWithKeys() {
        assertKey(MessageKeys.USERNAME_INVALID, () -> accounts.create("x", null, null, pw("long-enough"), Set.of(), "t"));
        assertKey(MessageKeys.PASSWORD_EMPTY, () -> accounts.create("valid.name", null, null, pw(""), Set.of(), "t"));
        assertKey(MessageKeys.PASSWORD_TOO_SHORT, () -> accounts.create("valid.name", null, null, pw("short"), Set.of(), "t"));
        assertKey(MessageKeys.UNKNOWN_ROLE, () -> accounts.create("valid.name", null, null, pw("long-enough"), Set.of("nosuchrole"), "t"));
        assertFalse(accounts.find("valid.name").isPresent());
        accounts.create("taken.name", null, null, pw("long-enough"), Set.of(), "t");
        assertKey(MessageKeys.USERNAME_TAKEN, () -> accounts.create("Taken.Name", null, null, pw("long-enough"), Set.of(), "t"));
        assertKey(MessageKeys.USER_NOT_FOUND, () -> accounts.changePassword("nobody.here", pw("long-enough"), "t"));
    }

    @Test
    void unknownUserAndWrongPasswordLookTheSame() {
        accounts.create("petro", null, null, pw("petro-password"), Set.of(), "t");
        AuthResult wrong = accounts.authenticate("petro", pw("not-his-password"));
        AuthResult unknown = accounts.authenticate("nobody.at.all", pw("whatever-pass"));
        AuthResult invalidName = accounts.authenticate("?", pw("whatever-pass"));
        for (AuthResult r : List.of(wrong, unknown, invalidName)) {
            assertEquals(Status.BAD_CREDENTIALS, r.status());
            assertEquals(MessageKeys.AUTH_FAILED, r.messageKey());
            assertNull(r.user());
            assertNull(r.lockedUntil());
        }
    }

    @Test
    void lockoutAfterMaxAttemptsThenExpiry() {
        accounts.create("lock.me", null, null, pw("right-password"), Set.of(), "t");
        assertEquals(Status.BAD_CREDENTIALS, accounts.authenticate("lock.me", pw("wrong-1")).status());
        assertEquals(Status.BAD_CREDENTIALS, accounts.authenticate("lock.me", pw("wrong-2")).status());
        AuthResult third = accounts.authenticate("lock.me", pw("wrong-3"));
        assertEquals(MessageKeys.AUTH_FAILED, third.messageKey());
        assertNull(third.lockedUntil(), "the answer does not reveal the lock");
        assertEquals(clock.instant().plus(Duration.ofMinutes(15)), accounts.find("lock.me").orElseThrow().lockedUntil());

        AuthResult whileLocked = accounts.authenticate("lock.me", pw("right-password"));
        assertEquals(Status.LOCKED, whileLocked.status());
        assertEquals(MessageKeys.AUTH_FAILED, whileLocked.messageKey());
        assertNull(whileLocked.user());

        clock.advance(Duration.ofMinutes(16));
        AuthResult after = accounts.authenticate("lock.me", pw("right-password"));
        assertEquals(Status.OK, after.status());
        UserAccount u = accounts.find("lock.me").orElseThrow();
        assertEquals(0, u.failedAttempts());
        assertNull(u.lockedUntil());
        assertEquals(clock.instant(), u.lastLogin());
    }

    @Test
    void successResetsTheCounterAndUnlockClearsALock() {
        accounts.create("reset.me", null, null, pw("right-password"), Set.of(), "t");
        accounts.authenticate("reset.me", pw("wrong-1"));
        accounts.authenticate("reset.me", pw("wrong-2"));
        assertEquals(2, accounts.find("reset.me").orElseThrow().failedAttempts());
        assertTrue(accounts.authenticate("reset.me", pw("right-password")).ok());
        assertEquals(0, accounts.find("reset.me").orElseThrow().failedAttempts());
        // two more failures would now not lock: the counter started again
        accounts.authenticate("reset.me", pw("wrong-3"));
        accounts.authenticate("reset.me", pw("wrong-4"));
        assertTrue(accounts.authenticate("reset.me", pw("right-password")).ok());

        for (int i = 0; i < 3; i++) {
            accounts.authenticate("reset.me", pw("wrong"));
        }
        assertEquals(Status.LOCKED, accounts.authenticate("reset.me", pw("right-password")).status());
        accounts.unlock("reset.me", "helpdesk");
        assertTrue(accounts.authenticate("reset.me", pw("right-password")).ok());
    }

    @Test
    void disabledUsersAreRefused() {
        accounts.create("gone", null, null, pw("gone-password"), Set.of("employee"), "t");
        accounts.update("gone", "Gone", null, false, Set.of("employee"), "t");
        assertEquals(Status.DISABLED, accounts.authenticate("gone", pw("gone-password")).status());
        assertEquals(MessageKeys.AUTH_FAILED, accounts.authenticate("gone", pw("gone-password")).messageKey());
        // a wrong password does not reveal that the account is disabled
        assertEquals(Status.BAD_CREDENTIALS, accounts.authenticate("gone", pw("wrong-password")).status());
        assertTrue(accounts.portalUser("gone").isEmpty());
    }

    @Test
    void updateKeepsFieldsPassedAsNullAndClearsBlankEmail() {
        accounts.create("keeper", "Keeper Name", "keeper@rada.gov.ua", pw("keeper-password"), Set.of("employee"), "t");
        accounts.update("keeper", null, null, true, null, "t");
        UserAccount kept = accounts.find("keeper").orElseThrow();
        assertEquals("Keeper Name", kept.displayName());
        assertEquals("keeper@rada.gov.ua", kept.email());
        assertEquals(Set.of("employee"), kept.roles());
        accounts.update("keeper", " ", "", true, Set.of(), "t");
        UserAccount cleared = accounts.find("keeper").orElseThrow();
        assertEquals("keeper", cleared.displayName());
        assertNull(cleared.email());
        assertEquals(Set.of(), cleared.roles());
    }

    @Test
    void rolesResolveToPermissions() {
        roles.save("oks.clerk", "OKS clerk", Set.of("oks.violation.read", "oks.violation.register"), "t");
        roles.save("viewer", null, Set.of("oks.violation.read", "opendata.read"), "t");
        accounts.create("clerk", "Clerk", null, pw("clerk-password"), Set.of("oks.clerk", "viewer"), "t");

        PortalUser p = accounts.portalUser("clerk").orElseThrow();
        assertEquals(Set.of("oks.clerk", "viewer"), p.roles());
        assertEquals(Set.of("oks.violation.read", "oks.violation.register", "opendata.read"), p.permissions());
        assertTrue(p.hasPermission("oks.violation.register"));
        assertFalse(p.hasPermission("gis.edit"));
        assertFalse(p.hasPermission(PortalUser.ADMIN_PERMISSION));

        AuthResult r = accounts.authenticate("clerk", pw("clerk-password"));
        assertEquals(p.permissions(), r.user().permissions());

        accounts.create("boss", null, null, pw("boss-password"), Set.of("admin"), "t");
        PortalUser boss = accounts.portalUser("boss").orElseThrow();
        assertTrue(boss.hasPermission("gis.edit"));
        assertTrue(boss.hasPermission("anything.at.all"));

        // changing a role's grants is seen at the next resolution
        roles.save("viewer", null, Set.of("opendata.read"), "t");
        assertEquals(Set.of("oks.violation.read", "oks.violation.register", "opendata.read"),
                accounts.portalUser("clerk").orElseThrow().permissions());
        accounts.update("clerk", "Clerk", null, true, Set.of("viewer"), "t");
        assertEquals(Set.of("opendata.read"), accounts.portalUser("clerk").orElseThrow().permissions());
    }

    @Test
    void roleRules() {
        assertKey(MessageKeys.ROLE_ADMIN_PROTECTED, () -> roles.delete("admin", "t"));
        assertKey(MessageKeys.ROLE_ADMIN_PROTECTED, () -> roles.save("admin", "x", Set.of("oks.read"), "t"));
        roles.save("temp.role", "temporary", Set.of("x.y"), "t");
        accounts.create("temp.holder", null, null, pw("holder-password"), Set.of("temp.role"), "t");
        assertKey(MessageKeys.ROLE_IN_USE, () -> roles.delete("temp.role", "t"));
        accounts.update("temp.holder", null, null, true, Set.of(), "t");
        roles.delete("temp.role", "t");
        assertTrue(roles.find("temp.role").isEmpty());
        assertKey(MessageKeys.ROLE_NOT_FOUND, () -> roles.delete("temp.role", "t"));
        assertTrue(roles.list().stream().anyMatch(r -> r.name().equals("admin")
                && r.permissions().contains(PortalUser.ADMIN_PERMISSION)));
    }

    @Test
    void listAndCountFilter() {
        accounts.create("filter.one", "Марія Шевченко", "maria@rada.gov.ua", pw("password-1"), Set.of(), "t");
        accounts.create("filter.two", "Ivan", null, pw("password-2"), Set.of(), "t");
        assertEquals(2, accounts.count("FILTER."));
        assertEquals(List.of("filter.one", "filter.two"),
                accounts.list("filter.", 0, 10).stream().map(UserAccount::username).toList());
        assertEquals(List.of("filter.two"), accounts.list("filter.", 1, 10).stream().map(UserAccount::username).toList());
        assertEquals(1, accounts.count("шевченко"));
        assertEquals(1, accounts.count("maria@"));
        assertEquals(0, accounts.count("filter%"));
    }

    @Test
    void changesAreAuditedWithoutPasswords() {
        accounts.create("audited", "A", null, pw("secret-password-1"), Set.of("employee"), "auditor");
        accounts.changePassword("audited", pw("secret-password-2"), "auditor");
        accounts.update("audited", "B", "b@rada.gov.ua", true, Set.of("employee"), "auditor");
        AuditLog audit = new ua.hromada.portal.persistence.audit.AuditLogImplAccess(db.jpa(), clock).log();
        List<AuditLog.AuditEntry> entries = audit.find(new AuditLog.AuditQuery("auditor", "portal", "user", null, null, null), 0, 10);
        assertEquals(List.of("update", "password.change", "create"), entries.stream().map(AuditLog.AuditEntry::action).toList());
        assertTrue(entries.get(0).changes().contains("displayName: A -> B"), entries.get(0).changes());
        for (AuditLog.AuditEntry e : audit.find(AuditLog.AuditQuery.all(), 0, 1000)) {
            String c = String.valueOf(e.changes());
            assertFalse(c.contains("secret-password"), c);
            assertFalse(c.contains("$2"), c);
        }
        assertNotNull(accounts.find("audited").orElseThrow().username());
    }
}
