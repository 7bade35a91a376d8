package ua.hromada.portal.shell.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;

import org.junit.jupiter.api.Test;

import ua.hromada.portal.api.jobs.Jobs;

/** The health's database probe takes its executor once per bound job service, not per request. */
class HealthJobsTest {

    /** The executors handed out, and on which pool with how many threads each was asked for. */
    private final List<Executor> given = new ArrayList<>();
    private final List<String> asked = new ArrayList<>();

    /** A job service that hands out a new executor each time one is asked (the health asks nothing else here). */
    private Jobs jobs() {
        return (Jobs) Proxy.newProxyInstance(Jobs.class.getClassLoader(), new Class<?>[] {Jobs.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("executor")) {
                        asked.add(args[0] + "/" + args[1]);
                        Executor executor = command -> command.run();
                        given.add(executor);
                        return executor;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }

    @Test
    void oneExecutorPerBoundJobService() {
        HealthServlet health = new HealthServlet();
        assertNull(health.probeExecutor(), "no job service: the probe runs on the request's thread");

        Jobs first = jobs();
        health.bindJobs(first);
        for (int request = 0; request < 5; request++) {
            assertSame(given.get(0), health.probeExecutor());
        }
        assertEquals(List.of(HealthServlet.HEALTH_POOL + "/1"), asked);

        // a replacement is bound before the old one leaves
        Jobs second = jobs();
        health.bindJobs(second);
        health.unbindJobs(first);
        for (int request = 0; request < 5; request++) {
            assertSame(given.get(1), health.probeExecutor());
        }
        assertEquals(List.of(HealthServlet.HEALTH_POOL + "/1", HealthServlet.HEALTH_POOL + "/1"), asked);

        health.unbindJobs(second);
        assertNull(health.probeExecutor());
    }
}
