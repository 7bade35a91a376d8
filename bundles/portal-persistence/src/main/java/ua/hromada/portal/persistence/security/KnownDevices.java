package ua.hromada.portal.persistence.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

import javax.persistence.EntityManager;

/**
 * Browsers that signed in to an account before (portal.known_devices). The browser keeps a random
 * token in a cookie; only the token's SHA-256 is stored, so a database leak gives no usable token.
 */
final class KnownDevices {
    /** A user keeps at most this many devices; older ones are forgotten. */
    static final int MAX_PER_USER = 20;
    private static final SecureRandom RANDOM = new SecureRandom();

    private KnownDevices() {
    }

    /** A new random token (256 bits, URL-safe). */
    static String newToken() {
        byte[] b = new byte[32];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    /** SHA-256 hex of a token, or null for a missing or implausible one. */
    static String hash(String token) {
        if (token == null || token.length() < 20 || token.length() > 100) {
            return null;
        }
        try {
            return HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** True when the token belongs to the user and was used after {@code notBefore}. */
    static boolean known(EntityManager em, String tokenHash, long userId, Instant notBefore) {
        if (tokenHash == null) {
            return false;
        }
        List<?> rows = em.createNativeQuery("select 1 from portal.known_devices"
                + " where token_hash = ?1 and user_id = ?2 and last_used_at > ?3")
                .setParameter(1, tokenHash).setParameter(2, userId).setParameter(3, Timestamp.from(notBefore))
                .getResultList();
        return !rows.isEmpty();
    }

    /** True when some account knows the token (so the portal issued it). */
    static boolean issued(EntityManager em, String tokenHash) {
        return tokenHash != null && !em.createNativeQuery("select 1 from portal.known_devices where token_hash = ?1")
                .setParameter(1, tokenHash).setMaxResults(1).getResultList().isEmpty();
    }

    /** After a success: the device is known (again) from now on, with no failures. */
    static void remember(EntityManager em, String tokenHash, long userId, Instant now) {
        Timestamp at = Timestamp.from(now);
        em.createNativeQuery("insert into portal.known_devices (token_hash, user_id, created_at, last_used_at)"
                + " values (?1, ?2, ?3, ?3) on conflict (token_hash, user_id) do update"
                + " set last_used_at = excluded.last_used_at, failures = 0")
                .setParameter(1, tokenHash).setParameter(2, userId).setParameter(3, at).executeUpdate();
        em.createNativeQuery("delete from portal.known_devices where user_id = ?1 and token_hash not in"
                + " (select token_hash from portal.known_devices where user_id = ?1"
                + " order by last_used_at desc limit " + MAX_PER_USER + ")")
                .setParameter(1, userId).executeUpdate();
    }

    /** A wrong password on a known device; the device is forgotten at {@code maxFailures}. */
    static void failed(EntityManager em, String tokenHash, long userId, int maxFailures) {
        em.createNativeQuery("update portal.known_devices set failures = failures + 1"
                + " where token_hash = ?1 and user_id = ?2")
                .setParameter(1, tokenHash).setParameter(2, userId).executeUpdate();
        em.createNativeQuery("delete from portal.known_devices where token_hash = ?1 and user_id = ?2"
                + " and failures >= ?3")
                .setParameter(1, tokenHash).setParameter(2, userId).setParameter(3, maxFailures).executeUpdate();
    }

    /** All devices of a user are forgotten (after a password change by someone else). */
    static void forgetAll(EntityManager em, long userId) {
        em.createNativeQuery("delete from portal.known_devices where user_id = ?1")
                .setParameter(1, userId).executeUpdate();
    }
}
