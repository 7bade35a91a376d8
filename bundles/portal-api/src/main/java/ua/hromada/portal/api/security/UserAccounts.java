package ua.hromada.portal.api.security;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import ua.hromada.portal.api.PortalUser;

/** Offered by the core: employees' accounts, authentication with lockout, roles. */
public interface UserAccounts {

    AuthResult authenticate(String username, char[] password);

    /** Creates a user; throws {@link AccountException} with a message key when invalid. */
    UserAccount create(String username, String displayName, String email, char[] password,
            Set<String> roles, String actor);

    void update(String username, String displayName, String email, boolean enabled,
            Set<String> roles, String actor);

    void changePassword(String username, char[] newPassword, String actor);

    /** Clears the failure counter and the lock. */
    void unlock(String username, String actor);

    Optional<UserAccount> find(String username);

    List<UserAccount> list(String filter, int offset, int limit);

    long count(String filter);

    /** Builds the session view of a user (roles resolved to permissions). */
    Optional<PortalUser> portalUser(String username);

    /** True while the configured first admin still has the default password from config. */
    boolean defaultAdminPasswordInUse();

    record UserAccount(long id, String username, String displayName, String email, boolean enabled,
            Set<String> roles, int failedAttempts, Instant lockedUntil, Instant lastLogin) {
    }

    /** Outcome of a sign-in attempt; {@code messageKey} explains a refusal. */
    record AuthResult(Status status, PortalUser user, String messageKey, Instant lockedUntil) {
        public enum Status { OK, BAD_CREDENTIALS, LOCKED, DISABLED }

        public boolean ok() {
            return status == Status.OK;
        }
    }
}
