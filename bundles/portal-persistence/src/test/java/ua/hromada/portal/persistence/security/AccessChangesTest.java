package ua.hromada.portal.persistence.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static ua.hromada.portal.persistence.security.AccountRulesTest.assertKey;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import ua.hromada.portal.api.audit.AuditLog;
import ua.hromada.portal.api.audit.AuditLog.AuditEntry;
import ua.hromada.portal.api.audit.AuditLog.AuditQuery;
import ua.hromada.portal.api.jdbc.EditConflictException;
import ua.hromada.portal.api.security.Roles.RoleDefinition;
import ua.hromada.portal.api.security.UserAccounts.UserAccount;
import ua.hromada.portal.persistence.audit.AuditLogImplAccess;
import ua.hromada.portal.persistence.testing.PortalTestDatabase;
import ua.hromada.portal.testing.MutableClock;
import ua.hromada.portal.testing.TestCommunities;
import ua.hromada.portal.testing.TestDatabase;

/**
 * Issue 20 items 1-3 and 33 for the core: access taken away is seen at once, a new role never
 * replaces an existing one, role names in any alphabet, stale forms refused, audit says what changed.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessChangesTest {
    private TestDatabase db;
    private final MutableClock clock = new MutableClock();
    private final AccountChanges changes = new AccountChanges();
    private UserAccountsImpl accounts;
    private RolesImpl roles;
    private AuditLog audit;

    @BeforeAll
    void start() {
        db = PortalTestDatabase.createMigrated();
        accounts = new UserAccountsImpl(db.jpa(), UserAccountsImplTest.SETTINGS, clock, changes, new TestCommunities());
        roles = new RolesImpl(db.jpa(), clock, changes, new TestCommunities());
        audit = new AuditLogImplAccess(db.jpa(), clock).log();
    }

    @AfterAll
    void stop() {
        db.close();
    }

    private List<AuditEntry> auditOf(String type, String id) {
        return audit.find(new AuditQuery(null, "portal", type, null, null, null), 0, 1000).stream()
                .filter(e -> id.equals(e.entityId())).toList();
    }

    @Test
    void disablingAUserOrRevokingAGrantMovesTheStampAndTheReadUserLosesIt() {
        roles.create("doc.clerks", null, Set.of("docsearch.view", "docsearch.edit"), "admin");
        accounts.create("stamp.clerk", "Clerk", null, "clerk-password".toCharArray(), Set.of("doc.clerks"), "admin");
        assertTrue(accounts.portalUser("stamp.clerk").orElseThrow().hasPermission("docsearch.edit"));

        long before = accounts.securityChanges();
        RoleDefinition role = roles.find("doc.clerks").orElseThrow();
        roles.update("doc.clerks", null, Set.of("docsearch.view"), role.version(), "admin");
        assertNotEquals(before, accounts.securityChanges(), "a revoked grant must tell sessions to re-read");
        assertTrue(!accounts.portalUser("stamp.clerk").orElseThrow().hasPermission("docsearch.edit"));

        long afterRole = accounts.securityChanges();
        UserAccount clerk = accounts.find("stamp.clerk").orElseThrow();
        accounts.update("stamp.clerk", clerk.displayName(), null, false, clerk.roles(), clerk.version(), "admin");
        assertNotEquals(afterRole, accounts.securityChanges(), "a disabled account must tell sessions to re-read");
        assertTrue(accounts.portalUser("stamp.clerk").isEmpty(), "a disabled user has no session user");
    }

    @Test
    void aNewRoleWithATakenNameIsRefusedAndTheRoleAndItsAuditStay() {
        roles.create("inspectors", "Інспектори ОКС", Set.of("oks.inspect"), "admin");
        List<AuditEntry> auditBefore = auditOf("role", "inspectors");
        assertKey(MessageKeys.ROLE_NAME_TAKEN,
                () -> roles.create(" Inspectors ", "чужий опис", Set.of("portal.admin"), "admin"));
        RoleDefinition kept = roles.find("inspectors").orElseThrow();
        assertEquals(Set.of("oks.inspect"), kept.permissions());
        assertEquals("Інспектори ОКС", kept.description());
        assertEquals(auditBefore, auditOf("role", "inspectors"));
    }

    @Test
    void roleNamesInAnyAlphabetWithAClearRefusalForSigns() {
        RoleDefinition created = roles.create("  Інспектори   ОКС ", null, Set.of("oks.inspect"), "admin");
        assertEquals("інспектори окс", created.name());
        assertEquals(created, roles.find("ІНСПЕКТОРИ ОКС").orElseThrow());
        accounts.create("inspector.one", null, null, "inspector-password".toCharArray(), Set.of("Інспектори ОКС"),
                "admin");
        assertEquals(Set.of("інспектори окс"), accounts.find("inspector.one").orElseThrow().roles());
        for (String bad : new String[] { "a", "-лідер", "ролі, всі", "\"лапки\"", "a/b", " " }) {
            assertKey(MessageKeys.ROLE_NAME_INVALID, () -> roles.create(bad, null, Set.of(), "admin"));
        }
    }

    @Test
    void aStaleRoleFormIsRefusedAndNothingChanges() {
        RoleDefinition loaded = roles.create("stale.role", null, Set.of("a.one"), "admin");
        RoleDefinition first = roles.update("stale.role", "перший", Set.of("a.one", "a.two"), loaded.version(), "admin");
        assertEquals(loaded.version() + 1, first.version());
        assertThrows(EditConflictException.class,
                () -> roles.update("stale.role", "другий", Set.of(), loaded.version(), "admin"));
        RoleDefinition now = roles.find("stale.role").orElseThrow();
        assertEquals(Set.of("a.one", "a.two"), now.permissions());
        assertEquals("перший", now.description());
        assertEquals(first.version(), now.version());
        // the update's audit names what it granted
        AuditEntry update = auditOf("role", "stale.role").get(0);
        assertEquals("update", update.action());
        assertEquals("permissionsGranted: [a.two]; description: null -> перший", update.changes());
        // a role removed meanwhile is a conflict too, not a silent re-creation
        assertThrows(EditConflictException.class, () -> roles.update("gone.role", null, Set.of(), 0, "admin"));
        assertTrue(roles.find("gone.role").isEmpty());
    }

    @Test
    void aStaleUserFormIsRefusedAndSignInsDoNotMoveTheVersion() {
        accounts.create("stale.user", "Перший", null, "stale-password".toCharArray(), Set.of(), "admin");
        UserAccount loaded = accounts.find("stale.user").orElseThrow();
        assertTrue(accounts.authenticate("stale.user", "stale-password".toCharArray()).ok());
        assertTrue(!accounts.authenticate("stale.user", "wrong-password".toCharArray()).ok());
        assertEquals(loaded.version(), accounts.find("stale.user").orElseThrow().version(),
                "sign-in bookkeeping must not refuse an administrator's open form");
        accounts.update("stale.user", "Другий", null, true, Set.of(), loaded.version(), "admin");
        assertThrows(EditConflictException.class,
                () -> accounts.update("stale.user", "Третій", "x@rada.gov.ua", false, Set.of("employee"),
                        loaded.version(), "admin"));
        UserAccount now = accounts.find("stale.user").orElseThrow();
        assertEquals("Другий", now.displayName());
        assertTrue(now.enabled());
        assertNull(now.email());
        assertEquals(loaded.version() + 1, now.version());
        assertEquals("displayName: Перший -> Другий", auditOf("user", "stale.user").get(0).changes());
    }

    @Test
    void theShippedEmployeeRoleReadsTheActsRegisterAndBuiltInRolesHaveNoStoredEnglish() {
        assertEquals(Set.of("docsearch.view"), roles.find("employee").orElseThrow().permissions());
        assertNull(roles.find("employee").orElseThrow().description());
        assertNull(roles.find("admin").orElseThrow().description());
    }

    @Test
    void signInDetailsAreFieldsTheAuditViewRenders() {
        accounts.create("detail.user", null, null, "detail-password".toCharArray(), Set.of(), "admin");
        for (int i = 0; i < 3; i++) {
            accounts.signIn(new ua.hromada.portal.api.security.UserAccounts.SignInAttempt("detail.user",
                    "wrong-password".toCharArray(), "10.0.0.7", null));
        }
        List<AuditEntry> entries = auditOf("user", "detail.user");
        AuditEntry lock = entries.stream().filter(e -> e.action().equals("lock")).findFirst().orElseThrow();
        assertTrue(lock.changes().matches("lockedUntil: \\d{4}-\\d\\d-\\d\\dT[\\d:.]+Z; failedAttempts: 3; reason: softLock"),
                lock.changes());
        AuditEntry failed = entries.stream().filter(e -> e.action().equals("login.failed")).findFirst().orElseThrow();
        assertEquals("client: 10.0.0.7; reason: wrongPassword; failedAttempts: 3; clientFailures: 3", failed.changes());
    }
}
