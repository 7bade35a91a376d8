package ua.hromada.portal.jobs;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ScheduledFuture;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import ua.hromada.portal.api.jobs.Job;
import ua.hromada.portal.api.jobs.JobInfo;
import ua.hromada.portal.api.jobs.JobProgress;
import ua.hromada.portal.api.jobs.JobState;
import ua.hromada.portal.api.jobs.JobTask;

/**
 * One job: run once (now or after a delay) or again and again ({@code every} not null). It is the
 * task's {@link JobProgress} too. The thread running it is known only while the task runs, so a
 * cancel interrupts this job's task and never the next one the pool thread takes.
 */
final class PoolJob<T> implements Job<T>, JobProgress, Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(PoolJob.class);

    private final JobPools pools;
    private final ModuleJobs owner;
    private final String pool;
    private final String name;
    private final JobTask<T> task;
    /** The pause between runs of a repeated job; null for a job that runs once. */
    private final Duration every;
    private final boolean listed;
    private final Instant created = Instant.now();
    private final CompletableFuture<T> result = new CompletableFuture<>();
    private volatile JobState state = JobState.QUEUED;
    private volatile long done;
    private volatile long total = -1;
    private volatile boolean cancelled;
    // guarded by this
    private boolean ended;
    private Thread runner;
    private ScheduledFuture<?> due;

    PoolJob(JobPools pools, ModuleJobs owner, String pool, String name, JobTask<T> task, Duration every, boolean listed) {
        this.pools = pools;
        this.owner = owner;
        this.pool = pool;
        this.name = name;
        this.task = task;
        this.every = every;
        this.listed = listed;
    }

    String pool() {
        return pool;
    }

    boolean listed() {
        return listed;
    }

    /** Queues the job now, or after {@code delay}. */
    void start(Duration delay) {
        if (delay == null || delay.isZero() || delay.isNegative()) {
            pools.execute(this);
            return;
        }
        synchronized (this) {
            if (cancelled || ended) {
                return;
            }
            due = pools.later(this, delay);
        }
    }

    @Override
    public void run() {
        synchronized (this) {
            if (cancelled || ended) {
                return;
            }
            runner = Thread.currentThread();
            state = JobState.RUNNING;
        }
        T value = null;
        Throwable failure = null;
        try {
            value = task.run(this);
        } catch (Throwable e) { // NOSONAR: an Error of one task must not end the schedule silently
            failure = e;
        } finally {
            synchronized (this) {
                runner = null;
            }
            // an interrupt meant for this task must not reach the next task on this thread
            Thread.interrupted();
        }
        if (every != null) {
            if (failure != null && !cancelled) {
                LOG.warn("Job {} of {} on {} failed; it runs again in {}", name, owner.module(), pool, every, failure);
            }
            synchronized (this) {
                if (!cancelled) {
                    state = JobState.QUEUED;
                    due = pools.later(this, every);
                    return;
                }
            }
            end(null, null, false);
            return;
        }
        end(value, failure, true);
    }

    @Override
    public void cancel(boolean interrupt) {
        boolean queued;
        ScheduledFuture<?> timer;
        synchronized (this) {
            if (cancelled || ended) {
                return;
            }
            cancelled = true;
            timer = due;
            due = null;
            queued = runner == null;
            if (runner != null && interrupt) {
                runner.interrupt();
            }
        }
        if (timer != null) {
            timer.cancel(false);
        }
        if (queued) {
            pools.dequeue(this);
            end(null, null, false);
        }
    }

    /** The pool or the timer refused the job: the service is stopping. */
    void rejected(RuntimeException e) {
        end(null, e, false);
    }

    private void end(T value, Throwable failure, boolean ran) {
        synchronized (this) {
            if (ended) {
                return;
            }
            ended = true;
            state = cancelled ? JobState.CANCELLED : failure != null ? JobState.FAILED : JobState.DONE;
        }
        pools.forget(this);
        owner.forget(this);
        if (cancelled && (failure != null || !ran)) {
            result.completeExceptionally(new CancellationException(name + " cancelled"));
        } else if (failure != null) {
            if (result.getNumberOfDependents() == 0) {
                // nobody waits for the result (a fire-and-forget job): the log is the only trace
                LOG.warn("Job {} of {} on {} failed", name, owner.module(), pool, failure);
            }
            result.completeExceptionally(failure);
        } else {
            result.complete(value);
        }
    }

    // ------------------------------------------------------------------ Job and JobProgress

    @Override
    public JobInfo info() {
        return new JobInfo(pool, name, owner.module(), state, done, total, created);
    }

    @Override
    public CompletionStage<T> result() {
        return result;
    }

    @Override
    public void update(long done, long total) {
        this.done = done;
        this.total = total;
    }

    @Override
    public boolean cancelled() {
        return cancelled;
    }

    @Override
    public String toString() {
        return "Job " + name + " on " + pool + " (" + state + ")";
    }
}
