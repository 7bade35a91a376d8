package ua.hromada.portal.shell.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import org.apache.karaf.features.BootFinished;
import org.apache.karaf.features.Feature;
import org.apache.karaf.features.FeaturesService;
import org.apache.karaf.features.Repository;
import org.apache.karaf.features.RepositoryEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import ua.hromada.portal.jobs.JobPools;
import ua.hromada.portal.testing.ShippedConfig;

/**
 * The order of a boot round against Karaf's features service: a module's repository registered
 * after BootFinished (seen on a fresh start) is waited for, and one added after the wait (a KAR
 * dropped later) starts a new round. Karaf's FeaturesService cannot run outside Karaf, so it is a
 * small in-memory one here; the e2e boots the real one.
 */
class ModuleBootRoundTest {

    private final JobPools pools = new JobPools(Map.of());

    @AfterEach
    void close() {
        pools.close();
    }

    @Test
    void aModuleWhoseRepositoryIsRegisteredLateIsWaitedForAndBooted() throws Exception {
        Features karaf = new Features();
        karaf.appearsAfterLookups("hromada-oks", 3);
        ModuleBoot boot = boot(karaf, "oks", Duration.ofSeconds(20));

        await(boot::provisioned);
        assertEquals(Map.of(), boot.failures());
        assertEquals(List.of(Set.of("hromada-oks")), karaf.installs);
        assertTrue(karaf.lookups.get("hromada-oks").get() > 3, "looked up until it appeared");
    }

    @Test
    void aModuleStillUnknownAfterTheWaitFailsAndBootsOnceItsRepositoryIsAdded() throws Exception {
        Features karaf = new Features();
        karaf.appearsAfterLookups("hromada-docsearch", 0);
        karaf.appearsAfterLookups("hromada-gis", Integer.MAX_VALUE);
        ModuleBoot boot = boot(karaf, "docsearch, gis", Duration.ofMillis(300));

        await(boot::provisioned);
        assertEquals(Set.of("gis"), boot.failures().keySet());
        assertTrue(boot.failures().get("gis").startsWith("unknown module: no feature hromada-gis"), boot.failures().toString());
        assertEquals(List.of(Set.of("hromada-docsearch")), karaf.installs, "the known module is booted anyway");

        // a replayed event (the listener registering) changes nothing; a new repository does
        boot.repositoryEvent(new RepositoryEvent(repository(), RepositoryEvent.EventType.RepositoryAdded, true));
        assertTrue(boot.provisioned());
        karaf.appearsAfterLookups("hromada-gis", 0);
        karaf.installed.add("hromada-docsearch");
        boot.repositoryEvent(new RepositoryEvent(repository(), RepositoryEvent.EventType.RepositoryAdded, false));
        await(boot::provisioned);
        assertEquals(Map.of(), boot.failures());
        assertEquals(List.of(Set.of("hromada-docsearch"), Set.of("hromada-gis")), karaf.installs);
    }

    @Test
    void nothingIsInstalledBeforeKarafHasFinishedItsBoot() throws Exception {
        Features karaf = new Features();
        karaf.appearsAfterLookups("hromada-oks", 0);
        ModuleBoot boot = new ModuleBoot(karaf.service(), pools.forModule("portal"));
        boot.activate(config("oks"));
        Thread.sleep(200);
        assertEquals(List.of(), karaf.installs);
        assertEquals(false, boot.provisioned());
        boot.bindBootFinished(new BootFinished() { });
        await(boot::provisioned);
        assertEquals(List.of(Set.of("hromada-oks")), karaf.installs);
    }

    /**
     * Seen on a second node's start: Karaf restarted its features service while the round installed,
     * the batch failed and each module alone was refused by the stopping service's executor. The
     * restarted service's round boots them, so none of them is a failure.
     */
    @Test
    void modulesRefusedByTheStoppingFeaturesServiceAreNoFailures() throws Exception {
        Features karaf = new Features();
        karaf.appearsAfterLookups("hromada-oks", 0);
        karaf.appearsAfterLookups("hromada-gis", 0);
        karaf.stopsAtInstall = true;
        ModuleBoot boot = boot(karaf, "oks, gis", Duration.ofSeconds(5));

        await(boot::provisioned);
        assertEquals(Map.of("oks", "features service restarting", "gis", "features service restarting"), boot.failures());
        assertEquals(2, karaf.installs.size(), "the batch, then one module alone: the refusal ends the round");
    }

    private ModuleBoot boot(Features karaf, String modules, Duration wait) {
        ModuleBoot boot = new ModuleBoot(karaf.service(), pools.forModule("portal"));
        boot.repositoryWait = wait;
        boot.activate(config(modules));
        boot.bindBootFinished(new BootFinished() { });
        return boot;
    }

    private static ModulesConfig config(String modules) {
        Properties values = new Properties();
        values.setProperty("boot", modules);
        return ShippedConfig.as(ModulesConfig.class, values);
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, "the boot round did not finish in 30 s");
            Thread.sleep(20);
        }
    }

    private static Repository repository() {
        return (Repository) Proxy.newProxyInstance(ModuleBootRoundTest.class.getClassLoader(), new Class<?>[] {Repository.class},
                (proxy, method, args) -> method.getName().equals("getURI") ? URI.create("mvn:ua.hromada/hromada-gis/0.1.0/xml/features") : null);
    }

    /** Karaf's features service as far as ModuleBoot uses it: look up, list installed, install. */
    private static final class Features {
        final Map<String, Integer> appearAfter = new ConcurrentHashMap<>();
        final Map<String, AtomicInteger> lookups = new ConcurrentHashMap<>();
        final List<Set<String>> installs = new CopyOnWriteArrayList<>();
        final Set<String> installed = ConcurrentHashMap.newKeySet();
        /** The service stops under the first install (it fails), and refuses every later one. */
        volatile boolean stopsAtInstall;

        void appearsAfterLookups(String feature, int count) {
            appearAfter.put(feature, count);
        }

        FeaturesService service() {
            return (FeaturesService) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {FeaturesService.class},
                    (proxy, method, args) -> switch (method.getName()) {
                        case "getFeatures" -> lookUp((String) args[0]);
                        case "listInstalledFeatures" -> installed.stream().map(Features::feature).toArray(Feature[]::new);
                        case "installFeatures" -> {
                            @SuppressWarnings("unchecked")
                            Set<String> names = Set.copyOf((Set<String>) args[0]);
                            installs.add(names);
                            if (stopsAtInstall) {
                                throw installs.size() == 1 ? new IllegalStateException("Bundle context is no longer valid")
                                        : new java.util.concurrent.RejectedExecutionException(
                                                "Task rejected from ThreadPoolExecutor[Shutting down]");
                            }
                            installed.addAll(names);
                            yield null;
                        }
                        default -> throw new UnsupportedOperationException(method.getName());
                    });
        }

        private Feature[] lookUp(String name) {
            int seen = lookups.computeIfAbsent(name, n -> new AtomicInteger()).incrementAndGet();
            return seen > appearAfter.getOrDefault(name, Integer.MAX_VALUE) ? new Feature[] {feature(name)} : new Feature[0];
        }

        private static Feature feature(String name) {
            return (Feature) Proxy.newProxyInstance(Features.class.getClassLoader(), new Class<?>[] {Feature.class},
                    (proxy, method, args) -> method.getName().equals("getName") ? name : null);
        }
    }
}
