package ua.hromada.portal.persistence.security;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import ua.hromada.portal.api.PortalUser;
import ua.hromada.portal.api.audit.AuditChanges;
import ua.hromada.portal.api.security.AccountException;
import ua.hromada.portal.api.security.UserAccounts;
import ua.hromada.portal.api.security.UserAccounts.SignInAttempt;
import ua.hromada.portal.persistence.PortalSchemaReady;
import ua.hromada.portal.persistence.audit.AuditWriter;
import ua.hromada.portal.persistence.entity.RoleEntity;
import ua.hromada.portal.persistence.entity.UserEntity;

/**
 * Employees' accounts in {@code portal.users}. Refusals that depend on stored data are decided
 * inside the transaction but thrown after it, so Aries does not log a rollback for a plain
 * validation error.
 */
@Component(service = UserAccounts.class, configurationPid = UserAccountsImpl.PID,
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = SecurityConfig.class)
public class UserAccountsImpl implements UserAccounts {
    public static final String PID = "ua.hromada.portal.security";
    static final String ENTITY = "user";
    private static final Logger LOG = LoggerFactory.getLogger(UserAccountsImpl.class);
    private static final int MAX_LIMIT = 1000;

    private final JpaTemplate jpa;
    private final SecuritySettings settings;
    private final Clock clock;
    private final PasswordHasher hasher;
    private final SignInRules signIn;
    private final PasswordChangeTickets tickets = new PasswordChangeTickets();
    private final AccountChanges changes;
    private volatile boolean defaultAdminPassword;

    @Activate
    public UserAccountsImpl(@Reference(target = "(osgi.unit.name=hromada-portal)") JpaTemplate jpa,
            @Reference PortalSchemaReady schema, @Reference AccountChanges changes, SecurityConfig config) {
        this(jpa, SecuritySettings.of(config), Clock.systemUTC(), changes);
    }

    UserAccountsImpl(JpaTemplate jpa, SecuritySettings settings, Clock clock) {
        this(jpa, settings, clock, new AccountChanges());
    }

    UserAccountsImpl(JpaTemplate jpa, SecuritySettings settings, Clock clock, AccountChanges changes) {
        this.jpa = jpa;
        this.changes = changes;
        this.settings = settings;
        this.clock = clock;
        this.hasher = new PasswordHasher(settings.bcryptCost());
        // checked for unknown users and throttled clients so a miss costs as long as a hit
        String dummyHash = hasher.hash("not-a-real-password".toCharArray());
        this.signIn = new SignInRules(settings, hasher, dummyHash, new ClientThrottle(settings.limits()), tickets);
        bootstrapAdmin();
        refreshDefaultPasswordFlag();
    }

    // ---- first admin ----------------------------------------------------------------------

    /**
     * Creates the first administrator from config on the very first start of an empty database
     * and records that in portal.security_state: from then on admin.password is ignored for good,
     * even if every administrator were later removed behind the portal's back.
     */
    private void bootstrapAdmin() {
        String username = AccountRules.normalizeUsername(settings.adminUsername());
        if (username == null) {
            LOG.error("admin.username '{}' in {} is not a valid username; no first administrator created",
                    settings.adminUsername(), PID);
            return;
        }
        Boolean created = jpa.txExpr(TransactionType.Required, em -> {
            if (BootstrapState.done(em)) {
                return null;
            }
            if (findEntity(em, username) != null || AdminGuard.anyAdmins(em) > 0) {
                BootstrapState.markDone(em, clock.instant(), "an administrator existed");
                return false;
            }
            UserEntity u = new UserEntity();
            u.setUsername(username);
            u.setDisplayName(username);
            // the configured password bypasses the policy on purpose: a fresh install must be
            // enterable; it sits in a file, so the first sign-in must replace it
            u.setPasswordHash(hasher.hash(settings.adminPassword().toCharArray()));
            u.setMustChangePassword(true);
            u.setCreatedAt(clock.instant());
            u.getRoles().add(RolesImpl.ADMIN_ROLE);
            em.persist(u);
            BootstrapState.markDone(em, clock.instant(), "created " + username);
            AuditWriter.write(em, clock.instant(), "system", AuditWriter.CORE_MODULE, ENTITY, username,
                    "create", new AuditChanges().value("roles", Set.of(RolesImpl.ADMIN_ROLE))
                            .value("mustChangePassword", true).value("reason", "firstAdministrator").text());
            return true;
        });
        if (Boolean.TRUE.equals(created)) {
            LOG.info("Created the first administrator '{}' from configuration {}; the first sign-in must set a"
                    + " new password", username, PID);
        } else if (created == null) {
            LOG.info("admin.password of {} is ignored: the first administrator was created before", PID);
        }
    }

    private void refreshDefaultPasswordFlag() {
        String username = AccountRules.normalizeUsername(settings.adminUsername());
        String hash = username == null ? null : jpa.txExpr(TransactionType.Supports, em -> {
            UserEntity u = findEntity(em, username);
            return u == null ? null : u.getPasswordHash();
        });
        boolean inUse = hash != null
                && hasher.verify(hash, SecuritySettings.DEFAULT_ADMIN_PASSWORD.toCharArray());
        defaultAdminPassword = inUse;
        if (inUse) {
            // an installation from before forced changes: the next sign-in must replace it
            jpa.tx(TransactionType.Required, em -> findEntity(em, username).setMustChangePassword(true));
            String line = "*".repeat(78);
            LOG.warn(line);
            LOG.warn("*** SECURITY WARNING: administrator '{}' still has the DEFAULT password '{}'.", username,
                    SecuritySettings.DEFAULT_ADMIN_PASSWORD);
            LOG.warn("*** The first sign-in with it must set a new password before anything else.");
            LOG.warn("*** Or change it now in the Karaf console: portal:user-passwd {}", username);
            LOG.warn(line);
        }
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
            AuditWriter.write(em, now, name, AuditWriter.CORE_MODULE, ENTITY, name, "password.change",
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
        Outcome<UserAccount> out = jpa.txExpr(TransactionType.Required, em -> {
            if (findEntity(em, name) != null) {
                return Outcome.refuse(MessageKeys.USERNAME_TAKEN, "Username exists: " + name);
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
            u.getRoles().addAll(wanted);
            em.persist(u);
            em.flush();
            AuditWriter.write(em, clock.instant(), actor, AuditWriter.CORE_MODULE, ENTITY, name, "create",
                    new AuditChanges().value("displayName", display).value("email", mail).value("roles", wanted)
                            .text());
            return Outcome.ok(toAccount(u));
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
            Set<String> newRoles = wanted == null ? new HashSet<>(u.getRoles()) : wanted;
            String display = displayName == null ? u.getDisplayName() : newDisplay;
            String mail = email == null ? u.getEmail() : newMail;
            String missing = missingRole(em, newRoles);
            if (missing != null) {
                return Outcome.refuse(MessageKeys.UNKNOWN_ROLE, "Unknown role: " + missing);
            }
            boolean wasAdmin = u.isEnabled() && grantsAdmin(em, u.getRoles());
            boolean staysAdmin = enabled && grantsAdmin(em, newRoles);
            if (wasAdmin && !staysAdmin && AdminGuard.enabledAdminsExcluding(em, u.getId(), null) == 0) {
                return Outcome.refuse(MessageKeys.LAST_ADMIN, "Cannot remove the last enabled administrator");
            }
            AuditChanges changed = new AuditChanges()
                    .changed("displayName", u.getDisplayName(), display)
                    .changed("email", u.getEmail(), mail)
                    .changed("enabled", u.isEnabled(), enabled)
                    .changed("roles", u.getRoles(), newRoles);
            if (changed.isEmpty()) {
                return Outcome.ok(null);
            }
            u.setDisplayName(display);
            u.setEmail(mail);
            u.setEnabled(enabled);
            u.getRoles().clear();
            u.getRoles().addAll(newRoles);
            u.setVersion(u.getVersion() + 1);
            AuditWriter.write(em, clock.instant(), actor, AuditWriter.CORE_MODULE, ENTITY, name, "update",
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
        Outcome<Void> out = jpa.txExpr(TransactionType.Required, em -> {
            UserEntity u = findEntity(em, name);
            if (u == null) {
                return Outcome.refuse(MessageKeys.USER_NOT_FOUND, "No user " + name);
            }
            u.setPasswordHash(hash);
            // set by an administrator (console, users view) or by the user: no longer the bootstrap one
            u.setMustChangePassword(false);
            AuditWriter.write(em, clock.instant(), actor, AuditWriter.CORE_MODULE, ENTITY, name,
                    "password.change", null);
            return Outcome.ok(null);
        });
        out.get();
        if (name.equals(AccountRules.normalizeUsername(settings.adminUsername()))) {
            defaultAdminPassword = hasher.verify(hash, SecuritySettings.DEFAULT_ADMIN_PASSWORD.toCharArray());
        }
    }

    @Override
    public void unlock(String username, String actor) {
        String name = AccountRules.requireUsername(username);
        Outcome<Void> out = jpa.txExpr(TransactionType.Required, em -> {
            UserEntity u = findEntity(em, name);
            if (u == null) {
                return Outcome.refuse(MessageKeys.USER_NOT_FOUND, "No user " + name);
            }
            u.setFailedAttempts(0);
            u.setLockedUntil(null);
            AuditWriter.write(em, clock.instant(), actor, AuditWriter.CORE_MODULE, ENTITY, name, "unlock", null);
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
        return jpa.txExpr(TransactionType.Supports, em -> Optional.ofNullable(findEntity(em, name)).map(this::toAccount));
    }

    @Override
    public List<UserAccount> list(String filter, int offset, int limit) {
        int max = Math.max(0, Math.min(limit, MAX_LIMIT));
        if (max == 0) {
            return List.of();
        }
        return jpa.txExpr(TransactionType.Supports, em -> {
            TypedQuery<UserEntity> q = filtered(em, "select u from UserEntity u", filter, " order by u.username",
                    UserEntity.class);
            q.setFirstResult(Math.max(0, offset)).setMaxResults(max);
            List<UserAccount> result = new ArrayList<>();
            for (UserEntity u : q.getResultList()) {
                result.add(toAccount(u));
            }
            return result;
        });
    }

    @Override
    public long count(String filter) {
        return jpa.txExpr(TransactionType.Supports,
                em -> filtered(em, "select count(u) from UserEntity u", filter, "", Long.class).getSingleResult());
    }

    /** Empty for unknown and for disabled users: neither may hold a session. */
    @Override
    public Optional<PortalUser> portalUser(String username) {
        String name = AccountRules.normalizeUsername(username);
        if (name == null) {
            return Optional.empty();
        }
        return jpa.txExpr(TransactionType.Supports, em -> {
            UserEntity u = findEntity(em, name);
            return u == null || !u.isEnabled() ? Optional.<PortalUser>empty() : Optional.of(toPortalUser(em, u));
        });
    }

    // ---- helpers --------------------------------------------------------------------------

    private static <T> TypedQuery<T> filtered(EntityManager em, String select, String filter, String tail,
            Class<T> type) {
        if (filter == null || filter.isBlank()) {
            return em.createQuery(select + tail, type);
        }
        TypedQuery<T> q = em.createQuery(select + " where lower(u.username) like :f escape '\\'"
                + " or lower(u.displayName) like :f escape '\\' or lower(u.email) like :f escape '\\'" + tail, type);
        String f = filter.trim().toLowerCase(Locale.ROOT)
                .replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        return q.setParameter("f", "%" + f + "%");
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

    private static boolean grantsAdmin(EntityManager em, Set<String> roles) {
        for (String r : roles) {
            RoleEntity role = em.find(RoleEntity.class, r);
            if (role != null && role.getPermissions().contains(PortalUser.ADMIN_PERMISSION)) {
                return true;
            }
        }
        return false;
    }

    static PortalUser toPortalUser(EntityManager em, UserEntity u) {
        Set<String> permissions = new HashSet<>();
        for (String r : u.getRoles()) {
            RoleEntity role = em.find(RoleEntity.class, r);
            if (role != null) {
                permissions.addAll(role.getPermissions());
            }
        }
        return new PortalUser(u.getId(), u.getUsername(), u.getDisplayName(), u.getRoles(), permissions);
    }

    private UserAccount toAccount(UserEntity u) {
        return new UserAccount(u.getId(), u.getUsername(), u.getDisplayName(), u.getEmail(), u.isEnabled(),
                Set.copyOf(u.getRoles()), u.getFailedAttempts(), u.getLockedUntil(), u.getLastLogin(), u.getVersion());
    }
}
