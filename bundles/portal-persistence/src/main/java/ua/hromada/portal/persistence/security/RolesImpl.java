package ua.hromada.portal.persistence.security;

import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import javax.persistence.LockModeType;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import ua.hromada.portal.api.PortalUser;
import ua.hromada.portal.api.audit.AuditChanges;
import ua.hromada.portal.api.community.Communities;
import ua.hromada.portal.api.security.AccountException;
import ua.hromada.portal.api.security.Roles;
import ua.hromada.portal.persistence.PortalSchemaReady;
import ua.hromada.portal.persistence.audit.AuditWriter;
import ua.hromada.portal.persistence.entity.RoleEntity;

/**
 * Roles and their grants in {@code portal.roles} / {@code portal.role_permissions}. Roles are
 * shared by every community (an account holds them per community): the communities permission,
 * which makes a regional administrator, is granted, revoked or changed in a role by a regional
 * administrator only, and the built-in regional role keeps it.
 */
@Component(service = Roles.class)
public class RolesImpl implements Roles {
    static final String ENTITY = "role";
    /** The column's width (V1). */
    static final int MAX_DESCRIPTION = 500;

    private final JpaTemplate jpa;
    private final Clock clock;
    private final AccountChanges accountChanges;
    private final AuditWriter audit;

    @Activate
    public RolesImpl(@Reference(target = "(osgi.unit.name=hromada-portal)") JpaTemplate jpa,
            @Reference PortalSchemaReady schema, @Reference AccountChanges accountChanges,
            @Reference Communities communities) {
        this(jpa, Clock.systemUTC(), accountChanges, communities);
    }

    RolesImpl(JpaTemplate jpa, Clock clock, Communities communities) {
        this(jpa, clock, new AccountChanges(), communities);
    }

    RolesImpl(JpaTemplate jpa, Clock clock, AccountChanges accountChanges, Communities communities) {
        this.jpa = jpa;
        this.clock = clock;
        this.accountChanges = accountChanges;
        this.audit = new AuditWriter(communities);
    }

    @Override
    public List<RoleDefinition> list() {
        return jpa.txExpr(TransactionType.Supports, em -> em
                .createQuery("select r from RoleEntity r order by r.name", RoleEntity.class)
                .getResultList().stream().map(RolesImpl::toDefinition).collect(Collectors.toList()));
    }

    @Override
    public Optional<RoleDefinition> find(String name) {
        String n;
        try {
            n = AccountRules.requireRoleName(name);
        } catch (RuntimeException e) {
            return Optional.empty();
        }
        return jpa.txExpr(TransactionType.Supports,
                em -> Optional.ofNullable(em.find(RoleEntity.class, n)).map(RolesImpl::toDefinition));
    }

    @Override
    public RoleDefinition save(String name, String description, Set<String> permissions, String actor) {
        return store(name, description, permissions, Mode.SAVE, 0, actor);
    }

    @Override
    public RoleDefinition create(String name, String description, Set<String> permissions, String actor) {
        return store(name, description, permissions, Mode.CREATE, 0, actor);
    }

    @Override
    public RoleDefinition update(String name, String description, Set<String> permissions, long expectedVersion,
            String actor) {
        return store(name, description, permissions, Mode.UPDATE, expectedVersion, actor);
    }

    /** SAVE creates or replaces (console, set-up); CREATE refuses a taken name; UPDATE checks the version. */
    private enum Mode { SAVE, CREATE, UPDATE }

    private RoleDefinition store(String name, String description, Set<String> permissions, Mode mode,
            long expectedVersion, String actor) {
        String n = AccountRules.requireRoleName(name);
        Set<String> grants = new HashSet<>();
        if (permissions != null) {
            for (String p : permissions) {
                grants.add(AccountRules.requirePermission(p));
            }
        }
        if (ADMIN_ROLE.equals(n) && !grants.contains(PortalUser.ADMIN_PERMISSION)) {
            throw new AccountException(MessageKeys.ROLE_ADMIN_PROTECTED,
                    "The admin role must keep " + PortalUser.ADMIN_PERMISSION);
        }
        if (REGIONAL_ADMIN_ROLE.equals(n) && !grants.contains(COMMUNITIES_PERMISSION)) {
            throw new AccountException(MessageKeys.ROLE_REGIONAL_PROTECTED,
                    "The regional role must keep " + COMMUNITIES_PERMISSION);
        }
        String desc = description == null || description.isBlank() ? null : description.trim();
        if (desc != null && desc.length() > MAX_DESCRIPTION) {
            throw new AccountException(MessageKeys.ROLE_DESCRIPTION_TOO_LONG, "Description over " + MAX_DESCRIPTION);
        }
        Outcome<RoleDefinition> out = jpa.txExpr(TransactionType.Required, em -> {
            // locked: a concurrent save of the same role waits, then sees this one's version
            RoleEntity r = em.find(RoleEntity.class, n, LockModeType.PESSIMISTIC_WRITE);
            boolean created = r == null;
            if (created && mode == Mode.UPDATE) {
                return Outcome.conflict("portal.roles", n);
            }
            if (!created && mode == Mode.CREATE) {
                return Outcome.refuse(MessageKeys.ROLE_NAME_TAKEN, "Role exists: " + n);
            }
            if (!created && mode == Mode.UPDATE && r.getVersion() != expectedVersion) {
                return Outcome.conflict("portal.roles", n);
            }
            boolean regionalBefore = !created && r.getPermissions().contains(COMMUNITIES_PERMISSION);
            if ((regionalBefore || grants.contains(COMMUNITIES_PERMISSION)) && !Memberships.actorRegional(em, actor)) {
                return Outcome.refuse(MessageKeys.ROLE_REGIONAL_PERMISSION,
                        actor + " is no regional administrator: role " + n);
            }
            if (created) {
                r = new RoleEntity();
                r.setName(n);
            } else if (r.getPermissions().contains(PortalUser.ADMIN_PERMISSION)
                    && !grants.contains(PortalUser.ADMIN_PERMISSION)
                    && AdminGuard.enabledAdminsExcluding(em, -1, n) == 0) {
                return Outcome.refuse(MessageKeys.LAST_ADMIN, "Role " + n + " grants the last administrator");
            } else if (r.getPermissions().contains(COMMUNITIES_PERMISSION) && !grants.contains(COMMUNITIES_PERMISSION)
                    && AdminGuard.enabledHoldersExcluding(em, COMMUNITIES_PERMISSION, -1, n) == 0) {
                return Outcome.refuse(MessageKeys.LAST_REGIONAL_ADMIN, "Role " + n + " makes the last regional administrator");
            }
            AuditChanges changes = created
                    ? new AuditChanges().value("description", desc).value("permissions", grants)
                    : permissionChanges(r.getPermissions(), grants).changed("description", r.getDescription(), desc);
            if (!created && changes.isEmpty()) {
                return Outcome.ok(toDefinition(r));
            }
            r.setDescription(desc);
            r.getPermissions().clear();
            r.getPermissions().addAll(grants);
            if (created) {
                em.persist(r);
            } else {
                r.setVersion(r.getVersion() + 1);
            }
            audit.write(em, clock.instant(), actor, AuditWriter.CORE_MODULE, ENTITY, n,
                    created ? "create" : "update", changes.text());
            return Outcome.ok(toDefinition(r));
        });
        RoleDefinition saved = out.get();
        accountChanges.changed();
        return saved;
    }

    /** Granted and revoked permissions, each listed once: what an update of a role did. */
    private static AuditChanges permissionChanges(Set<String> before, Set<String> after) {
        Set<String> added = new TreeSet<>(after);
        added.removeAll(before);
        Set<String> removed = new TreeSet<>(before);
        removed.removeAll(after);
        AuditChanges changes = new AuditChanges();
        if (!added.isEmpty()) {
            changes.value("permissionsGranted", added);
        }
        if (!removed.isEmpty()) {
            changes.value("permissionsRevoked", removed);
        }
        return changes;
    }

    @Override
    public void delete(String name, String actor) {
        String n = AccountRules.requireRoleName(name);
        if (ADMIN_ROLE.equals(n)) {
            throw new AccountException(MessageKeys.ROLE_ADMIN_PROTECTED,
                    "The admin role cannot be deleted");
        }
        if (REGIONAL_ADMIN_ROLE.equals(n)) {
            throw new AccountException(MessageKeys.ROLE_REGIONAL_PROTECTED, "The regional role cannot be deleted");
        }
        Outcome<Void> out = jpa.txExpr(TransactionType.Required, em -> {
            RoleEntity r = em.find(RoleEntity.class, n);
            if (r == null) {
                return Outcome.refuse(MessageKeys.ROLE_NOT_FOUND, "No role " + n);
            }
            if (r.getPermissions().contains(COMMUNITIES_PERMISSION) && !Memberships.actorRegional(em, actor)) {
                return Outcome.refuse(MessageKeys.ROLE_REGIONAL_PERMISSION, actor + " is no regional administrator");
            }
            long holders = ((Number) em.createNativeQuery(
                    "select count(distinct m.user_id) from portal.membership_roles mr"
                    + " join portal.memberships m on m.id = mr.membership_id where mr.role = ?1")
                    .setParameter(1, n).getSingleResult()).longValue();
            if (holders > 0) {
                return Outcome.refuse(MessageKeys.ROLE_IN_USE, holders + " users hold role " + n);
            }
            em.remove(r);
            audit.write(em, clock.instant(), actor, AuditWriter.CORE_MODULE, ENTITY, n, "delete",
                    new AuditChanges().value("permissions", r.getPermissions()).text());
            return Outcome.ok(null);
        });
        out.get();
        accountChanges.changed();
    }

    private static RoleDefinition toDefinition(RoleEntity r) {
        return new RoleDefinition(r.getName(), r.getDescription(), Set.copyOf(r.getPermissions()), r.getVersion());
    }
}
