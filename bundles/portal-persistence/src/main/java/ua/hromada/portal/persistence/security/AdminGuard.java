package ua.hromada.portal.persistence.security;

import javax.persistence.EntityManager;

import ua.hromada.portal.api.PortalUser;

/** Counts enabled administrators, so no change can leave the portal without one. */
final class AdminGuard {
    private static final String COUNT = "select count(distinct u.id) from portal.users u"
            + " join portal.user_roles ur on ur.user_id = u.id"
            + " join portal.role_permissions rp on rp.role = ur.role"
            + " where u.enabled and rp.permission = ?1 and u.id <> ?2 and ur.role <> ?3";
    private static final String ANY = "select count(distinct ur.user_id) from portal.user_roles ur"
            + " join portal.role_permissions rp on rp.role = ur.role where rp.permission = ?1";

    private AdminGuard() {
    }

    /** Enabled admins other than {@code userId}, counting no grant through {@code role}. */
    static long enabledAdminsExcluding(EntityManager em, long userId, String role) {
        Object n = em.createNativeQuery(COUNT)
                .setParameter(1, PortalUser.ADMIN_PERMISSION)
                .setParameter(2, userId)
                .setParameter(3, role == null ? "" : role)
                .getSingleResult();
        return ((Number) n).longValue();
    }

    /** Users (enabled or not) holding a role that grants the admin permission. */
    static long anyAdmins(EntityManager em) {
        Object n = em.createNativeQuery(ANY).setParameter(1, PortalUser.ADMIN_PERMISSION).getSingleResult();
        return ((Number) n).longValue();
    }
}
