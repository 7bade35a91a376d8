package ua.hromada.portal.persistence.security;

import java.time.Clock;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import javax.persistence.EntityManager;
import javax.persistence.LockModeType;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;

import ua.hromada.portal.api.audit.AuditChanges;
import ua.hromada.portal.api.community.Communities;
import ua.hromada.portal.api.security.AccountException;
import ua.hromada.portal.persistence.audit.AuditWriter;
import ua.hromada.portal.persistence.entity.MembershipEntity;
import ua.hromada.portal.persistence.entity.RoleEntity;
import ua.hromada.portal.persistence.entity.UserEntity;

/**
 * An account's memberships of communities and the rules for changing them: a community's
 * administrator changes the members of the current community only, never a regional
 * administrator's account nor a role that makes one; a regional administrator changes any.
 */
final class MembershipChanges {
    private final JpaTemplate jpa;
    private final Clock clock;
    private final Communities communities;
    private final AuditWriter audit;
    private final AccountChanges changes;

    MembershipChanges(JpaTemplate jpa, Clock clock, Communities communities, AccountChanges changes) {
        this.jpa = jpa;
        this.clock = clock;
        this.communities = communities;
        this.audit = new AuditWriter(communities);
        this.changes = changes;
    }

    /**
     * Why the actor may not change the target's roles in the community (null roles: other fields of
     * its account), else null: nothing holds back a regional administrator or the console.
     */
    static <T> Outcome<T> refusal(EntityManager em, String actor, UserEntity target, String community,
            String current, Set<String> roles) {
        if (Memberships.actorRegional(em, actor)) {
            return null;
        }
        if (target != null && Memberships.regional(em, target)) {
            return Outcome.refuse(MessageKeys.REGIONAL_PROTECTED, target.getUsername() + " is a regional administrator");
        }
        if (target != null && target.membership(current) == null) {
            // another community's account: not there for this community's administrator
            return Outcome.refuse(MessageKeys.USER_NOT_FOUND, target.getUsername() + " is no member of " + current);
        }
        if (!community.equals(current)) {
            return Outcome.refuse(MessageKeys.COMMUNITY_NOT_CURRENT, actor + " acts in " + current + ", not " + community);
        }
        if (roles != null && !Memberships.regionalRoles(em, roles).isEmpty()) {
            return Outcome.refuse(MessageKeys.ROLE_REGIONAL_ONLY, actor + " is no regional administrator");
        }
        return null;
    }

    /** Why a change of the account's password or lock by the actor is refused, else null. */
    static <T> Outcome<T> refusalOfAccountChange(EntityManager em, String actor, UserEntity target, String current) {
        if (target.getUsername().equals(actor)) {
            return null;
        }
        return refusal(em, actor, target, current, current, null);
    }

    void set(String username, String community, Set<String> roles, long expectedVersion, String actor) {
        String name = AccountRules.requireUsername(username);
        if (community == null || communities.find(community).isEmpty()) {
            throw new AccountException(MessageKeys.UNKNOWN_COMMUNITY,
                    "No community " + community);
        }
        Set<String> wanted = null;
        if (roles != null) {
            wanted = new HashSet<>();
            for (String r : roles) {
                wanted.add(AccountRules.requireRoleName(r));
            }
        }
        Set<String> newRoles = wanted;
        String current = communities.current().id();
        Outcome<Void> out = jpa.txExpr(TransactionType.Required, em -> {
            UserEntity u = em.createQuery("select u from UserEntity u where u.username = :u", UserEntity.class)
                    .setParameter("u", name).setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultList()
                    .stream().findFirst().orElse(null);
            if (u == null || u.getVersion() != expectedVersion) {
                return Outcome.conflict("portal.users", name);
            }
            Outcome<Void> refused = refusal(em, actor, u, community, current, newRoles);
            if (refused != null) {
                return refused;
            }
            if (newRoles != null) {
                for (String r : newRoles) {
                    if (em.find(RoleEntity.class, r) == null) {
                        return Outcome.refuse(MessageKeys.UNKNOWN_ROLE, "Unknown role: " + r);
                    }
                }
            }
            MembershipEntity before = u.membership(community);
            String last = AdminGuard.lastOne(em, u, u.isEnabled(), Memberships.allRolesWith(u, community, newRoles));
            if (last != null) {
                return Outcome.refuse(last, "Cannot remove the last enabled (regional) administrator");
            }
            Set<String> rolesBefore = before == null ? Set.of() : Set.copyOf(before.getRoles());
            Set<String> rolesAfter = newRoles == null ? Set.of() : newRoles;
            if ((before != null) == (newRoles != null) && rolesBefore.equals(rolesAfter)) {
                return Outcome.ok(null);
            }
            // the community first: the entry itself is the current community's, where the change was made
            AuditChanges changed = new AuditChanges().value("community", community)
                    .changed("member", before != null, newRoles != null)
                    .changed("roles", rolesBefore, rolesAfter);
            if (newRoles == null) {
                u.leave(community);
            } else {
                MembershipEntity m = u.join(community);
                m.getRoles().clear();
                m.getRoles().addAll(newRoles);
            }
            u.setVersion(u.getVersion() + 1);
            audit.write(em, clock.instant(), actor, AuditWriter.CORE_MODULE, UserAccountsImpl.ENTITY, name, "update",
                    changed.text());
            return Outcome.ok(null);
        });
        out.get();
        changes.changed();
    }

    /** Community id to the account's roles there, by community. */
    static Map<String, Set<String>> of(UserEntity u) {
        Map<String, Set<String>> result = new TreeMap<>();
        for (MembershipEntity m : u.getMemberships()) {
            result.put(m.getCommunity(), Set.copyOf(m.getRoles()));
        }
        return result;
    }
}
