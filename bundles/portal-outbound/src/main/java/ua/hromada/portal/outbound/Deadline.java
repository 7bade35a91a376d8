package ua.hromada.portal.outbound;

import java.net.http.HttpTimeoutException;
import java.time.Duration;

/** A point in time on the monotonic clock, and how many milliseconds are left before it. */
record Deadline(long nanos) {

    static Deadline in(Duration d) {
        return new Deadline(System.nanoTime() + d.toNanos());
    }

    /** The earlier of the two; {@code other} may be null (no limit). */
    Deadline min(Deadline other) {
        return other == null || nanos - other.nanos <= 0 ? this : other;
    }

    /** Milliseconds left, at least 1 (0 would mean "no timeout" to a socket). */
    int remainingMillis() throws HttpTimeoutException {
        long ms = (nanos - System.nanoTime()) / 1_000_000;
        if (ms <= 0) {
            throw new HttpTimeoutException("request timed out");
        }
        return (int) Math.min(Integer.MAX_VALUE, ms);
    }
}
