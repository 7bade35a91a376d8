package ua.hromada.portal.persistence.security;

import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One-time proofs that a user just gave the right (bootstrap) password and must now choose a new
 * one. Kept in memory only: a restart simply asks for the old password again.
 */
final class PasswordChangeTickets {
    static final Duration LIFETIME = Duration.ofMinutes(10);
    private static final int MAX = 1000;

    private record Ticket(String username, Instant expires) {
    }

    private final LinkedHashMap<String, Ticket> tickets = new LinkedHashMap<>();

    synchronized String issue(String username, Instant now) {
        purge(now);
        String id = KnownDevices.newToken();
        tickets.put(id, new Ticket(username, now.plus(LIFETIME)));
        while (tickets.size() > MAX) {
            Iterator<Map.Entry<String, Ticket>> eldest = tickets.entrySet().iterator();
            eldest.next();
            eldest.remove();
        }
        return id;
    }

    /** The username the ticket was issued for, or null when unknown or expired. */
    synchronized String username(String id, Instant now) {
        Ticket t = id == null ? null : tickets.get(id);
        if (t == null || !now.isBefore(t.expires())) {
            return null;
        }
        return t.username();
    }

    synchronized void use(String id) {
        tickets.remove(id);
    }

    private void purge(Instant now) {
        tickets.values().removeIf(t -> !now.isBefore(t.expires()));
    }
}
