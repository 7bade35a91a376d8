package ua.hromada.portal.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import ua.hromada.portal.api.community.Communities;
import ua.hromada.portal.api.jobs.Job;
import ua.hromada.portal.api.jobs.JobTask;
import ua.hromada.portal.testing.TestCommunities;

/** A job runs as the community its submitter worked for, on whichever pool thread takes it. */
class JobCommunityTest {

    private final TestCommunities communities = new TestCommunities().add("a").add("b");
    // one thread: the same thread runs jobs of different communities one after another
    private final JobPools pools = new JobPools(Map.of(), communities);
    private final ModuleJobs jobs = pools.forModule("ua.hromada.test");

    @AfterEach
    void close() {
        pools.close();
    }

    private Job<String> community(String pool) {
        return jobs.submit(pool, "which community", progress -> communities.current().id());
    }

    private static <T> T await(Job<T> job) throws Exception {
        return job.result().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @Test
    void jobRunsAsTheCommunityCurrentAtSubmission() throws Exception {
        Job<String> ofA = communities.callAs("a", () -> community("test.one"));
        Job<String> ofB = communities.callAs("b", () -> community("test.one"));
        Job<String> unbound = community("test.one");
        assertEquals("a", await(ofA));
        assertEquals("b", await(ofB));
        // nothing of the jobs before stays bound to the pool's thread
        assertEquals(Communities.DEFAULT, await(unbound));
    }

    @Test
    void scheduledAndRepeatedJobsKeepTheirCommunity() throws Exception {
        Job<String> later = communities.callAs("b", () -> jobs.schedule("test.one", "later", Duration.ofMillis(50),
                progress -> communities.current().id()));
        List<String> seen = new CopyOnWriteArrayList<>();
        CountDownLatch runs = new CountDownLatch(3);
        Job<Void> repeat = communities.callAs("a", () -> jobs.repeat("test.one", "repeat", Duration.ZERO,
                Duration.ofMillis(10), JobTask.of(() -> {
                    seen.add(communities.current().id());
                    runs.countDown();
                })));
        assertEquals("b", await(later));
        runs.await(10, TimeUnit.SECONDS);
        repeat.cancel(false);
        assertEquals(List.of("a", "a", "a"), seen.subList(0, 3));
    }

    @Test
    void executorRunsEachCommandAsItsSubmitter() throws Exception {
        Executor executor = jobs.executor("test.fan", 2);
        CompletableFuture<String> ofA = new CompletableFuture<>();
        CompletableFuture<String> unbound = new CompletableFuture<>();
        communities.runAs("a", () -> executor.execute(() -> ofA.complete(communities.current().id())));
        executor.execute(() -> unbound.complete(communities.current().id()));
        assertEquals("a", ofA.get(10, TimeUnit.SECONDS));
        assertEquals(Communities.DEFAULT, unbound.get(10, TimeUnit.SECONDS));
    }
}
