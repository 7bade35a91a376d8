package ua.hromada.portal.persistence.security;

import java.time.Clock;
import java.util.Set;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import ua.hromada.portal.api.audit.AuditChanges;
import ua.hromada.portal.api.community.Communities;
import ua.hromada.portal.api.security.Roles;
import ua.hromada.portal.persistence.audit.AuditWriter;
import ua.hromada.portal.persistence.entity.UserEntity;

/** The administrator from config ({@code admin.username}, {@code admin.password}): a fresh install is enterable. */
final class FirstAdministrator {
    private static final Logger LOG = LoggerFactory.getLogger(FirstAdministrator.class);

    private FirstAdministrator() {
    }

    /**
     * Creates the first administrator from config on the very first start of an empty database (an
     * administrator of the default community and the regional administrator) and records that in
     * portal.security_state: from then on admin.password is ignored for good, even if every
     * administrator were later removed behind the portal's back.
     */
    static void createOnFirstStart(JpaTemplate jpa, SecuritySettings settings, PasswordHasher hasher, Clock clock,
            AuditWriter audit) {
        String username = AccountRules.normalizeUsername(settings.adminUsername());
        if (username == null) {
            LOG.error("admin.username '{}' in {} is not a valid username; no first administrator created",
                    settings.adminUsername(), UserAccountsImpl.PID);
            return;
        }
        Boolean created = jpa.txExpr(TransactionType.Required, em -> {
            if (BootstrapState.done(em)) {
                return null;
            }
            if (UserAccountsImpl.findEntity(em, username) != null || AdminGuard.anyAdmins(em) > 0) {
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
            Set<String> roles = Set.of(Roles.ADMIN_ROLE, Roles.REGIONAL_ADMIN_ROLE);
            u.join(Communities.DEFAULT).getRoles().addAll(roles);
            em.persist(u);
            BootstrapState.markDone(em, clock.instant(), "created " + username);
            audit.write(em, clock.instant(), "system", AuditWriter.CORE_MODULE, UserAccountsImpl.ENTITY, username,
                    "create", new AuditChanges().value("roles", roles)
                            .value("mustChangePassword", true).value("reason", "firstAdministrator").text());
            return true;
        });
        if (Boolean.TRUE.equals(created)) {
            LOG.info("Created the first administrator '{}' from configuration {}; the first sign-in must set a"
                    + " new password", username, UserAccountsImpl.PID);
        } else if (created == null) {
            LOG.info("admin.password of {} is ignored: the first administrator was created before", UserAccountsImpl.PID);
        }
    }

    /** Whether the configured administrator still has the default password; if so, it must be changed at sign-in. */
    static boolean defaultPasswordInUse(JpaTemplate jpa, SecuritySettings settings, PasswordHasher hasher) {
        String username = AccountRules.normalizeUsername(settings.adminUsername());
        String hash = username == null ? null : jpa.txExpr(TransactionType.Supports, em -> {
            UserEntity u = UserAccountsImpl.findEntity(em, username);
            return u == null ? null : u.getPasswordHash();
        });
        boolean inUse = hash != null
                && hasher.verify(hash, SecuritySettings.DEFAULT_ADMIN_PASSWORD.toCharArray());
        if (inUse) {
            // an installation from before forced changes: the next sign-in must replace it
            jpa.tx(TransactionType.Required, em -> UserAccountsImpl.findEntity(em, username).setMustChangePassword(true));
            String line = "*".repeat(78);
            LOG.warn(line);
            LOG.warn("*** SECURITY WARNING: administrator '{}' still has the DEFAULT password '{}'.", username,
                    SecuritySettings.DEFAULT_ADMIN_PASSWORD);
            LOG.warn("*** The first sign-in with it must set a new password before anything else.");
            LOG.warn("*** Or change it now in the Karaf console: portal:user-passwd {}", username);
            LOG.warn(line);
        }
        return inUse;
    }
}
