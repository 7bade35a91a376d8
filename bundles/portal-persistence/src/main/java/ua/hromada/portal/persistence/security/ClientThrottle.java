package ua.hromada.portal.persistence.security;

import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

import ua.hromada.portal.persistence.security.SecuritySettings.SignInLimits;

/**
 * Failed sign-ins per client address, in memory. After {@code freeAttempts} failures a client must
 * wait before its next attempt is even checked; the wait doubles with every further failure up to
 * {@code maxDelay}. Failures are forgotten {@code forget} after the last one; at most
 * {@code maxClients} addresses are kept (the least recently failing go first), so a flood of
 * addresses costs bounded memory.
 */
final class ClientThrottle {
    private static final String NO_ADDRESS = "?";

    private final SignInLimits limits;
    /** Access order: the eldest entry is the client that failed least recently. */
    private final LinkedHashMap<String, Failures> clients = new LinkedHashMap<>(64, 0.75f, true);

    private record Failures(int count, Instant last) {
    }

    ClientThrottle(SignInLimits limits) {
        this.limits = limits;
    }

    /** How long the client still has to wait before an attempt is checked; zero when it may try. */
    synchronized Duration waitFor(String client, Instant now) {
        Failures f = current(key(client), now);
        if (f == null || f.count() < limits.freeAttempts()) {
            return Duration.ZERO;
        }
        Duration left = Duration.between(now, f.last().plus(delayAfter(f.count())));
        return left.isNegative() ? Duration.ZERO : left;
    }

    /** Records a failure; returns the client's failure count within the forget window. */
    synchronized int failed(String client, Instant now) {
        String key = key(client);
        Failures f = current(key, now);
        int count = f == null ? 1 : f.count() + 1;
        clients.put(key, new Failures(count, now));
        while (clients.size() > limits.maxClients()) {
            Iterator<Map.Entry<String, Failures>> eldest = clients.entrySet().iterator();
            eldest.next();
            eldest.remove();
        }
        return count;
    }

    /** The wait imposed after {@code failures} failures (zero below the free attempts). */
    Duration delayAfter(int failures) {
        int over = failures - limits.freeAttempts();
        if (over < 0) {
            return Duration.ZERO;
        }
        // 2^over without overflow: beyond 2^20 the cap applies anyway
        Duration d = limits.delay().multipliedBy(1L << Math.min(over, 20));
        return d.compareTo(limits.maxDelay()) > 0 ? limits.maxDelay() : d;
    }

    synchronized int size() {
        return clients.size();
    }

    private Failures current(String key, Instant now) {
        Failures f = clients.get(key);
        if (f != null && !now.isBefore(f.last().plus(limits.forget()))) {
            clients.remove(key);
            return null;
        }
        return f;
    }

    private static String key(String client) {
        return client == null || client.isBlank() ? NO_ADDRESS : client;
    }
}
