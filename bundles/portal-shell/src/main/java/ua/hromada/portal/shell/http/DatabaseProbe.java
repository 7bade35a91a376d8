package ua.hromada.portal.shell.http;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

import javax.sql.DataSource;

import ua.hromada.portal.api.ApiResponses;

/**
 * The database check of {@code /api/health}, answered within a balancer's check: one probe at a time
 * (a pooled connection and {@code isValid}) runs on the given executor, and a health request waits
 * for it at most {@link #WAIT}, else answers what the last finished probe found. Why: on an
 * overloaded node the pool makes a request wait up to its {@code connectionTimeout} (15 s) for a
 * connection, and a health check waiting that long timed out HAProxy's 2 s check, which took a busy
 * but working node out of the balancer. A probe that ends with "no free connection" while PostgreSQL
 * answers reports the database reachable and busy; PostgreSQL gone still turns the answer to
 * unreachable once the probe's wait ends with that failure. Health requests never queue several
 * probes: they share the one running.
 */
final class DatabaseProbe {
    /** How long a health request waits for a running probe before answering the last finding. */
    static final Duration WAIT = Duration.ofSeconds(1);

    /** What one probe found; {@code busy}: reachable, but the pool had no free connection. */
    record Finding(boolean reachable, boolean busy, long latencyMs) {
    }

    private final AtomicReference<CompletableFuture<Finding>> running = new AtomicReference<>();
    private volatile Finding last;

    /**
     * The database's state for a health answer: the running (or a new) probe's finding if it ends
     * within {@code wait}, else the last finished one; the first check of all waits for its probe.
     * Without an executor (the job service away) the probe runs on the caller's thread.
     */
    Finding check(DataSource dataSource, Executor executor, Duration wait) {
        if (dataSource == null) {
            return new Finding(false, false, 0);
        }
        if (executor == null) {
            return remember(probe(dataSource));
        }
        CompletableFuture<Finding> current = runningOrStart(dataSource, executor);
        if (current == null) {
            return remember(probe(dataSource));
        }
        Finding known = last;
        try {
            return known == null ? current.get() : current.get(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            return known;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return known != null ? known : new Finding(false, false, 0);
        } catch (ExecutionException e) {
            return remember(new Finding(false, false, 0));
        }
    }

    /** The probe running now, or one started on {@code executor}; null when the executor refuses. */
    private CompletableFuture<Finding> runningOrStart(DataSource dataSource, Executor executor) {
        while (true) {
            CompletableFuture<Finding> current = running.get();
            if (current != null) {
                return current;
            }
            CompletableFuture<Finding> started = new CompletableFuture<>();
            if (!running.compareAndSet(null, started)) {
                continue;
            }
            try {
                executor.execute(() -> {
                    try {
                        Finding finding = remember(probe(dataSource));
                        // free the slot before completing: a request that sees this probe done starts a new one
                        running.compareAndSet(started, null);
                        started.complete(finding);
                    } catch (RuntimeException | Error e) {
                        running.compareAndSet(started, null);
                        started.completeExceptionally(e);
                    }
                });
                return started;
            } catch (RejectedExecutionException e) {
                // the job service is stopping with the bundle
                running.compareAndSet(started, null);
                return null;
            }
        }
    }

    private Finding remember(Finding finding) {
        last = finding;
        return finding;
    }

    static Finding probe(DataSource dataSource) {
        long start = System.nanoTime();
        try (Connection connection = dataSource.getConnection()) {
            return new Finding(connection.isValid(2), false, millisSince(start));
        } catch (SQLException e) {
            boolean busy = ApiResponses.databaseBusy(e);
            return new Finding(busy, busy, millisSince(start));
        }
    }

    private static long millisSince(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }
}
