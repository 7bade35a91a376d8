package ua.hromada.portal.persistence.security;

import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import ua.hromada.portal.api.PortalUser;
import ua.hromada.portal.api.security.AccountException;
import ua.hromada.portal.api.security.Roles;
import ua.hromada.portal.persistence.PortalSchemaReady;
import ua.hromada.portal.persistence.audit.AuditWriter;
import ua.hromada.portal.persistence.entity.RoleEntity;

/** Roles and their grants in {@code portal.roles} / {@code portal.role_permissions}. */
@Component(service = Roles.class)
public class RolesService implements Roles {
    public static final String ADMIN_ROLE = "admin";
    static final String ENTITY = "role";

    private final JpaTemplate jpa;
    private final Clock clock;

    @Activate
    public RolesService(@Reference(target = "(osgi.unit.name=hromada-portal)") JpaTemplate jpa,
            @Reference PortalSchemaReady schema) {
        this(jpa, Clock.systemUTC());
    }

    RolesService(JpaTemplate jpa, Clock clock) {
        this.jpa = jpa;
        this.clock = clock;
    }

    @Override
    public List<RoleDefinition> list() {
        return jpa.txExpr(TransactionType.Supports, em -> em
                .createQuery("select r from RoleEntity r order by r.name", RoleEntity.class)
                .getResultList().stream().map(RolesService::toDefinition).collect(Collectors.toList()));
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
                em -> Optional.ofNullable(em.find(RoleEntity.class, n)).map(RolesService::toDefinition));
    }

    @Override
    public RoleDefinition save(String name, String description, Set<String> permissions, String actor) {
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
        String desc = description == null || description.isBlank() ? null : description.trim();
        Outcome<RoleDefinition> out = jpa.txExpr(TransactionType.Required, em -> {
            RoleEntity r = em.find(RoleEntity.class, n);
            boolean created = r == null;
            if (created) {
                r = new RoleEntity();
                r.setName(n);
            } else if (r.getPermissions().contains(PortalUser.ADMIN_PERMISSION)
                    && !grants.contains(PortalUser.ADMIN_PERMISSION)
                    && AdminGuard.enabledAdminsExcluding(em, -1, n) == 0) {
                return Outcome.refuse(MessageKeys.LAST_ADMIN, "Role " + n + " grants the last administrator");
            }
            String changes = created
                    ? "description: " + desc + "; permissions: " + new TreeSet<>(grants)
                    : "permissions: " + new TreeSet<>(r.getPermissions()) + " -> " + new TreeSet<>(grants)
                            + (Objects.equals(r.getDescription(), desc) ? ""
                                    : "; description: " + r.getDescription() + " -> " + desc);
            r.setDescription(desc);
            r.getPermissions().clear();
            r.getPermissions().addAll(grants);
            if (created) {
                em.persist(r);
            }
            AuditWriter.write(em, clock.instant(), actor, AuditWriter.CORE_MODULE, ENTITY, n,
                    created ? "create" : "update", changes);
            return Outcome.ok(toDefinition(r));
        });
        return out.get();
    }

    @Override
    public void delete(String name, String actor) {
        String n = AccountRules.requireRoleName(name);
        if (ADMIN_ROLE.equals(n)) {
            throw new AccountException(MessageKeys.ROLE_ADMIN_PROTECTED,
                    "The admin role cannot be deleted");
        }
        Outcome<Void> out = jpa.txExpr(TransactionType.Required, em -> {
            RoleEntity r = em.find(RoleEntity.class, n);
            if (r == null) {
                return Outcome.refuse(MessageKeys.ROLE_NOT_FOUND, "No role " + n);
            }
            long holders = ((Number) em.createNativeQuery("select count(*) from portal.user_roles where role = ?1")
                    .setParameter(1, n).getSingleResult()).longValue();
            if (holders > 0) {
                return Outcome.refuse(MessageKeys.ROLE_IN_USE, holders + " users hold role " + n);
            }
            em.remove(r);
            AuditWriter.write(em, clock.instant(), actor, AuditWriter.CORE_MODULE, ENTITY, n, "delete",
                    "permissions: " + new TreeSet<>(r.getPermissions()));
            return Outcome.ok(null);
        });
        out.get();
    }

    private static RoleDefinition toDefinition(RoleEntity r) {
        return new RoleDefinition(r.getName(), r.getDescription(), Set.copyOf(r.getPermissions()));
    }
}
