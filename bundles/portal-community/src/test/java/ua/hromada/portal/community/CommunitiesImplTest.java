package ua.hromada.portal.community;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationListener;

import ua.hromada.portal.api.PortalException;
import ua.hromada.portal.api.community.Communities;
import ua.hromada.portal.api.community.Community;
import ua.hromada.portal.api.community.CommunityScope;

/**
 * The communities over the real Config Admin and fileinstall: saved ones become configurations
 * and files at once, files written by hand become communities live, hosts resolve, the default
 * community is always there, bad input is refused with its message key and nothing written.
 */
class CommunitiesImplTest {

    private static OsgiFramework osgi;
    private static CommunitiesImpl communities;

    @BeforeAll
    static void start() throws Exception {
        osgi = new OsgiFramework();
        communities = new CommunitiesImpl(osgi.configurations(), osgi.etc());
        osgi.context().registerService(ConfigurationListener.class, communities, null);
    }

    @AfterAll
    static void stop() throws Exception {
        osgi.close();
    }

    private static Community community(String id, List<String> hosts, Set<String> modules, Map<String, String> settings) {
        return new Community(id, hosts, modules, settings);
    }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("not within 15 s: " + what);
            }
            Thread.sleep(50);
        }
    }

    /** Waits until the file has not changed for two seconds (fileinstall polls about once a second). */
    private static void awaitUnchanged(Path file) throws Exception {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        String seen = read(file);
        long stableSince = System.nanoTime();
        while (System.nanoTime() - stableSince < TimeUnit.SECONDS.toNanos(2)) {
            if (System.nanoTime() > end) {
                throw new AssertionError("not within 15 s: fileinstall done writing " + file);
            }
            Thread.sleep(100);
            String now = read(file);
            if (!now.equals(seen)) {
                seen = now;
                stableSince = System.nanoTime();
            }
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            return "";
        }
    }

    @Test
    void unknownHostsAndUnboundWorkAreTheDefaultCommunitys() {
        assertEquals(Communities.DEFAULT, communities.all().get(0).id());
        assertEquals(Communities.DEFAULT, communities.forHost("nobody.example").id());
        assertEquals(Communities.DEFAULT, communities.forHost(null).id());
        assertEquals(Communities.DEFAULT, communities.current().id());
    }

    @Test
    void savedCommunityServesAtOnceAndIsItsFileAndConfiguration() throws Exception {
        Community saved = communities.save(community("poltava", List.of("Poltava.Portal.Example", "poltava.local."),
                Set.of("oks", "opendata"), Map.of(CommunityConfig.NAME, "Полтавська громада")));
        assertEquals(List.of("poltava.portal.example", "poltava.local"), saved.hosts());
        assertEquals("poltava", communities.forHost("POLTAVA.portal.example").id());
        assertEquals("poltava", communities.forHost("poltava.local:8181").id());
        assertEquals("Полтавська громада", communities.find("poltava").orElseThrow().name());
        assertTrue(communities.find("poltava").orElseThrow().moduleEnabled("oks"));
        assertFalse(communities.find("poltava").orElseThrow().moduleEnabled("docsearch"));

        Path file = osgi.etc().resolve("ua.hromada.portal.community~poltava.cfg");
        // fileinstall writes the file back in place on every configuration update (Karaf's config
        // save): a read may meet it half written, so the test waits for the whole of it
        List<String> lines = List.of("hosts = poltava.portal.example,poltava.local", "modules = oks,opendata",
                "ua.hromada.portal/community.name = Полтавська громада");
        await(() -> lines.stream().allMatch(read(file)::contains), "the community's file with " + lines);
        String text = read(file);
        Configuration configuration = osgi.configurations().listConfigurations(
                "(service.pid=ua.hromada.portal.community~poltava)")[0];
        assertEquals("poltava.portal.example,poltava.local", configuration.getProperties().get("hosts"));
        assertEquals(file.toFile().toURI().toString(), configuration.getProperties().get(CommunityConfig.FILENAME));

        // an administrator's edit of the file reaches the running portal through fileinstall; it
        // edits a file fileinstall has finished writing back (an edit racing that write-back would
        // be overwritten by it, as it would be for a person saving within the same instant)
        awaitUnchanged(file);
        text = read(file);
        Files.writeString(file, text.replace("poltava.local", "poltava.test"), StandardCharsets.UTF_8);
        await(() -> "poltava".equals(communities.forHost("poltava.test").id()), "the edited file's host");
        assertEquals(Communities.DEFAULT, communities.forHost("poltava.local").id());
        assertEquals("Полтавська громада", communities.find("poltava").orElseThrow().name());
    }

    @Test
    void fileWrittenByHandBecomesACommunityAndItsRemovalEndsIt() throws Exception {
        Path file = osgi.etc().resolve("ua.hromada.portal.community~reshetylivka.cfg");
        Files.writeString(file, "hosts = reshetylivka.portal.example\nmodules = oks\n"
                + "ua.hromada.portal/community.name = Решетилівська громада\n", StandardCharsets.UTF_8);
        await(() -> communities.find("reshetylivka").isPresent(), "the community of the new file");
        Community community = communities.forHost("reshetylivka.portal.example");
        assertEquals("reshetylivka", community.id());
        assertEquals(Set.of("oks"), community.modules());
        assertEquals("Решетилівська громада", community.name());

        Files.delete(file);
        await(() -> communities.find("reshetylivka").isEmpty(), "the community gone with its file");
        assertEquals(Communities.DEFAULT, communities.forHost("reshetylivka.portal.example").id());
    }

    @Test
    void defaultCommunityTakesItsFileWhenThereIsOne() throws Exception {
        Path file = osgi.etc().resolve("ua.hromada.portal.community~default.cfg");
        Files.writeString(file, "hosts = region.portal.example\nua.hromada.portal/community.name = Область\n",
                StandardCharsets.UTF_8);
        try {
            await(() -> "Область".equals(communities.find(Communities.DEFAULT).orElseThrow().name()), "default's file");
            assertEquals(Communities.DEFAULT, communities.all().get(0).id());
            assertEquals(List.of("region.portal.example"), communities.forHost("region.portal.example").hosts());
        } finally {
            Files.delete(file);
        }
        await(() -> Communities.DEFAULT.equals(communities.find(Communities.DEFAULT).orElseThrow().name()),
                "default without its file");
        assertTrue(communities.find(Communities.DEFAULT).isPresent());
    }

    @Test
    void badCommunitiesAreRefusedWithTheirReasonAndNothingWritten() {
        assertRefused("portal.community.id.invalid", community("Poltava", List.of(), Set.of(), Map.of()));
        assertRefused("portal.community.id.invalid", community("x", List.of(), Set.of(), Map.of()));
        assertRefused("portal.community.id.invalid", community("../etc", List.of(), Set.of(), Map.of()));
        assertRefused("portal.community.id.invalid", community("a".repeat(41), List.of(), Set.of(), Map.of()));
        assertRefused("portal.community.host.invalid", community("kobeliaky", List.of("http://k.example/"), Set.of(),
                Map.of()));
        assertRefused("portal.community.host.invalid", community("kobeliaky", List.of("k.example:8181"), Set.of(),
                Map.of()));
        assertRefused("portal.community.module.invalid", community("kobeliaky", List.of(), Set.of("OKS!"), Map.of()));
        assertRefused("portal.community.setting.invalid", community("kobeliaky", List.of(), Set.of(),
                Map.of("community.name", "K")));
        communities.save(community("karlivka", List.of("karlivka.portal.example"), Set.of(), Map.of()));
        PortalException taken = assertRefused("portal.community.host.taken", community("kobeliaky",
                List.of("kobeliaky.portal.example", "KARLIVKA.portal.example"), Set.of(), Map.of()));
        assertEquals(PortalException.Reason.CONFLICT, taken.reason());
        assertEquals("karlivka", taken.args()[1]);
        assertFalse(Files.exists(osgi.etc().resolve("ua.hromada.portal.community~kobeliaky.cfg")));
        assertTrue(communities.find("kobeliaky").isEmpty());
        // a community may keep its own hosts when saved again
        communities.save(community("karlivka", List.of("karlivka.portal.example", "karlivka.test"), Set.of(), Map.of()));
        assertEquals("karlivka", communities.forHost("karlivka.test").id());
    }

    private static PortalException assertRefused(String key, Community community) {
        PortalException e = assertThrows(PortalException.class, () -> communities.save(community));
        assertEquals(key, e.messageKey());
        return e;
    }

    @Test
    void scopesBindNestAndRestorePerThread() throws Exception {
        communities.save(community("zinkiv", List.of(), Set.of(), Map.of()));
        communities.save(community("hadiach", List.of(), Set.of(), Map.of()));
        assertThrows(IllegalArgumentException.class, () -> communities.enter("nowhere"));
        assertEquals(Communities.DEFAULT, communities.current().id());
        try (CommunityScope outer = communities.enter("zinkiv")) {
            assertEquals("zinkiv", communities.current().id());
            CompletableFuture<String> other = CompletableFuture.supplyAsync(() -> communities.current().id());
            assertEquals(Communities.DEFAULT, other.get(10, TimeUnit.SECONDS), "another thread is not bound");
            try (CommunityScope inner = communities.enter("hadiach")) {
                assertEquals("hadiach", communities.current().id());
                assertEquals("zinkiv", communities.callAs("zinkiv", () -> communities.current().id()));
                assertEquals("hadiach", communities.current().id());
            }
            assertEquals("zinkiv", communities.current().id());
            Runnable bound = communities.bind(() -> assertEquals("zinkiv", communities.current().id()));
            CompletableFuture.runAsync(bound).get(10, TimeUnit.SECONDS);
        }
        assertEquals(Communities.DEFAULT, communities.current().id());
        assertThrows(RuntimeException.class, () -> communities.runAs("hadiach", () -> {
            throw new IllegalStateException("work failed");
        }));
        assertEquals(Communities.DEFAULT, communities.current().id(), "a failed work's community is not left bound");
    }
}
