package ua.hromada.portal.api.security;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import ua.hromada.portal.api.PortalUser;

/**
 * Offered by the core: employees' accounts, authentication with lockout, roles. An account belongs
 * to one or more communities with its roles in each; "roles" and permissions below are those of the
 * current community ({@link ua.hromada.portal.api.community.Communities#current()}). A regional
 * administrator (a role granting {@link Roles#COMMUNITIES_PERMISSION}) has every permission in
 * every community.
 */
@org.osgi.annotation.versioning.ProviderType
public interface UserAccounts {

    /** Checks a password without a client (e.g. the current password on the profile page). */
    AuthResult authenticate(String username, char[] password);

    /**
     * Sign-in of a client: per-client throttling, the account's soft lock (passed by a device that
     * signed in to the account before), one refusal message and similar timing for every failure.
     */
    AuthResult signIn(SignInAttempt attempt);

    /**
     * Ends a forced password change begun by a {@code PASSWORD_CHANGE_REQUIRED} result: the ticket
     * proves the old password was just given. Throws {@link AccountException} for a bad password.
     */
    AuthResult completePasswordChange(String changeTicket, char[] newPassword, String clientAddress);

    /**
     * Creates a user, a member of the current community with these roles there; throws
     * {@link AccountException} with a message key when invalid.
     */
    UserAccount create(String username, String displayName, String email, char[] password,
            Set<String> roles, String actor);

    /**
     * Changes an account whatever its version (console and set-up code); {@code roles} are its roles
     * in the current community (it becomes a member there), null keeps them.
     */
    void update(String username, String displayName, String email, boolean enabled,
            Set<String> roles, String actor);

    /**
     * Changes an account as a form loaded it ({@code expectedVersion} from its {@link UserAccount});
     * {@link ua.hromada.portal.api.jdbc.EditConflictException} when it changed meanwhile, nothing saved.
     */
    void update(String username, String displayName, String email, boolean enabled,
            Set<String> roles, long expectedVersion, String actor);

    void changePassword(String username, char[] newPassword, String actor);

    /** Clears the failure counter and the lock. */
    void unlock(String username, String actor);

    Optional<UserAccount> find(String username);

    /** The members of the current community (by username, display name or e-mail when filtered). */
    List<UserAccount> list(String filter, int offset, int limit);

    long count(String filter);

    /**
     * Builds the session view of a user in the current community (its roles there resolved to
     * permissions); empty for a user who is no member of it, unless a regional administrator.
     */
    Optional<PortalUser> portalUser(String username);

    /** True while the configured first admin still has the default password from config. */
    boolean defaultAdminPasswordInUse();

    /**
     * Moves whenever an account is changed, disabled or removed or a role's grants change on this
     * node: holders of a signed-in user re-read it ({@link #portalUser}) when this moved, so a
     * revoked permission or a disabled account takes effect on the next request.
     */
    default long securityChanges() {
        return 0;
    }

    /** The communities the user belongs to, each with the user's roles there (community id to role names). */
    Map<String, Set<String>> memberships(String username);

    /**
     * Sets the user's roles in one community as a form loaded the account ({@code expectedVersion});
     * {@code roles} null ends the membership, an empty set keeps the member without roles. Refused
     * ({@link AccountException}) for an unknown community or role, for an actor who is no regional
     * administrator changing another community than the current one, a regional role or a regional
     * administrator's account, and when it would leave no enabled administrator.
     */
    void setMembership(String username, String community, Set<String> roles, long expectedVersion, String actor);

    /** The members of a community, filtered as {@link #list}; their roles are those in that community. */
    List<UserAccount> members(String community, String filter, int offset, int limit);

    long countMembers(String community, String filter);

    /** Whether the user holds {@link Roles#COMMUNITIES_PERMISSION} through a role in any community. */
    boolean regionalAdmin(String username);

    /** {@code version} moves with every change an administrator makes (optimistic locking of the form). */
    record UserAccount(long id, String username, String displayName, String email, boolean enabled,
            Set<String> roles, int failedAttempts, Instant lockedUntil, Instant lastLogin, long version) {
        public UserAccount(long id, String username, String displayName, String email, boolean enabled,
                Set<String> roles, int failedAttempts, Instant lockedUntil, Instant lastLogin) {
            this(id, username, displayName, email, enabled, roles, failedAttempts, lockedUntil, lastLogin, 0);
        }
    }

    /** A sign-in: {@code clientAddress} and {@code deviceToken} (from a cookie) may be null. */
    record SignInAttempt(String username, char[] password, String clientAddress, String deviceToken) {
    }

    /**
     * Outcome of a sign-in attempt; {@code messageKey} explains a refusal (the same key for every
     * refusal of {@link #signIn}). {@code deviceToken}: remember it on the client (cookie) after OK;
     * {@code changeTicket}: for {@link #completePasswordChange} after PASSWORD_CHANGE_REQUIRED.
     */
    record AuthResult(Status status, PortalUser user, String messageKey, Instant lockedUntil,
            String deviceToken, String changeTicket) {
        /**
         * NOT_MEMBER: the right password of an account that is no member of the community of the
         * host signed in to (told only after the password was right, so it names no account to a guesser).
         */
        public enum Status { OK, BAD_CREDENTIALS, LOCKED, DISABLED, THROTTLED, PASSWORD_CHANGE_REQUIRED, NOT_MEMBER }

        public AuthResult(Status status, PortalUser user, String messageKey, Instant lockedUntil) {
            this(status, user, messageKey, lockedUntil, null, null);
        }

        public boolean ok() {
            return status == Status.OK;
        }
    }
}
