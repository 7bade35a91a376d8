package ua.hromada.portal.persistence.security;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import javax.persistence.EntityManager;
import javax.persistence.LockModeType;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import ua.hromada.portal.api.PortalUser;
import ua.hromada.portal.api.audit.AuditChanges;
import ua.hromada.portal.api.community.Communities;
import ua.hromada.portal.api.security.UserAccounts.AuthResult;
import ua.hromada.portal.api.security.UserAccounts.AuthResult.Status;
import ua.hromada.portal.api.security.UserAccounts.SignInAttempt;
import ua.hromada.portal.persistence.audit.AuditWriter;
import ua.hromada.portal.persistence.entity.UserEntity;

/**
 * The decision of one sign-in, inside the caller's transaction. Every refusal carries the same
 * message and costs one bcrypt check (against a dummy hash when there is no account to check), so
 * neither words nor timing tell an unknown user from a wrong password, a locked or a disabled
 * account. What really happened goes to the audit log. Only the right password of an enabled
 * account that is no member of the current community (the host's) hears why: it belongs elsewhere.
 */
final class SignInRules {
    private static final Logger LOG = LoggerFactory.getLogger(SignInRules.class);
    static final String ANONYMOUS = "anonymous";

    private final SecuritySettings settings;
    private final PasswordHasher hasher;
    private final String dummyHash;
    private final ClientThrottle throttle;
    private final PasswordChangeTickets tickets;
    private final Communities communities;
    private final AuditWriter audit;

    SignInRules(SecuritySettings settings, PasswordHasher hasher, String dummyHash, ClientThrottle throttle,
            PasswordChangeTickets tickets, Communities communities) {
        this.communities = communities;
        this.audit = new AuditWriter(communities);
        this.settings = settings;
        this.hasher = hasher;
        this.dummyHash = dummyHash;
        this.throttle = throttle;
        this.tickets = tickets;
    }

    /** For a username that can never exist: the same cost and answer as any other failure. */
    AuthResult refuseInvalidName(SignInAttempt a, Instant now) {
        hasher.verify(dummyHash, a.password() == null ? new char[0] : a.password());
        if (throttle.waitFor(a.clientAddress(), now).isZero()) {
            throttle.failed(a.clientAddress(), now);
        }
        return refused(Status.BAD_CREDENTIALS);
    }

    AuthResult decide(EntityManager em, String name, SignInAttempt a, Instant now) {
        String client = a.clientAddress() == null ? "-" : a.clientAddress();
        Duration wait = throttle.waitFor(a.clientAddress(), now);
        List<UserEntity> found = em.createQuery("select u from UserEntity u where u.username = :u", UserEntity.class)
                .setParameter("u", name)
                // serialises concurrent attempts on one account so the failure counter is exact
                .setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultList();
        if (found.isEmpty()) {
            hasher.verify(dummyHash, a.password());
            if (wait.isZero()) {
                failedFromClient(em, a.clientAddress(), now);
                audit.write(em, now, ANONYMOUS, AuditWriter.CORE_MODULE, UserAccountsImpl.ENTITY, name,
                        "login.failed", detail(client).value("reason", "unknownUser").text());
            }
            return refused(Status.BAD_CREDENTIALS);
        }
        UserEntity u = found.get(0);
        String deviceHash = KnownDevices.hash(a.deviceToken());
        boolean knownDevice = KnownDevices.known(em, deviceHash, u.getId(),
                now.minus(settings.limits().deviceLifetime()));
        if (!wait.isZero() && !knownDevice) {
            // not even checked: a throttled client learns nothing, whatever it sends
            hasher.verify(dummyHash, a.password());
            return refused(Status.THROTTLED);
        }
        boolean locked = u.getLockedUntil() != null && u.getLockedUntil().isAfter(now);
        if (u.getLockedUntil() != null && !locked) {
            u.setLockedUntil(null);
            u.setFailedAttempts(0);
        }
        if (!hasher.verify(u.getPasswordHash(), a.password())) {
            u.setFailedAttempts(u.getFailedAttempts() + 1);
            if (knownDevice) {
                KnownDevices.failed(em, deviceHash, u.getId(), settings.limits().deviceMaxFailures());
            }
            int fromClient = failedFromClient(em, a.clientAddress(), now);
            audit.write(em, now, ANONYMOUS, AuditWriter.CORE_MODULE, UserAccountsImpl.ENTITY, name,
                    "login.failed", detail(client).value("reason", "wrongPassword")
                            .value("failedAttempts", u.getFailedAttempts()).value("clientFailures", fromClient).text());
            if (!locked && u.getFailedAttempts() >= settings.maxAttempts()) {
                u.setLockedUntil(now.plus(settings.lockout()));
                audit.write(em, now, "system", AuditWriter.CORE_MODULE, UserAccountsImpl.ENTITY, name,
                        "lock", new AuditChanges().value("lockedUntil", u.getLockedUntil())
                                .value("failedAttempts", u.getFailedAttempts()).value("reason", "softLock").text());
                LOG.warn("Account '{}' soft-locked until {} after {} failed sign-ins", name, u.getLockedUntil(),
                        u.getFailedAttempts());
            }
            return refused(locked ? Status.LOCKED : Status.BAD_CREDENTIALS);
        }
        if (locked && !knownDevice) {
            failedFromClient(em, a.clientAddress(), now);
            audit.write(em, now, ANONYMOUS, AuditWriter.CORE_MODULE, UserAccountsImpl.ENTITY, name,
                    "login.failed", detail(client).value("reason", "lockedUnknownDevice")
                            .value("lockedUntil", u.getLockedUntil()).text());
            return refused(Status.LOCKED);
        }
        if (!u.isEnabled()) {
            failedFromClient(em, a.clientAddress(), now);
            audit.write(em, now, ANONYMOUS, AuditWriter.CORE_MODULE, UserAccountsImpl.ENTITY, name,
                    "login.failed", detail(client).value("reason", "accountDisabled").text());
            return refused(Status.DISABLED);
        }
        String community = communities.current().id();
        if (u.membership(community) == null && !Memberships.regional(em, u)) {
            audit.write(em, now, ANONYMOUS, AuditWriter.CORE_MODULE, UserAccountsImpl.ENTITY, name,
                    "login.failed", detail(client).value("reason", "notMember").value("community", community).text());
            return new AuthResult(Status.NOT_MEMBER, null, MessageKeys.NOT_MEMBER, null);
        }
        if (u.isMustChangePassword()) {
            audit.write(em, now, name, AuditWriter.CORE_MODULE, UserAccountsImpl.ENTITY, name,
                    "login.passwordChangeRequired", detail(client).text());
            return new AuthResult(Status.PASSWORD_CHANGE_REQUIRED, null, null, null, null,
                    tickets.issue(name, now));
        }
        return succeeded(em, u, a.deviceToken(), client, now, locked);
    }

    /** A complete sign-in: the lock stays (the attacker keeps waiting), the device is remembered. */
    AuthResult succeeded(EntityManager em, UserEntity u, String presentedToken, String client, Instant now,
            boolean locked) {
        PortalUser user = Memberships.portalUser(em, u, communities.current().id());
        if (user == null) {
            // its membership ended while it was changing its password
            return new AuthResult(Status.NOT_MEMBER, null, MessageKeys.NOT_MEMBER, null);
        }
        if (!locked) {
            u.setFailedAttempts(0);
        }
        u.setLastLogin(now);
        // only a token this portal issued is kept; anything else gets a fresh one
        String token = KnownDevices.issued(em, KnownDevices.hash(presentedToken)) ? presentedToken
                : KnownDevices.newToken();
        KnownDevices.remember(em, KnownDevices.hash(token), u.getId(), now);
        audit.write(em, now, u.getUsername(), AuditWriter.CORE_MODULE, UserAccountsImpl.ENTITY,
                u.getUsername(), "login", (locked ? detail(client).value("reason", "knownDevicePassedLock")
                        : detail(client)).text());
        return new AuthResult(Status.OK, user, null, null, token, null);
    }

    private int failedFromClient(EntityManager em, String clientAddress, Instant now) {
        int count = throttle.failed(clientAddress, now);
        if (count == settings.limits().freeAttempts()) {
            audit.write(em, now, "system", AuditWriter.CORE_MODULE, "client",
                    clientAddress == null ? "-" : clientAddress, "login.throttled",
                    new AuditChanges().value("clientFailures", count)
                            .value("delaySeconds", throttle.delayAfter(count).toSeconds())
                            .value("maxDelaySeconds", settings.limits().maxDelay().toSeconds()).text());
            LOG.warn("Sign-in from {} throttled after {} failures", clientAddress, count);
        }
        return count;
    }

    /** Audit details of a sign-in: the client first, then what happened (rendered by the audit view). */
    private static AuditChanges detail(String client) {
        return new AuditChanges().value("client", client);
    }

    static AuthResult refused(Status status) {
        return new AuthResult(status, null, MessageKeys.AUTH_FAILED, null);
    }
}
