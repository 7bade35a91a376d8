package ua.hromada.oks.open311;

import java.time.Clock;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Token buckets per name (a client address or an API key), in the memory of one component
 * instance: {@code burst} requests at once, refilled at {@code perHour}. Bounded: a bucket that
 * has refilled completely is forgotten (it would behave the same when created anew), and when
 * {@code maxEntries} buckets are still busy the least recently used one goes, so a flood of
 * addresses cannot grow the map without limit (the per-key bucket still holds then).
 */
final class RateLimiter {

    /**
     * @param burst   requests allowed at once; 0 turns the limit off
     * @param perHour tokens added per hour (at least 1 when the limit is on)
     */
    record Limit(int burst, int perHour) {
        Limit {
            if (burst < 0 || perHour < 0 || (burst > 0 && perHour == 0)) {
                throw new IllegalArgumentException("a rate limit needs burst >= 0 and, when burst > 0, perHour >= 1 "
                        + "(got burst " + burst + ", perHour " + perHour + ")");
            }
        }

        boolean off() {
            return burst == 0;
        }

        double perMilli() {
            return perHour / 3_600_000.0;
        }
    }

    private static final class Bucket {
        double tokens;
        long at;

        Bucket(double tokens, long at) {
            this.tokens = tokens;
            this.at = at;
        }
    }

    private final Limit limit;
    private final int maxEntries;
    private final Clock clock;
    /** In access order: the first entry is the one used longest ago. */
    private final LinkedHashMap<String, Bucket> buckets = new LinkedHashMap<>(64, 0.75f, true);

    RateLimiter(Limit limit, int maxEntries, Clock clock) {
        if (maxEntries < 1) {
            throw new IllegalArgumentException("a rate limiter keeps at least one bucket (got " + maxEntries + ")");
        }
        this.limit = limit;
        this.maxEntries = maxEntries;
        this.clock = clock;
    }

    /**
     * Takes a token from the bucket of {@code name}.
     *
     * @return 0 when the request may go ahead; otherwise the whole seconds (at least 1) until the
     *         next token, for {@code Retry-After}
     */
    synchronized long acquire(String name) {
        if (limit.off()) {
            return 0;
        }
        long now = clock.millis();
        forgetRefilled(now);
        Bucket b = buckets.get(name);
        if (b == null) {
            if (buckets.size() >= maxEntries) {
                Iterator<Map.Entry<String, Bucket>> eldest = buckets.entrySet().iterator();
                eldest.next();
                eldest.remove();
            }
            b = new Bucket(limit.burst(), now);
            buckets.put(name, b);
        } else {
            refill(b, now);
        }
        if (b.tokens >= 1) {
            b.tokens -= 1;
            return 0;
        }
        return Math.max(1, (long) Math.ceil((1 - b.tokens) / limit.perMilli() / 1000));
    }

    /** Buckets kept now (for the tests of the memory bound). */
    synchronized int size() {
        return buckets.size();
    }

    private void refill(Bucket b, long now) {
        // a wall clock set back must not take tokens away: no refill until it has caught up
        long elapsed = Math.max(0, now - b.at);
        b.tokens = Math.min(limit.burst(), b.tokens + elapsed * limit.perMilli());
        b.at = Math.max(b.at, now);
    }

    /**
     * Drops full buckets from the least recently used end, stopping at the first that is not full:
     * each call costs what it removes plus one look.
     */
    private void forgetRefilled(long now) {
        Iterator<Bucket> it = buckets.values().iterator();
        while (it.hasNext()) {
            Bucket b = it.next();
            double tokens = b.tokens + Math.max(0, now - b.at) * limit.perMilli();
            if (tokens < limit.burst()) {
                return;
            }
            it.remove();
        }
    }
}
