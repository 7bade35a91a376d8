package ua.hromada.portal.persistence.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static ua.hromada.portal.persistence.security.AccountRulesTest.assertKey;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import ua.hromada.portal.api.security.UserAccounts.AuthResult;
import ua.hromada.portal.api.security.UserAccounts.AuthResult.Status;
import ua.hromada.portal.api.security.UserAccounts.SignInAttempt;
import ua.hromada.portal.persistence.security.SecuritySettings.SignInLimits;
import ua.hromada.portal.persistence.testing.PortalTestDatabase;
import ua.hromada.portal.testing.MutableClock;
import ua.hromada.portal.testing.TestCommunities;
import ua.hromada.portal.testing.TestDatabase;

/** Throttling, soft lock, one answer for every failure, the bootstrap password: on PostgreSQL. */
class SignInHardeningTest {
    /** 3 free failures per client, then 10 s doubling up to 80 s; account soft lock after 4. */
    private static final SignInLimits LIMITS = new SignInLimits(3, Duration.ofSeconds(10), Duration.ofSeconds(80),
            Duration.ofMinutes(30), 100, Duration.ofDays(90), 2);

    private TestDatabase db;
    private final MutableClock clock = new MutableClock();
    private UserAccountsImpl accounts;

    @BeforeEach
    void setUp() {
        db = PortalTestDatabase.createMigrated();
        accounts = start("admin", "admin");
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    private UserAccountsImpl start(String adminName, String adminPassword) {
        return new UserAccountsImpl(db.jpa(), new SecuritySettings(adminName, adminPassword, 4,
                Duration.ofMinutes(15), 8, 4, LIMITS), clock, new TestCommunities());
    }

    private AuthResult signIn(String user, String password, String client, String device) {
        return accounts.signIn(new SignInAttempt(user, password.toCharArray(), client, device));
    }

    @Test
    void aClientIsDelayedAfterItsFreeFailuresWithGrowingWaitsAndOthersAreNot() {
        accounts.create("olena", null, null, "olena-password".toCharArray(), Set.of("employee"), "t");
        for (int i = 0; i < 3; i++) {
            assertEquals(Status.BAD_CREDENTIALS, signIn("olena", "wrong-" + i, "10.0.0.1", null).status());
        }
        // the right password from the throttled client is not even checked
        AuthResult throttled = signIn("olena", "olena-password", "10.0.0.1", null);
        assertEquals(Status.THROTTLED, throttled.status());
        assertEquals(MessageKeys.AUTH_FAILED, throttled.messageKey());
        // another client is not affected
        assertTrue(signIn("olena", "olena-password", "10.0.0.2", null).ok());

        clock.advance(Duration.ofSeconds(9));
        assertEquals(Status.THROTTLED, signIn("olena", "olena-password", "10.0.0.1", null).status());
        clock.advance(Duration.ofSeconds(2));
        // the wait is over: one more failure makes the next wait twice as long
        assertEquals(Status.BAD_CREDENTIALS, signIn("olena", "wrong-again", "10.0.0.1", null).status());
        clock.advance(Duration.ofSeconds(11));
        assertEquals(Status.THROTTLED, signIn("olena", "olena-password", "10.0.0.1", null).status());
        clock.advance(Duration.ofSeconds(10));
        assertTrue(signIn("olena", "olena-password", "10.0.0.1", null).ok());

        // unknown users count for the client as well
        for (int i = 0; i < 5; i++) {
            signIn("nobody-" + i, "whatever-pass", "10.0.0.3", null);
        }
        assertEquals(Status.THROTTLED, signIn("olena", "olena-password", "10.0.0.3", null).status());
        // and everything is forgotten after throttle.forgetMinutes
        clock.advance(Duration.ofMinutes(31));
        assertTrue(signIn("olena", "olena-password", "10.0.0.3", null).ok());
    }

    @Test
    void delaysDoubleUpToTheCap() {
        ClientThrottle t = new ClientThrottle(LIMITS);
        assertEquals(Duration.ZERO, t.delayAfter(2));
        assertEquals(List.of(10L, 20L, 40L, 80L, 80L, 80L),
                List.of(3, 4, 5, 6, 7, 60).stream().map(n -> t.delayAfter(n).toSeconds()).toList());
    }

    @Test
    void theThrottleForgetsTheOldestClientsBeyondItsCap() {
        ClientThrottle t = new ClientThrottle(new SignInLimits(1, Duration.ofSeconds(10), Duration.ofSeconds(10),
                Duration.ofHours(1), 100, Duration.ofDays(1), 1));
        for (int i = 0; i < 1000; i++) {
            t.failed("192.0.2." + i, clock.instant());
        }
        assertEquals(100, t.size());
        assertEquals(Duration.ZERO, t.waitFor("192.0.2.0", clock.instant()));
        assertEquals(Duration.ofSeconds(10), t.waitFor("192.0.2.999", clock.instant()));
    }

    @Test
    void theSoftLockStillLetsInTheRightPasswordFromABrowserThatSignedInBefore() {
        accounts.create("petro", null, null, "petro-password".toCharArray(), Set.of("employee"), "t");
        AuthResult first = signIn("petro", "petro-password", "10.1.0.1", null);
        assertTrue(first.ok());
        String device = first.deviceToken();
        assertNotNull(device);

        // an attacker spreading guesses over many addresses locks the account
        for (int i = 0; i < 4; i++) {
            signIn("petro", "guess-" + i, "203.0.113." + i, null);
        }
        assertNotNull(accounts.find("petro").orElseThrow().lockedUntil());
        AuthResult stranger = signIn("petro", "petro-password", "203.0.113.50", null);
        assertEquals(Status.LOCKED, stranger.status());
        assertEquals(MessageKeys.AUTH_FAILED, stranger.messageKey());
        assertNull(stranger.user());
        // a made-up token is no device
        assertEquals(Status.LOCKED, signIn("petro", "petro-password", "203.0.113.51",
                KnownDevices.newToken()).status());

        // Petro's own browser, even from a new address, passes with the right password
        AuthResult own = signIn("petro", "petro-password", "10.9.9.9", device);
        assertTrue(own.ok());
        assertEquals(device, own.deviceToken(), "the browser keeps its token");
        // ...which does not lift the lock for the others
        assertEquals(Status.LOCKED, signIn("petro", "petro-password", "203.0.113.52", null).status());

        // wrong passwords on the known device: after devices.maxFailures it is forgotten
        signIn("petro", "typo-1", "10.9.9.9", device);
        signIn("petro", "typo-2", "10.9.9.9", device);
        assertEquals(Status.LOCKED, signIn("petro", "petro-password", "10.9.9.10", device).status());

        // a known device also passes its client's throttling
        clock.advance(Duration.ofMinutes(16));
        AuthResult again = signIn("petro", "petro-password", "10.1.0.1", null);
        assertTrue(again.ok());
        for (int i = 0; i < 3; i++) {
            signIn("someone-else", "guess", "10.1.0.1", null);
        }
        assertEquals(Status.THROTTLED, signIn("petro", "petro-password", "10.1.0.1", null).status());
        assertTrue(signIn("petro", "petro-password", "10.1.0.1", again.deviceToken()).ok());
    }

    @Test
    void everyFailureGivesTheSameAnswer() {
        accounts.create("wrong.pw", null, null, "right-password".toCharArray(), Set.of(), "t");
        accounts.create("locked.one", null, null, "right-password".toCharArray(), Set.of(), "t");
        accounts.create("disabled.one", null, null, "right-password".toCharArray(), Set.of("employee"), "t");
        accounts.update("disabled.one", null, null, false, null, "t");
        for (int i = 0; i < 4; i++) {
            signIn("locked.one", "guess", "198.51.100." + i, null);
        }
        for (int i = 0; i < 3; i++) {
            signIn("nobody", "guess", "198.51.100.200", null);
        }
        List<AuthResult> failures = List.of(
                signIn("no.such.user", "right-password", "198.51.100.10", null),
                signIn("?", "right-password", "198.51.100.11", null),
                signIn("wrong.pw", "wrong-password", "198.51.100.12", null),
                signIn("locked.one", "right-password", "198.51.100.13", null),
                signIn("disabled.one", "right-password", "198.51.100.14", null),
                signIn("wrong.pw", "right-password", "198.51.100.200", null));
        assertEquals(List.of(Status.BAD_CREDENTIALS, Status.BAD_CREDENTIALS, Status.BAD_CREDENTIALS, Status.LOCKED,
                Status.DISABLED, Status.THROTTLED), failures.stream().map(AuthResult::status).toList());
        for (AuthResult r : failures) {
            assertEquals(MessageKeys.AUTH_FAILED, r.messageKey());
            assertNull(r.user());
            assertNull(r.lockedUntil());
            assertNull(r.deviceToken());
            assertNull(r.changeTicket());
        }
    }

    @Test
    void theBootstrapPasswordMustBeReplacedAtTheFirstSignInAndIsIgnoredForGoodAfterwards() {
        AuthResult first = signIn("admin", "admin", "127.0.0.1", null);
        assertEquals(Status.PASSWORD_CHANGE_REQUIRED, first.status());
        assertNull(first.user(), "no signed-in user before the change");
        String ticket = first.changeTicket();
        assertNotNull(ticket);

        // the password rules, each with its own message
        assertKey(MessageKeys.PASSWORD_TOO_SHORT, () -> accounts.completePasswordChange(ticket, "admin".toCharArray(), null));
        assertKey(MessageKeys.PASSWORD_EMPTY, () -> accounts.completePasswordChange(ticket, "   ".toCharArray(), null));
        assertKey(MessageKeys.PASSWORD_CHANGE_EXPIRED,
                () -> accounts.completePasswordChange("made-up-ticket", "Nova-Parol-2026".toCharArray(), null));

        AuthResult changed = accounts.completePasswordChange(ticket, "Nova-Parol-2026".toCharArray(), "127.0.0.1");
        assertTrue(changed.ok());
        assertTrue(changed.user().hasPermission("portal.admin"));
        assertNotNull(changed.deviceToken());
        // the ticket is used up
        assertKey(MessageKeys.PASSWORD_CHANGE_EXPIRED,
                () -> accounts.completePasswordChange(ticket, "Insha-Parol-2026".toCharArray(), null));

        assertEquals(Status.BAD_CREDENTIALS, signIn("admin", "admin", "127.0.0.2", null).status());
        assertTrue(signIn("admin", "Nova-Parol-2026", "127.0.0.2", null).ok());
        assertEquals(false, accounts.defaultAdminPasswordInUse());

        // a restart with another bootstrap password in the config changes nothing...
        UserAccountsImpl restarted = start("admin", "another-bootstrap");
        assertEquals(Status.BAD_CREDENTIALS, restarted.signIn(
                new SignInAttempt("admin", "another-bootstrap".toCharArray(), "127.0.0.3", null)).status());
        // ...not even when every account vanished behind the portal's back
        db.jpa().tx(em -> em.createNativeQuery("delete from portal.users").executeUpdate());
        UserAccountsImpl empty = start("admin", "admin");
        assertEquals(0, empty.count(null));
        assertEquals(Status.BAD_CREDENTIALS, empty.signIn(
                new SignInAttempt("admin", "admin".toCharArray(), "127.0.0.4", null)).status());
    }

    @Test
    void theNewPasswordMayBeNeitherTheOldOneNorTheUsername() {
        db.jpa().tx(em -> em.createNativeQuery("delete from portal.security_state").executeUpdate());
        db.jpa().tx(em -> em.createNativeQuery("delete from portal.users").executeUpdate());
        UserAccountsImpl fresh = start("administrator", "Bootstrap-2026");
        AuthResult first = fresh.signIn(new SignInAttempt("administrator", "Bootstrap-2026".toCharArray(), null, null));
        assertEquals(Status.PASSWORD_CHANGE_REQUIRED, first.status());
        assertKey(MessageKeys.PASSWORD_SAME,
                () -> fresh.completePasswordChange(first.changeTicket(), "Bootstrap-2026".toCharArray(), null));
        assertKey(MessageKeys.PASSWORD_IS_USERNAME,
                () -> fresh.completePasswordChange(first.changeTicket(), "Administrator".toCharArray(), null));
        assertTrue(fresh.completePasswordChange(first.changeTicket(), "Bootstrap-2027".toCharArray(), null).ok());
    }

    @Test
    void aLegacyAdminStillOnTheDefaultPasswordMustChangeItToo() {
        // an installation from before V2: the admin exists, with "admin", and no forced change
        signIn("admin", "admin", "127.0.0.1", null);
        db.jpa().tx(em -> em.createNativeQuery("update portal.users set must_change_password = false").executeUpdate());
        UserAccountsImpl upgraded = start("admin", "admin");
        assertEquals(Status.PASSWORD_CHANGE_REQUIRED, upgraded.signIn(
                new SignInAttempt("admin", "admin".toCharArray(), "127.0.0.5", null)).status());
        // a password set in the console ends the forced change
        upgraded.changePassword("admin", "Console-Set-2026".toCharArray(), "karaf");
        assertTrue(upgraded.signIn(new SignInAttempt("admin", "Console-Set-2026".toCharArray(), "127.0.0.5", null)).ok());
    }
}
