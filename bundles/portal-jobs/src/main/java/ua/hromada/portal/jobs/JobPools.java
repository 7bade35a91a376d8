package ua.hromada.portal.jobs;

import java.time.Duration;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import ua.hromada.portal.api.community.Communities;
import ua.hromada.portal.api.community.CommunityScope;
import ua.hromada.portal.api.jobs.JobInfo;
import ua.hromada.portal.api.jobs.JobTask;

/**
 * The portal's named pools: the only place that creates threads. A plain class, so module tests run
 * their services on the same pools the portal does: with {@code portal-jobs} in test scope,
 * {@code pools = new JobPools(Map.of())}, the service gets {@code pools.forModule("test")}, and the
 * test ends with {@code pools.close()}. In the portal {@link JobService} holds one and gives each
 * bundle its {@link ModuleJobs} view.
 *
 * <p>A pool is made on first use with the configured number of threads (one when not configured,
 * or the width a fan-out asked for), threads named {@code hromada-<pool>-<n>}, daemon, ended after a
 * minute idle so unused pools hold no thread. Delays are kept by one timer thread that only hands
 * due work to its pool.
 */
public final class JobPools implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(JobPools.class);
    private static final long IDLE_SECONDS = 60;

    private final Map<String, ThreadPoolExecutor> pools = new ConcurrentHashMap<>();
    /** Widths asked by {@code executor(pool, parallelism)}: the largest one counts. */
    private final Map<String, Integer> widths = new ConcurrentHashMap<>();
    private final Set<PoolJob<?>> jobs = ConcurrentHashMap.newKeySet();
    private final ScheduledThreadPoolExecutor timer;
    private volatile Map<String, Integer> configured;
    private volatile boolean closed;
    private final Communities communities;
    /** Null: no database, one process is the only node (a module's tests). */
    private final OneNodeRuns oneNode;

    /** @param threads threads per pool name; pools not listed get one */
    public JobPools(Map<String, Integer> threads) {
        this(threads, null);
    }

    /**
     * @param threads     threads per pool name; pools not listed get one
     * @param communities binds each job to the community current when it was submitted (null: none)
     * @param dataSource  the database the nodes share, as the schemas' owner, for {@code onOneNode}
     *                    (null: every such task runs, as the only node)
     * @param node        this node's name, recorded with the one-node runs it starts
     */
    public JobPools(Map<String, Integer> threads, Communities communities, DataSource dataSource, String node) {
        this.communities = communities;
        this.configured = Map.copyOf(threads);
        this.oneNode = dataSource == null ? null : new OneNodeRuns(dataSource, node);
        this.timer = new ScheduledThreadPoolExecutor(1, named("hromada-jobs-timer", null));
        timer.setRemoveOnCancelPolicy(true);
        timer.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
    }

    /**
     * @param threads     threads per pool name; pools not listed get one
     * @param communities binds each job to the community current when it was submitted (null: jobs
     *                    run with no community bound, as in tests of one community)
     */
    public JobPools(Map<String, Integer> threads, Communities communities) {
        this(threads, communities, null, null);
    }

    /**
     * {@code name=threads} entries of the configuration; an entry that is not one is refused, so a
     * typo is seen at start rather than as a pool silently left at one thread.
     */
    public static Map<String, Integer> parse(String... entries) {
        Map<String, Integer> threads = new LinkedHashMap<>();
        for (String entry : entries == null ? new String[0] : entries) {
            for (String part : entry.split(",")) {
                if (part.isBlank()) {
                    continue;
                }
                String[] pair = part.split("=", 2);
                int n;
                try {
                    n = pair.length == 2 ? Integer.parseInt(pair[1].strip()) : 0;
                } catch (NumberFormatException e) {
                    n = 0;
                }
                if (pair[0].isBlank() || n < 1) {
                    throw new IllegalArgumentException("Not a pool size (name=threads): " + part.strip());
                }
                threads.put(pair[0].strip(), n);
            }
        }
        return threads;
    }

    /** New sizes from the configuration, applied to the pools that exist and those to come. */
    public void configure(Map<String, Integer> threads) {
        configured = Map.copyOf(threads);
        pools.forEach((name, pool) -> resize(pool, size(name)));
    }

    /** The jobs of one module (a bundle's symbolic name); {@link ModuleJobs#release()} cancels them. */
    public ModuleJobs forModule(String module) {
        return new ModuleJobs(this, module);
    }

    /** The task, run bound to the community current now (the submitter's), whichever thread runs it. */
    <T> JobTask<T> bound(JobTask<T> task) {
        if (communities == null) {
            return task;
        }
        String community = communities.current().id();
        return progress -> {
            try (CommunityScope scope = communities.enter(community)) {
                return task.run(progress);
            }
        };
    }

    /** {@code task} run only while this node holds {@code name}'s lock (see {@code Jobs.onOneNode}). */
    <T> JobTask<T> onOneNode(String name, Duration atMostEvery, JobTask<T> task) {
        return oneNode == null ? task : oneNode.wrap(name, atMostEvery, task);
    }

    /** Jobs queued or running, oldest first; fan-out work is not listed. */
    public List<JobInfo> active() {
        return jobs.stream().filter(PoolJob::listed).map(PoolJob::info)
                .sorted(Comparator.comparing(JobInfo::created)).toList();
    }

    /** Cancels every job and ends the threads. */
    @Override
    public void close() {
        closed = true;
        jobs.forEach(PoolJob::cancel);
        timer.shutdownNow();
        pools.values().forEach(ThreadPoolExecutor::shutdownNow);
    }

    // ------------------------------------------------------------------ for jobs and module views

    void widen(String pool, int parallelism) {
        widths.merge(pool, Math.max(1, parallelism), Math::max);
        ThreadPoolExecutor existing = pools.get(pool);
        if (existing != null) {
            resize(existing, size(pool));
        }
    }

    void track(PoolJob<?> job) {
        jobs.add(job);
    }

    void forget(PoolJob<?> job) {
        jobs.remove(job);
    }

    /** Queues {@code job} on its pool; a pool that is shut down fails the job. */
    void execute(PoolJob<?> job) {
        try {
            if (closed) {
                throw new RejectedExecutionException("the job service has stopped");
            }
            pool(job.pool()).execute(job);
        } catch (RejectedExecutionException e) {
            job.rejected(e);
        }
    }

    /** Takes a job that has not started off its pool's queue (it was cancelled). */
    void dequeue(PoolJob<?> job) {
        ThreadPoolExecutor pool = pools.get(job.pool());
        if (pool != null) {
            pool.remove(job);
        }
    }

    /** Hands {@code job} to its pool after {@code delay}. */
    ScheduledFuture<?> later(PoolJob<?> job, Duration delay) {
        try {
            return timer.schedule(() -> execute(job), Math.max(0, delay.toMillis()), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            job.rejected(e);
            return null;
        }
    }

    // ------------------------------------------------------------------ pools

    private ThreadPoolExecutor pool(String name) {
        return pools.computeIfAbsent(name, n -> {
            int size = size(n);
            ThreadPoolExecutor pool = new ThreadPoolExecutor(size, size, IDLE_SECONDS, TimeUnit.SECONDS,
                    new LinkedBlockingQueue<>(), named("hromada-" + n + "-", new AtomicInteger()));
            pool.allowCoreThreadTimeOut(true);
            LOG.debug("Job pool {} with {} thread(s)", n, size);
            return pool;
        });
    }

    private int size(String pool) {
        Integer set = configured.get(pool);
        return set != null ? set : widths.getOrDefault(pool, 1);
    }

    private static void resize(ThreadPoolExecutor pool, int size) {
        if (size > pool.getMaximumPoolSize()) {
            pool.setMaximumPoolSize(size);
            pool.setCorePoolSize(size);
        } else if (size < pool.getMaximumPoolSize()) {
            pool.setCorePoolSize(size);
            pool.setMaximumPoolSize(size);
        }
    }

    private static ThreadFactory named(String prefix, AtomicInteger counter) {
        return r -> {
            Thread t = new Thread(r, counter == null ? prefix : prefix + counter.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
