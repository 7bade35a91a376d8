package ua.hromada.oks.open311;

import java.util.concurrent.atomic.AtomicLong;

/**
 * At most one log line a minute for a kind of refusal: an operator must see that it happens, but
 * a flood of refused requests must not become a flood of log lines.
 */
final class LogThrottle {

    private static final long INTERVAL_MILLIS = 60_000;
    private final AtomicLong loggedAt = new AtomicLong(Long.MIN_VALUE);
    private final AtomicLong suppressed = new AtomicLong();

    /**
     * @return -1 when this occurrence is not to be logged; otherwise how many were left unlogged
     *         since the last line
     */
    long admit(long nowMillis) {
        long last = loggedAt.get();
        if ((last == Long.MIN_VALUE || nowMillis - last >= INTERVAL_MILLIS) && loggedAt.compareAndSet(last, nowMillis)) {
            return suppressed.getAndSet(0);
        }
        suppressed.incrementAndGet();
        return -1;
    }
}
