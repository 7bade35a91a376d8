package ua.hromada.portal.persistence.security;

import java.sql.Timestamp;
import java.time.Instant;

import javax.persistence.EntityManager;

/** The row in portal.security_state that says the first administrator was created already. */
final class BootstrapState {
    static final String ADMIN_BOOTSTRAPPED = "admin.bootstrapped";

    private BootstrapState() {
    }

    static boolean done(EntityManager em) {
        return !em.createNativeQuery("select 1 from portal.security_state where name = ?1")
                .setParameter(1, ADMIN_BOOTSTRAPPED).getResultList().isEmpty();
    }

    static void markDone(EntityManager em, Instant at, String how) {
        em.createNativeQuery("insert into portal.security_state (name, value, at) values (?1, ?2, ?3)"
                + " on conflict (name) do nothing")
                .setParameter(1, ADMIN_BOOTSTRAPPED).setParameter(2, how).setParameter(3, Timestamp.from(at))
                .executeUpdate();
    }
}
