package ua.hromada.eservices.service.appeals;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;

import ua.hromada.eservices.api.EservicesException;
import ua.hromada.portal.api.PortalException.Reason;
import ua.hromada.portal.api.jdbc.Statements;

/**
 * Counts in a sliding hour, in the database (every node and restart sees the same counts), by the
 * SHA-256 of the client address or e-mail: no personal data is kept for counting.
 */
final class RateLimits {
    static final String FORM = "form";
    static final String SUBMIT = "submit";
    static final String EMAIL = "email";
    static final String LINK = "link";
    static final String LINK_ADDRESS = "link-address";
    private static final Duration WINDOW = Duration.ofHours(1);

    private RateLimits() {
    }

    /**
     * Takes one of {@code limit} per hour for {@code key} of {@code kind} in the caller's transaction, or
     * refuses with FORBIDDEN {@code eservices.appeal.rateLimited} (the transaction then rolls back).
     */
    static void take(Connection c, String kind, String key, int limit, Instant now) throws SQLException {
        String hash = Secrets.sha256(kind + "|" + (key == null ? "" : key));
        // concurrent requests of one key count one after the other
        Statements.first(c, "SELECT pg_advisory_xact_lock(hashtext(?))", rs -> true, "eservices.rate|" + hash);
        Timestamp since = Timestamp.from(now.minus(WINDOW));
        try (var ps = c.prepareStatement("DELETE FROM eservices.rate_event WHERE kind = ? AND key_hash = ? AND at < ?")) {
            ps.setString(1, kind);
            ps.setString(2, hash);
            ps.setTimestamp(3, since);
            ps.executeUpdate();
        }
        int used = Statements.first(c, "SELECT count(*) FROM eservices.rate_event WHERE kind = ? AND key_hash = ?",
                rs -> rs.getInt(1), kind, hash).orElse(0);
        if (used >= limit) {
            throw new EservicesException(Reason.FORBIDDEN, "eservices.appeal.rateLimited");
        }
        Statements.first(c, "INSERT INTO eservices.rate_event (kind, key_hash, at) VALUES (?, ?, ?) RETURNING id",
                rs -> rs.getLong(1), kind, hash, Timestamp.from(now));
    }
}
