package ua.hromada.portal.jobs;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

import ua.hromada.portal.api.jobs.Job;
import ua.hromada.portal.api.jobs.JobInfo;
import ua.hromada.portal.api.jobs.JobTask;
import ua.hromada.portal.api.jobs.Jobs;

/**
 * What one module (bundle) sees of the pools: its jobs are its own, so releasing the view (the
 * bundle stops, or a test ends) cancels every job it submitted that has not finished.
 */
public final class ModuleJobs implements Jobs {

    private final JobPools pools;
    private final String module;
    private final Set<PoolJob<?>> jobs = ConcurrentHashMap.newKeySet();
    private volatile boolean released;

    ModuleJobs(JobPools pools, String module) {
        this.pools = pools;
        this.module = module;
    }

    public String module() {
        return module;
    }

    @Override
    public <T> Job<T> submit(String pool, String name, JobTask<T> task) {
        return schedule(pool, name, Duration.ZERO, task);
    }

    @Override
    public <T> Job<T> schedule(String pool, String name, Duration delay, JobTask<T> task) {
        PoolJob<T> job = add(new PoolJob<>(pools, this, check(pool), name, pools.bound(Objects.requireNonNull(task)), null, true));
        job.start(delay);
        return job;
    }

    @Override
    public Job<Void> repeat(String pool, String name, Duration initialDelay, Duration delay, JobTask<Void> task) {
        if (delay == null || delay.isNegative() || delay.isZero()) {
            throw new IllegalArgumentException("A repeated job needs a pause between runs: " + name);
        }
        PoolJob<Void> job = add(new PoolJob<>(pools, this, check(pool), name, pools.bound(Objects.requireNonNull(task)), delay, true));
        job.start(initialDelay);
        return job;
    }

    @Override
    public Executor executor(String pool, int parallelism) {
        String name = check(pool);
        pools.widen(name, parallelism);
        return command -> add(new PoolJob<>(pools, this, name, name, pools.bound(JobTask.of(command)), null, false)).start(null);
    }

    @Override
    public <T> JobTask<T> onOneNode(String name, Duration atMostEvery, JobTask<T> task) {
        return pools.onOneNode(name, atMostEvery, task);
    }

    @Override
    public List<JobInfo> active() {
        return pools.active();
    }

    /** Cancels this module's unfinished jobs; nothing more can be submitted through this view. */
    public void release() {
        released = true;
        jobs.forEach(PoolJob::cancel);
    }

    void forget(PoolJob<?> job) {
        jobs.remove(job);
    }

    private <T> PoolJob<T> add(PoolJob<T> job) {
        if (released) {
            throw new RejectedExecutionException(module + " has released its job service");
        }
        jobs.add(job);
        pools.track(job);
        return job;
    }

    private static String check(String pool) {
        if (pool == null || pool.isBlank()) {
            throw new IllegalArgumentException("A job needs a pool name (<module>.<work>)");
        }
        return pool;
    }
}
