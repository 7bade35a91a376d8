package ua.hromada.portal.persistence.security;

import java.util.Set;

import javax.persistence.EntityManager;

import ua.hromada.portal.api.PortalUser;
import ua.hromada.portal.api.security.Roles;
import ua.hromada.portal.persistence.entity.UserEntity;

/**
 * Counts enabled administrators (holding a role that grants the admin permission in any
 * community) and regional administrators, so no change can leave the portal without either.
 */
final class AdminGuard {
    private static final String COUNT = "select count(distinct u.id) from portal.users u"
            + " join portal.memberships m on m.user_id = u.id"
            + " join portal.membership_roles mr on mr.membership_id = m.id"
            + " join portal.role_permissions rp on rp.role = mr.role"
            + " where u.enabled and rp.permission = ?1 and u.id <> ?2 and mr.role <> ?3";
    private static final String ANY = "select count(distinct m.user_id) from portal.memberships m"
            + " join portal.membership_roles mr on mr.membership_id = m.id"
            + " join portal.role_permissions rp on rp.role = mr.role where rp.permission = ?1";

    private AdminGuard() {
    }

    /** Enabled admins other than {@code userId}, counting no grant through {@code role}. */
    static long enabledAdminsExcluding(EntityManager em, long userId, String role) {
        return enabledHoldersExcluding(em, PortalUser.ADMIN_PERMISSION, userId, role);
    }

    /** Enabled holders of the permission other than {@code userId}, counting no grant through {@code role}. */
    static long enabledHoldersExcluding(EntityManager em, String permission, long userId, String role) {
        Object n = em.createNativeQuery(COUNT)
                .setParameter(1, permission)
                .setParameter(2, userId)
                .setParameter(3, role == null ? "" : role)
                .getSingleResult();
        return ((Number) n).longValue();
    }

    /**
     * The refusal key when the account, enabled or not and with these roles in all its communities
     * after a change, would leave no enabled administrator or no enabled regional administrator; else null.
     */
    static String lastOne(EntityManager em, UserEntity u, boolean enabledAfter, Set<String> rolesAfter) {
        Set<String> before = Memberships.permissions(em, Memberships.allRoles(u));
        Set<String> after = enabledAfter ? Memberships.permissions(em, rolesAfter) : Set.of();
        for (String permission : new String[] { PortalUser.ADMIN_PERMISSION, Roles.COMMUNITIES_PERMISSION }) {
            if (u.isEnabled() && before.contains(permission) && !after.contains(permission)
                    && enabledHoldersExcluding(em, permission, u.getId(), null) == 0) {
                return PortalUser.ADMIN_PERMISSION.equals(permission) ? MessageKeys.LAST_ADMIN
                        : MessageKeys.LAST_REGIONAL_ADMIN;
            }
        }
        return null;
    }

    /** Users (enabled or not) holding a role that grants the admin permission. */
    static long anyAdmins(EntityManager em) {
        Object n = em.createNativeQuery(ANY).setParameter(1, PortalUser.ADMIN_PERMISSION).getSingleResult();
        return ((Number) n).longValue();
    }
}
