package ua.hromada.portal.persistence.security;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

import javax.persistence.EntityManager;
import javax.persistence.LockModeType;
import javax.persistence.TypedQuery;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;

import ua.hromada.portal.api.PortalUser;
import ua.hromada.portal.api.audit.AuditChanges;
import ua.hromada.portal.api.community.Communities;
import ua.hromada.portal.api.security.AccountException;
import ua.hromada.portal.api.security.UserAccounts;
import ua.hromada.portal.api.security.UserAccounts.SignInAttempt;
import ua.hromada.portal.api.jdbc.Statements;
import ua.hromada.portal.persistence.PortalSchemaReady;
import ua.hromada.portal.persistence.audit.AuditWriter;
import ua.hromada.portal.persistence.entity.RoleEntity;
import ua.hromada.portal.persistence.entity.UserEntity;

/**
 * Employees' accounts in {@code portal.users}, members of communities with roles in each
 * ({@code portal.memberships}); what an account may do is decided for the current community.
 * Refusals that depend on stored data are decided
 * inside the transaction but thrown after it, so Aries does not log a rollback for a plain
 * validation error.
 */
@Component(service = UserAccounts.class, configurationPid = UserAccountsImpl.PID,
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = SecurityConfig.class)
public class UserAccountsImpl implements UserAccounts {
    public static final String PID = "ua.hromada.portal.security";
    static final String ENTITY = "user";
    private static final int MAX_LIMIT = 1000;

    private final JpaTemplate jpa;
    private final SecuritySettings settings;
    private final Clock clock;
    private final PasswordHasher hasher;
    private final SignInRules signIn;
    private final PasswordChangeTickets tickets = new PasswordChangeTickets();
    private final AccountChanges changes;
    private final Communities communities;
    private final AuditWriter audit;
    private final MembershipChanges memberships;
    private volatile boolean defaultAdminPassword;

    @Activate
    public UserAccountsImpl(@Reference(target = "(osgi.unit.name=hromada-portal)") JpaTemplate jpa,
            @Reference PortalSchemaReady schema, @Reference AccountChanges changes,
            @Reference Communities communities, SecurityConfig config) {
        this(jpa, SecuritySettings.of(config), Clock.systemUTC(), changes, communities);
    }

    UserAccountsImpl(JpaTemplate jpa, SecuritySettings settings, Clock clock, Communities communities) {
        this(jpa, settings, clock, new AccountChanges(), communities);
    }

    UserAccountsImpl(JpaTemplate jpa, SecuritySettings settings, Clock clock, AccountChanges changes,
            Communities communities) {
        this.jpa = jpa;
        this.changes = changes;
        this.communities = communities;
        this.audit = new AuditWriter(communities);
        this.memberships = new MembershipChanges(jpa, clock, communities, changes);
        this.settings = settings;
        this.clock = clock;
        this.hasher = new PasswordHasher(settings.bcryptCost());
        // checked for unknown users and throttled clients so a miss costs as long as a hit
        String dummyHash = hasher.hash("not-a-real-password".toCharArray());
        this.signIn = new SignInRules(settings, hasher, dummyHash, new ClientThrottle(settings.limits()), tickets,
                communities);
        FirstAdministrator.createOnFirstStart(jpa, settings, hasher, clock, audit);
        defaultAdminPassword = FirstAdministrator.defaultPasswordInUse(jpa, settings, hasher);
    }

    @Override
    public boolean defaultAdminPasswordInUse() {
        return defaultAdminPassword;
    }

    // ---- authentication -------------------------------------------------------------------

    @Override
    public AuthResult authenticate(String username, char[] password) {
        return signIn(new SignInAttempt(username, password, null, null));
    }

    @Override
    public AuthResult signIn(SignInAttempt attempt) {
        Instant now = clock.instant();
        String name = AccountRules.normalizeUsername(attempt.username());
        if (name == null || attempt.password() == null) {
            return signIn.refuseInvalidName(attempt, now);
        }
        return jpa.txExpr(TransactionType.Required, em -> signIn.decide(em, name, attempt, now));
    }

    @Override
    public AuthResult completePasswordChange(String changeTicket, char[] newPassword, String clientAddress) {
        Instant now = clock.instant();
        String name = tickets.username(changeTicket, now);
        if (name == null) {
            throw new AccountException(MessageKeys.PASSWORD_CHANGE_EXPIRED, "Password change ticket expired");
        }
        AccountRules.checkNewPassword(newPassword, name, settings.passwordMinLength());
        String hash = hasher.hash(newPassword);
        Outcome<AuthResult> out = jpa.txExpr(TransactionType.Required, em -> {
            UserEntity u = findEntity(em, name);
            if (u == null || !u.isEnabled()) {
                return Outcome.refuse(MessageKeys.PASSWORD_CHANGE_EXPIRED, "No enabled user " + name);
            }
            if (hasher.verify(u.getPasswordHash(), newPassword)
                    || Arrays.equals(settings.adminPassword().toCharArray(), newPassword)) {
                return Outcome.refuse(MessageKeys.PASSWORD_SAME, "The new password equals the old one");
            }
            u.setPasswordHash(hash);
            u.setMustChangePassword(false);
            audit.write(em, now, name, AuditWriter.CORE_MODULE, ENTITY, name, "password.change",
                    new AuditChanges().value("reason", "forcedAtFirstSignIn").text());
            return Outcome.ok(signIn.succeeded(em, u, null, clientAddress == null ? "-" : clientAddress, now,
                    false));
        });
        AuthResult result = out.get();
        tickets.use(changeTicket);
        if (name.equals(AccountRules.normalizeUsername(settings.adminUsername()))) {
            defaultAdminPassword = false;
        }
        return result;
    }

    // ---- changes --------------------------------------------------------------------------

    @Override
    public UserAccount create(String username, String displayName, String email, char[] password,
            Set<String> roles, String actor) {
        String name = AccountRules.requireUsername(username);
        String display = AccountRules.displayName(displayName, name);
        String mail = AccountRules.email(email);
        AccountRules.checkNewPassword(password, name, settings.passwordMinLength());
        Set<String> wanted = normalizeRoles(roles);
        String hash = hasher.hash(password);
        String community = communities.current().id();
        Outcome<UserAccount> out = jpa.txExpr(TransactionType.Required, em -> {
            if (findEntity(em, name) != null) {
                return Outcome.refuse(MessageKeys.USERNAME_TAKEN, "Username exists: " + name);
            }
            Outcome<UserAccount> refused = MembershipChanges.refusal(em, actor, null, community, community, wanted);
            if (refused != null) {
                return refused;
            }
            String missing = missingRole(em, wanted);
            if (missing != null) {
                return Outcome.refuse(MessageKeys.UNKNOWN_ROLE, "Unknown role: " + missing);
            }
            UserEntity u = new UserEntity();
            u.setUsername(name);
            u.setDisplayName(display);
            u.setEmail(mail);
            u.setPasswordHash(hash);
            u.setCreatedAt(clock.instant());
            u.join(community).getRoles().addAll(wanted);
            em.persist(u);
            em.flush();
            audit.write(em, clock.instant(), actor, AuditWriter.CORE_MODULE, ENTITY, name, "create",
                    new AuditChanges().value("displayName", display).value("email", mail).value("roles", wanted)
                            .text());
            return Outcome.ok(toAccount(u, community));
        });
        return out.get();
    }

    /** Null display name, e-mail or roles keep the stored value; a blank e-mail clears it. */
    @Override
    public void update(String username, String displayName, String email, boolean enabled, Set<String> roles,
            String actor) {
        update(username, displayName, email, enabled, roles, null, actor);
    }

    @Override
    public void update(String username, String displayName, String email, boolean enabled, Set<String> roles,
            long expectedVersion, String actor) {
        update(username, displayName, email, enabled, roles, Long.valueOf(expectedVersion), actor);
    }

    /** {@code expectedVersion} null: whatever the stored version (console). */
    private void update(String username, String displayName, String email, boolean enabled, Set<String> roles,
            Long expectedVersion, String actor) {
        String name = AccountRules.requireUsername(username);
        // null keeps the stored value; blank clears (display name falls back to the username)
        String newDisplay = displayName == null ? null : AccountRules.displayName(displayName, name);
        String newMail = email == null ? null : AccountRules.email(email);
        Set<String> wanted = roles == null ? null : normalizeRoles(roles);
        String community = communities.current().id();
        Outcome<Void> out = jpa.txExpr(TransactionType.Required, em -> {
            // locked: the version check and the change are one step against a concurrent save
            UserEntity u = findLocked(em, name);
            if (u == null) {
                return expectedVersion == null ? Outcome.refuse(MessageKeys.USER_NOT_FOUND, "No user " + name)
                        : Outcome.conflict("portal.users", name);
            }
            if (expectedVersion != null && u.getVersion() != expectedVersion) {
                return Outcome.conflict("portal.users", name);
            }
            Outcome<Void> refused = MembershipChanges.refusal(em, actor, u, community, community, wanted);
            if (refused != null) {
                return refused;
            }
            Set<String> oldRoles = u.rolesIn(community);
            Set<String> newRoles = wanted == null ? new HashSet<>(oldRoles) : wanted;
            String display = displayName == null ? u.getDisplayName() : newDisplay;
            String mail = email == null ? u.getEmail() : newMail;
            String missing = missingRole(em, newRoles);
            if (missing != null) {
                return Outcome.refuse(MessageKeys.UNKNOWN_ROLE, "Unknown role: " + missing);
            }
            String last = AdminGuard.lastOne(em, u, enabled,
                    wanted == null ? Memberships.allRoles(u) : Memberships.allRolesWith(u, community, wanted));
            if (last != null) {
                return Outcome.refuse(last, "Cannot remove the last enabled (regional) administrator");
            }
            AuditChanges changed = new AuditChanges()
                    .changed("displayName", u.getDisplayName(), display)
                    .changed("email", u.getEmail(), mail)
                    .changed("enabled", u.isEnabled(), enabled)
                    .changed("roles", oldRoles, newRoles);
            if (changed.isEmpty()) {
                return Outcome.ok(null);
            }
            u.setDisplayName(display);
            u.setEmail(mail);
            u.setEnabled(enabled);
            if (wanted != null) {
                u.join(community).getRoles().clear();
                u.join(community).getRoles().addAll(wanted);
            }
            u.setVersion(u.getVersion() + 1);
            audit.write(em, clock.instant(), actor, AuditWriter.CORE_MODULE, ENTITY, name, "update",
                    changed.text());
            return Outcome.ok(null);
        });
        out.get();
        changes.changed();
    }

    @Override
    public long securityChanges() {
        return changes.count();
    }

    @Override
    public void changePassword(String username, char[] newPassword, String actor) {
        String name = AccountRules.requireUsername(username);
        AccountRules.checkNewPassword(newPassword, name, settings.passwordMinLength());
        String hash = hasher.hash(newPassword);
        changeAccount(name, actor, "password.change", u -> {
            u.setPasswordHash(hash);
            // set by an administrator (console, users view) or by the user: no longer the bootstrap one
            u.setMustChangePassword(false);
        });
        if (name.equals(AccountRules.normalizeUsername(settings.adminUsername()))) {
            defaultAdminPassword = hasher.verify(hash, SecuritySettings.DEFAULT_ADMIN_PASSWORD.toCharArray());
        }
    }

    @Override
    public void unlock(String username, String actor) {
        String name = AccountRules.requireUsername(username);
        changeAccount(name, actor, "unlock", u -> {
            u.setFailedAttempts(0);
            u.setLockedUntil(null);
        });
    }

    /**
     * Changes the account {@code name} in one transaction with its audit entry {@code action}, if it
     * exists and {@code actor} may change it in the current community.
     */
    private void changeAccount(String name, String actor, String action, Consumer<UserEntity> change) {
        String community = communities.current().id();
        Outcome<Void> out = jpa.txExpr(TransactionType.Required, em -> {
            UserEntity u = findEntity(em, name);
            if (u == null) {
                return Outcome.refuse(MessageKeys.USER_NOT_FOUND, "No user " + name);
            }
            Outcome<Void> refused = MembershipChanges.refusalOfAccountChange(em, actor, u, community);
            if (refused != null) {
                return refused;
            }
            change.accept(u);
            audit.write(em, clock.instant(), actor, AuditWriter.CORE_MODULE, ENTITY, name, action, null);
            return Outcome.ok(null);
        });
        out.get();
    }

    // ---- queries --------------------------------------------------------------------------

    @Override
    public Optional<UserAccount> find(String username) {
        String name = AccountRules.normalizeUsername(username);
        if (name == null) {
            return Optional.empty();
        }
        String community = communities.current().id();
        return jpa.txExpr(TransactionType.Supports, em -> Optional.ofNullable(findEntity(em, name))
                .map(u -> toAccount(u, community)));
    }

    @Override
    public List<UserAccount> list(String filter, int offset, int limit) {
        return members(communities.current().id(), filter, offset, limit);
    }

    @Override
    public long count(String filter) {
        return countMembers(communities.current().id(), filter);
    }

    @Override
    public List<UserAccount> members(String community, String filter, int offset, int limit) {
        int max = Math.max(0, Math.min(limit, MAX_LIMIT));
        if (max == 0 || community == null) {
            return List.of();
        }
        return jpa.txExpr(TransactionType.Supports, em -> {
            TypedQuery<UserEntity> q = filtered(em, "select u from UserEntity u", community, filter,
                    " order by u.username", UserEntity.class);
            q.setFirstResult(Math.max(0, offset)).setMaxResults(max);
            List<UserAccount> result = new ArrayList<>();
            for (UserEntity u : q.getResultList()) {
                result.add(toAccount(u, community));
            }
            return result;
        });
    }

    @Override
    public long countMembers(String community, String filter) {
        return community == null ? 0 : jpa.txExpr(TransactionType.Supports, em -> filtered(em,
                "select count(u) from UserEntity u", community, filter, "", Long.class).getSingleResult());
    }

    @Override
    public Map<String, Set<String>> memberships(String username) {
        String name = AccountRules.normalizeUsername(username);
        return name == null ? Map.of() : jpa.txExpr(TransactionType.Supports, em -> {
            UserEntity u = findEntity(em, name);
            return u == null ? Map.<String, Set<String>>of() : MembershipChanges.of(u);
        });
    }

    @Override
    public void setMembership(String username, String community, Set<String> roles, long expectedVersion,
            String actor) {
        memberships.set(username, community, roles, expectedVersion, actor);
    }

    @Override
    public boolean regionalAdmin(String username) {
        String name = AccountRules.normalizeUsername(username);
        return name != null && jpa.txExpr(TransactionType.Supports, em -> {
            UserEntity u = findEntity(em, name);
            return u != null && Memberships.regional(em, u);
        });
    }

    /** Empty for unknown and disabled users and for non-members of the current community: none may hold a session here. */
    @Override
    public Optional<PortalUser> portalUser(String username) {
        String name = AccountRules.normalizeUsername(username);
        if (name == null) {
            return Optional.empty();
        }
        String community = communities.current().id();
        return jpa.txExpr(TransactionType.Supports, em -> {
            UserEntity u = findEntity(em, name);
            return u == null || !u.isEnabled() ? Optional.<PortalUser>empty()
                    : Optional.ofNullable(Memberships.portalUser(em, u, community));
        });
    }

    // ---- helpers --------------------------------------------------------------------------

    /** The community's members, by username, display name or e-mail when filtered. */
    private static <T> TypedQuery<T> filtered(EntityManager em, String select, String community, String filter,
            String tail, Class<T> type) {
        String member = " where exists (select m from MembershipEntity m where m.user = u and m.community = :c)";
        if (filter == null || filter.isBlank()) {
            return em.createQuery(select + member + tail, type).setParameter("c", community);
        }
        TypedQuery<T> q = em.createQuery(select + member + " and (lower(u.username) like :f escape '\\'"
                + " or lower(u.displayName) like :f escape '\\' or lower(u.email) like :f escape '\\')" + tail, type)
                .setParameter("c", community);
        return q.setParameter("f", Statements.containing(filter.trim().toLowerCase(Locale.ROOT)));
    }

    private static UserEntity findLocked(EntityManager em, String username) {
        List<UserEntity> found = em.createQuery("select u from UserEntity u where u.username = :u", UserEntity.class)
                .setParameter("u", username).setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultList();
        return found.isEmpty() ? null : found.get(0);
    }

    static UserEntity findEntity(EntityManager em, String username) {
        List<UserEntity> found = em.createQuery("select u from UserEntity u where u.username = :u", UserEntity.class)
                .setParameter("u", username).getResultList();
        return found.isEmpty() ? null : found.get(0);
    }

    private static Set<String> normalizeRoles(Set<String> roles) {
        Set<String> result = new HashSet<>();
        if (roles != null) {
            for (String r : roles) {
                result.add(AccountRules.requireRoleName(r));
            }
        }
        return result;
    }

    private static String missingRole(EntityManager em, Set<String> roles) {
        for (String r : roles) {
            if (em.find(RoleEntity.class, r) == null) {
                return r;
            }
        }
        return null;
    }

    /** The account with its roles in the community. */
    private static UserAccount toAccount(UserEntity u, String community) {
        return new UserAccount(u.getId(), u.getUsername(), u.getDisplayName(), u.getEmail(), u.isEnabled(),
                u.rolesIn(community), u.getFailedAttempts(), u.getLockedUntil(), u.getLastLogin(), u.getVersion());
    }
}
