package ua.hromada.opendata.service;

import static ua.hromada.portal.api.PortalException.Reason.INVALID;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import ua.hromada.opendata.api.OpendataException;
import ua.hromada.portal.api.PortalUser;

/**
 * Dry runs waiting in memory for their commit: each for {@code ttl}, for the user and community
 * that made it, used once. At most {@code max} wait; forgotten ones go first.
 */
final class PendingPreviews<T> {
    private record Pending<T>(String actor, String community, Instant expires, T value) {
    }

    private final Map<String, Pending<T>> waiting = new ConcurrentHashMap<>();
    private final Clock clock;
    private final Duration ttl;
    private final int max;
    private final String expiredKey;

    /** @param expiredKey the message of a commit whose preview is gone */
    PendingPreviews(Clock clock, Duration ttl, int max, String expiredKey) {
        this.clock = clock;
        this.ttl = ttl;
        this.max = max;
        this.expiredKey = expiredKey;
    }

    /** Keeps the value; its token. */
    String put(PortalUser actor, String community, T value) {
        Instant now = clock.instant();
        waiting.values().removeIf(p -> p.expires().isBefore(now));
        if (waiting.size() >= max) {
            waiting.clear(); // forgotten dry runs; a user whose preview went asks again
        }
        String token = UUID.randomUUID().toString();
        waiting.put(token, new Pending<>(actor.username(), community, now.plus(ttl), value));
        return token;
    }

    /** The value kept under the token for this user and community, removed; else a refusal. */
    T take(PortalUser actor, String community, String token) {
        Pending<T> p = token == null ? null : waiting.get(token);
        if (p == null || !p.actor().equals(actor.username()) || p.expires().isBefore(clock.instant())
                || !p.community().equals(community) || !waiting.remove(token, p)) {
            throw new OpendataException(INVALID, expiredKey);
        }
        return p.value();
    }
}
