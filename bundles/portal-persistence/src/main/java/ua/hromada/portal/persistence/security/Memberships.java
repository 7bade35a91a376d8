package ua.hromada.portal.persistence.security;

import java.util.Collection;
import java.util.HashSet;
import java.util.Set;

import javax.persistence.EntityManager;

import ua.hromada.portal.api.PortalUser;
import ua.hromada.portal.api.security.Roles;
import ua.hromada.portal.persistence.entity.MembershipEntity;
import ua.hromada.portal.persistence.entity.RoleEntity;
import ua.hromada.portal.persistence.entity.UserEntity;

/**
 * What an account may do where: its permissions in a community are those of its roles there; a
 * regional administrator (a role granting {@link Roles#COMMUNITIES_PERMISSION} in any community)
 * has every permission in every community.
 */
final class Memberships {

    private Memberships() {
    }

    /** The permissions the roles grant (unknown roles grant nothing). */
    static Set<String> permissions(EntityManager em, Collection<String> roles) {
        Set<String> permissions = new HashSet<>();
        for (String r : roles) {
            RoleEntity role = em.find(RoleEntity.class, r);
            if (role != null) {
                permissions.addAll(role.getPermissions());
            }
        }
        return permissions;
    }

    static boolean grants(EntityManager em, Collection<String> roles, String permission) {
        return permissions(em, roles).contains(permission);
    }

    /** Every role the account holds, in whichever community. */
    static Set<String> allRoles(UserEntity u) {
        Set<String> roles = new HashSet<>();
        for (MembershipEntity m : u.getMemberships()) {
            roles.addAll(m.getRoles());
        }
        return roles;
    }

    /** Every role the account would hold with {@code roles} (null: no membership) in the community. */
    static Set<String> allRolesWith(UserEntity u, String community, Set<String> roles) {
        Set<String> all = new HashSet<>();
        for (MembershipEntity m : u.getMemberships()) {
            if (!m.getCommunity().equals(community)) {
                all.addAll(m.getRoles());
            }
        }
        if (roles != null) {
            all.addAll(roles);
        }
        return all;
    }

    static boolean regional(EntityManager em, UserEntity u) {
        return grants(em, allRoles(u), Roles.COMMUNITIES_PERMISSION);
    }

    /**
     * Whether the actor may make regional changes: a regional administrator, or no account at all
     * (the Karaf console, "console:karaf", and the system's own work).
     */
    static boolean actorRegional(EntityManager em, String actor) {
        String name = AccountRules.normalizeUsername(actor);
        UserEntity a = name == null ? null : UserAccountsImpl.findEntity(em, name);
        return a == null || regional(em, a);
    }

    /** The roles among these that make their holder a regional administrator. */
    static Set<String> regionalRoles(EntityManager em, Collection<String> roles) {
        Set<String> regional = new HashSet<>();
        for (String r : roles) {
            if (grants(em, Set.of(r), Roles.COMMUNITIES_PERMISSION)) {
                regional.add(r);
            }
        }
        return regional;
    }

    /** The session view of the account in the community; null when it is no member and not regional. */
    static PortalUser portalUser(EntityManager em, UserEntity u, String community) {
        boolean regional = regional(em, u);
        MembershipEntity m = u.membership(community);
        if (m == null && !regional) {
            return null;
        }
        Set<String> roles = new HashSet<>(u.rolesIn(community));
        Set<String> permissions = permissions(em, roles);
        if (regional) {
            // shown as what makes them act here; grants everything (portal.admin implies every permission)
            roles.addAll(regionalRoles(em, allRoles(u)));
            permissions.add(PortalUser.ADMIN_PERMISSION);
            permissions.add(Roles.COMMUNITIES_PERMISSION);
        }
        return new PortalUser(u.getId(), u.getUsername(), u.getDisplayName(), roles, permissions);
    }
}
