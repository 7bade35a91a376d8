package ua.hromada.portal.api.jobs;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executor;

/**
 * Runs work off the caller's thread on named pools (config {@code ua.hromada.portal.jobs}: one
 * thread per pool unless configured otherwise). The service is bundle-scoped: when a module's
 * bundle stops, every job it submitted and has not finished is cancelled, so a module's
 * {@code @Deactivate} need not track its jobs.
 *
 * <p>Pool names are {@code <module>.<work>} ({@code docsearch.index}, {@code oks.mail},
 * {@code opendata.audit}); the shell's own are {@code portal.*}. Jobs in one pool run in the
 * order submitted when the pool has one thread, which modules rely on for ordering. Threads are
 * named {@code hromada-<pool>-<n>}.
 */
@org.osgi.annotation.versioning.ProviderType
public interface Jobs {

    /** Runs {@code task} once, as soon as a thread of {@code pool} is free. */
    <T> Job<T> submit(String pool, String name, JobTask<T> task);

    /** Runs {@code task} once after {@code delay}. */
    <T> Job<T> schedule(String pool, String name, Duration delay, JobTask<T> task);

    /**
     * Runs {@code task} after {@code initialDelay} and then again {@code delay} after each run
     * ends, until the returned job is cancelled. A run that throws is logged and the schedule
     * goes on.
     */
    Job<Void> repeat(String pool, String name, Duration initialDelay, Duration delay, JobTask<Void> task);

    /**
     * An executor on {@code pool} for fan-out inside a job (e.g. checking many links at once): the
     * pool gets {@code parallelism} threads unless the configuration sizes it. What it runs counts
     * as the pool's work, is not listed in {@link #active()} (the job that fans out shows the
     * progress) and what is still queued is dropped with the bundle's jobs.
     */
    Executor executor(String pool, int parallelism);

    /**
     * {@code task} as work that must run once across portal nodes sharing the database (audits, link
     * checks, reminders, archiving; docs/cluster.md). Each run first takes PostgreSQL's advisory lock
     * named {@code name} on a connection it holds while running, so a node that dies loses the lock
     * with its connection and the next run on another node takes over; the run is skipped (its result
     * null) while another node holds the lock, or when any node started a run of {@code name} less
     * than {@code atMostEvery} ago (a schedule's runs on two nodes become one). Pass it to
     * {@link #repeat}, {@link #schedule} or {@link #submit}; without a database (a module's tests) the
     * task runs as given.
     */
    <T> JobTask<T> onOneNode(String name, Duration atMostEvery, JobTask<T> task);

    /** Jobs queued or running now, across all modules (for the admin and the health page). */
    List<JobInfo> active();
}
