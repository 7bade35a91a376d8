package ua.hromada.portal.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import ua.hromada.portal.api.jobs.Job;
import ua.hromada.portal.api.jobs.JobInfo;
import ua.hromada.portal.api.jobs.JobState;
import ua.hromada.portal.api.jobs.JobTask;

class JobPoolsTest {

    private final JobPools pools = new JobPools(Map.of("test.wide", 3));
    private final ModuleJobs jobs = pools.forModule("ua.hromada.test");

    @AfterEach
    void close() {
        pools.close();
    }

    private static <T> T await(Job<T> job) throws Exception {
        return job.result().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @Test
    void oneThreadPoolRunsJobsInTheOrderSubmittedOnANamedDaemonThread() throws Exception {
        List<Integer> order = new CopyOnWriteArrayList<>();
        List<String> threads = new CopyOnWriteArrayList<>();
        Job<?> last = null;
        for (int i = 0; i < 50; i++) {
            int n = i;
            last = jobs.submit("test.order", "step " + i, p -> {
                order.add(n);
                threads.add(Thread.currentThread().getName() + "/" + Thread.currentThread().isDaemon());
                return null;
            });
        }
        await(last);
        assertEquals(java.util.stream.IntStream.range(0, 50).boxed().toList(), order);
        assertEquals(List.of("hromada-test.order-1/true"), threads.stream().distinct().toList());
    }

    @Test
    void resultStateAndProgressAreSeenWhileRunningAndAfter() throws Exception {
        CountDownLatch halfway = new CountDownLatch(1);
        CountDownLatch go = new CountDownLatch(1);
        Job<String> job = jobs.submit("test.progress", "count", p -> {
            p.update(5, 10);
            halfway.countDown();
            go.await();
            p.update(10, 10);
            return "counted";
        });
        assertTrue(halfway.await(10, TimeUnit.SECONDS));
        JobInfo running = jobs.active().get(0);
        assertEquals(new JobInfo("test.progress", "count", "ua.hromada.test", JobState.RUNNING, 5, 10, running.created()),
                running);
        go.countDown();
        assertEquals("counted", await(job));
        assertEquals(JobState.DONE, job.info().state());
        assertEquals(10, job.info().done());
        assertTrue(job.finished());
        assertTrue(jobs.active().isEmpty());
    }

    @Test
    void cancelSetsTheFlagAndInterruptsARunningTask() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        AtomicInteger sawFlag = new AtomicInteger();
        Job<Void> job = jobs.submit("test.cancel", "sleep", p -> {
            started.countDown();
            try {
                Thread.sleep(60_000);
            } catch (InterruptedException e) {
                sawFlag.set(p.cancelled() ? 1 : -1);
                throw e;
            }
            return null;
        });
        assertTrue(started.await(10, TimeUnit.SECONDS));
        job.cancel();
        assertThrows(CancellationException.class, () -> await(job));
        assertEquals(1, sawFlag.get());
        assertEquals(JobState.CANCELLED, job.info().state());
        // the pool's thread is not left interrupted for the next job
        assertEquals(Boolean.FALSE, await(jobs.submit("test.cancel", "next", p -> Thread.currentThread().isInterrupted())));
    }

    @Test
    void aTaskCancelledWithoutInterruptStopsAtItsCheckAndCompletesWithWhatItDid() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        Job<Integer> job = jobs.submit("test.partial", "rows", p -> {
            started.countDown();
            while (!p.cancelled()) {
                Thread.onSpinWait();
            }
            return Thread.currentThread().isInterrupted() ? -1 : 7;
        });
        assertTrue(started.await(10, TimeUnit.SECONDS));
        job.cancel(false);
        assertEquals(7, await(job));
        assertEquals(JobState.CANCELLED, job.info().state());
    }

    @Test
    void aQueuedJobCancelledNeverRuns() throws Exception {
        CountDownLatch hold = new CountDownLatch(1);
        Job<Void> first = jobs.submit("test.queue", "hold", p -> {
            hold.await();
            return null;
        });
        AtomicInteger ran = new AtomicInteger();
        Job<Void> second = jobs.submit("test.queue", "queued", JobTask.of(ran::incrementAndGet));
        assertEquals(JobState.QUEUED, second.info().state());
        second.cancel();
        assertEquals(JobState.CANCELLED, second.info().state());
        hold.countDown();
        await(first);
        await(jobs.submit("test.queue", "after", JobTask.of(() -> { })));
        assertEquals(0, ran.get());
    }

    @Test
    void aFailureCompletesTheResultExceptionally() {
        Job<Void> job = jobs.submit("test.fail", "broken", p -> {
            throw new IllegalStateException("broken");
        });
        ExecutionException e = assertThrows(ExecutionException.class, () -> await(job));
        assertEquals("broken", e.getCause().getMessage());
        assertEquals(JobState.FAILED, job.info().state());
    }

    @Test
    void scheduleWaitsForTheDelay() throws Exception {
        long start = System.nanoTime();
        Job<Long> job = jobs.schedule("test.later", "later", Duration.ofMillis(200), p -> System.nanoTime());
        assertEquals(JobState.QUEUED, job.info().state());
        assertTrue(TimeUnit.NANOSECONDS.toMillis(await(job) - start) >= 190);
    }

    @Test
    void repeatGoesOnAfterAFailureUntilCancelled() throws Exception {
        AtomicInteger runs = new AtomicInteger();
        CountDownLatch three = new CountDownLatch(3);
        Job<Void> job = jobs.repeat("test.repeat", "tick", Duration.ZERO, Duration.ofMillis(20), p -> {
            three.countDown();
            if (runs.incrementAndGet() == 1) {
                throw new IllegalStateException("first run fails");
            }
            return null;
        });
        assertTrue(three.await(10, TimeUnit.SECONDS));
        assertFalse(job.finished());
        job.cancel();
        assertThrows(CancellationException.class, () -> await(job));
        int after = runs.get();
        Thread.sleep(100);
        assertEquals(after, runs.get());
        assertEquals(JobState.CANCELLED, job.info().state());
    }

    @Test
    void releasingAModuleCancelsItsJobsOnlyAndRefusesNewOnes() throws Exception {
        ModuleJobs other = pools.forModule("ua.hromada.other");
        CountDownLatch started = new CountDownLatch(1);
        Job<Void> running = jobs.submit("test.release", "long", p -> {
            started.countDown();
            Thread.sleep(60_000);
            return null;
        });
        Job<Void> scheduled = jobs.schedule("test.release.later", "later", Duration.ofMinutes(5), JobTask.of(() -> { }));
        Job<Void> repeated = jobs.repeat("test.release.repeat", "tick", Duration.ofMinutes(5), Duration.ofMinutes(5),
                JobTask.of(() -> { }));
        Job<Void> others = other.schedule("test.release.later", "theirs", Duration.ofMinutes(5), JobTask.of(() -> { }));
        assertTrue(started.await(10, TimeUnit.SECONDS));
        jobs.release();
        for (Job<Void> job : List.of(running, scheduled, repeated)) {
            assertThrows(CancellationException.class, () -> await(job));
            assertEquals(JobState.CANCELLED, job.info().state());
        }
        assertEquals(JobState.QUEUED, others.info().state());
        assertEquals(List.of("theirs"), pools.active().stream().map(JobInfo::name).toList());
        assertThrows(java.util.concurrent.RejectedExecutionException.class,
                () -> jobs.submit("test.release", "too late", JobTask.of(() -> { })));
    }

    @Test
    void fanOutRunsAsWideAsAskedAndIsNotListed() throws Exception {
        Executor executor = jobs.executor("test.fan", 4);
        CountDownLatch together = new CountDownLatch(4);
        CountDownLatch all = new CountDownLatch(4);
        for (int i = 0; i < 4; i++) {
            executor.execute(() -> {
                together.countDown();
                try {
                    // four at once, or this waits in vain
                    if (together.await(10, TimeUnit.SECONDS)) {
                        all.countDown();
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
        }
        assertTrue(jobs.active().isEmpty());
        assertTrue(all.await(10, TimeUnit.SECONDS));
    }

    @Test
    void configuredSizesAreParsedAndBadEntriesRefused() {
        assertEquals(Map.of("a.b", 2, "c.d", 8), JobPools.parse("a.b=2", " c.d = 8 "));
        assertEquals(Map.of("a.b", 2, "c.d", 8), JobPools.parse("a.b=2, c.d=8"));
        assertThrows(IllegalArgumentException.class, () -> JobPools.parse("a.b"));
        assertThrows(IllegalArgumentException.class, () -> JobPools.parse("a.b=0"));
        assertThrows(IllegalArgumentException.class, () -> JobPools.parse("=2"));
    }

    @Test
    void aConfiguredPoolRunsThatManyAtOnce() throws Exception {
        CountDownLatch together = new CountDownLatch(3);
        List<Job<Boolean>> three = new java.util.ArrayList<>();
        for (int i = 0; i < 3; i++) {
            three.add(jobs.submit("test.wide", "wide " + i, p -> {
                together.countDown();
                return together.await(10, TimeUnit.SECONDS);
            }));
        }
        for (Job<Boolean> job : three) {
            assertTrue(await(job));
        }
    }
}
