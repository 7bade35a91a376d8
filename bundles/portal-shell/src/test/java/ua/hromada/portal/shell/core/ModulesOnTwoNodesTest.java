package ua.hromada.portal.shell.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import ua.hromada.portal.api.InstalledModules.ModuleException;
import ua.hromada.portal.api.InstalledModules.ModuleInfo;
import ua.hromada.portal.api.InstalledModules.State;
import ua.hromada.portal.jobs.JobPools;
import ua.hromada.portal.persistence.cluster.ChangeFeedImpl;
import ua.hromada.portal.persistence.cluster.ClusterConfig;
import ua.hromada.portal.shell.core.ModuleStates.Wanted;
import ua.hromada.portal.testing.ShippedConfig;
import ua.hromada.portal.testing.TestCommunities;
import ua.hromada.portal.testing.TestDatabase;

/**
 * Two nodes on one real database, each with the core's change feed, the module states and the
 * follower: a module changed as the Modules page changes it on node A (recorded with A's own change
 * in one transaction) is changed on node B, and a node that was down catches up when it starts.
 * Karaf cannot run outside Karaf, so each node's modules are a small in-memory {@link NodeModules}
 * (as ModuleBootRoundTest's features service); the e2e two-nodes.test.mjs runs the real ones.
 */
class ModulesOnTwoNodesTest {

    /** The bound: a change made on one node is on the others within 2 s. */
    private static final Duration WITHIN = Duration.ofSeconds(2);

    private TestDatabase db;
    private final List<Node> nodes = new ArrayList<>();

    @BeforeEach
    void setUp() {
        db = TestDatabase.prepared("portal-shell-modules", d -> Flyway.configure().dataSource(d.dataSource())
                .schemas("portal").createSchemas(true).locations("classpath:db/migration/portal").load().migrate());
    }

    @AfterEach
    void tearDown() {
        nodes.forEach(Node::close);
        db.close();
    }

    @Test
    void aModuleStoppedAndStartedOnOneNodeIsSoOnTheOtherWithinTwoSecondsAndOnlyOnceOnItsOwn() throws Exception {
        Node a = node("A", new Karaf().with("crm", State.ACTIVE).with("docsearch", State.ACTIVE));
        Node b = node("B", new Karaf().with("crm", State.ACTIVE).with("docsearch", State.ACTIVE));

        a.page(Wanted.STOPPED, "crm");
        await("crm stopped on B", WITHIN, () -> b.karaf.is("crm", State.STOPPED));
        a.page(Wanted.STARTED, "crm");
        await("crm running on B", WITHIN, () -> b.karaf.is("crm", State.ACTIVE));

        // B's change reaches A after A's own changes went by A's feed: A made each of them once
        b.page(Wanted.STOPPED, "docsearch");
        await("docsearch stopped on A", WITHIN, () -> a.karaf.is("docsearch", State.STOPPED));
        assertEquals(List.of("stop crm", "start crm", "stop docsearch"), a.karaf.done);
        assertEquals(List.of("stop crm", "start crm", "stop docsearch"), b.karaf.done);
        assertEquals("stopped by B", db1("select wanted || ' by ' || node from portal.module_state where module_key = 'docsearch'"));
    }

    @Test
    void anUploadedKarAndJarAreInstalledOnTheOtherNodeAndAModuleStoppedMeanwhileStaysStopped() throws Exception {
        Node a = node("A", new Karaf());
        Node b = node("B", new Karaf());
        byte[] kar = kar("phonebook");
        byte[] jar = jar("ua.hromada.greeting", "greeting");

        a.upload("hromada-phonebook-1.0.0.kar", kar);
        // A's administrator stops it at once; B's deployer is still installing its copy
        a.page(Wanted.STOPPED, "phonebook");
        a.upload("greeting.jar", jar);

        await("the KAR in B's deploy/", WITHIN, () -> b.karaf.files.containsKey("hromada-phonebook-1.0.0.kar"));
        assertArrayEquals(kar, b.karaf.files.get("hromada-phonebook-1.0.0.kar"));
        await("the jar's bundle on B", WITHIN, () -> b.karaf.is("greeting", State.ACTIVE));
        assertArrayEquals(jar, b.karaf.files.get("greeting.jar"));
        await("phonebook installed and stopped on B", Duration.ofSeconds(10), () -> b.karaf.is("phonebook", State.STOPPED));
        assertEquals(List.of("install hromada-phonebook-1.0.0.kar", "install greeting.jar", "stop phonebook"), b.karaf.done);
        assertEquals(List.of("install hromada-phonebook-1.0.0.kar", "stop phonebook", "install greeting.jar"), a.karaf.done);
    }

    @Test
    void aNodeThatWasDownCatchesUpAtStartAfterItsBootAndKeepsTheModulesItBoots() throws Exception {
        Node a = node("A", new Karaf().with("crm", State.ACTIVE).with("docsearch", State.ACTIVE).with("oks", State.ACTIVE));
        Node b = node("B", new Karaf());
        b.close();
        byte[] kar = kar("phonebook");
        a.page(Wanted.STOPPED, "crm");
        a.page(Wanted.UNINSTALLED, "docsearch");
        a.page(Wanted.UNINSTALLED, "oks");
        a.upload("hromada-phonebook-1.0.0.kar", kar);

        // B starts again: its Karaf kept its modules in data/, it boots oks; its boot round takes a moment
        Karaf karaf = new Karaf().with("crm", State.ACTIVE).with("docsearch", State.ACTIVE).with("oks", State.ACTIVE)
                .booting(Duration.ofMillis(800), "oks");
        Node restarted = node("B", karaf);
        await("B caught up", Duration.ofSeconds(10), () -> karaf.is("crm", State.STOPPED)
                && karaf.is("phonebook", State.ACTIVE) && karaf.state("docsearch").isEmpty());
        assertTrue(karaf.is("oks", State.ACTIVE), "the boot list brings oks back at every start");
        assertTrue(karaf.firstChangeAt.get(0).isAfter(karaf.bootedAt), "nothing changed while booting");
        assertArrayEquals(kar, karaf.files.get("hromada-phonebook-1.0.0.kar"));

        // once running, an uninstall on another node is followed, boot module or not (A booted oks again)
        a.karaf.with("oks", State.ACTIVE);
        a.page(Wanted.UNINSTALLED, "oks");
        await("oks uninstalled on B", WITHIN, () -> karaf.state("oks").isEmpty());
        await("B settled", WITHIN, restarted.follower::settled);
        assertEquals(1, karaf.done.stream().filter("stop crm"::equals).count(), karaf.done.toString());
    }

    @Test
    void anUninstalledUploadIsForgottenSoNoNodeInstallsItAgain() throws Exception {
        Node a = node("A", new Karaf());
        Node b = node("B", new Karaf());
        a.upload("greeting.jar", jar("ua.hromada.greeting", "greeting"));
        await("greeting on B", WITHIN, () -> b.karaf.is("greeting", State.ACTIVE));
        a.page(Wanted.UNINSTALLED, "greeting");
        await("greeting gone from B", WITHIN, () -> b.karaf.state("greeting").isEmpty());
        assertEquals("0", db1("select count(*) from portal.module_file"));

        b.close();
        Karaf fresh = new Karaf();
        Node again = node("B", fresh);
        await("B's start caught up", Duration.ofSeconds(5), again.follower::settled);
        assertEquals(List.of(), fresh.done, "nothing installed again");
    }

    @Test
    void aChangeThatFailsOnItsNodeIsNeitherRecordedNorToldToTheOthers() throws Exception {
        Node a = node("A", new Karaf().with("docsearch", State.ACTIVE));
        Node b = node("B", new Karaf().with("crm", State.ACTIVE).with("docsearch", State.ACTIVE));

        // crm is not on node A: the page's stop fails there
        ModuleException refused = assertThrows(ModuleException.class, () -> a.page(Wanted.STOPPED, "crm"));
        assertEquals("modules.error.notFound", refused.messageKey());
        assertEquals("0", db1("select count(*) from portal.module_state"));
        assertThrows(ModuleException.class, () -> a.upload("broken.kar", "not a zip".getBytes(StandardCharsets.UTF_8)));
        assertEquals("0", db1("select count(*) from portal.module_file"));

        // the next change does reach B, and it is the only one B made
        a.page(Wanted.STOPPED, "docsearch");
        await("docsearch stopped on B", WITHIN, () -> b.karaf.is("docsearch", State.STOPPED));
        assertEquals(List.of("stop docsearch"), b.karaf.done);
        assertTrue(b.karaf.is("crm", State.ACTIVE));
    }

    // ------------------------------------------------------------------ nodes

    private Node node(String name, Karaf karaf) {
        Node node = new Node(name, karaf);
        nodes.add(node);
        return node;
    }

    /** One portal node: its job pools, the core's change feed, the module states, the follower. */
    private final class Node implements AutoCloseable {
        final JobPools pools = new JobPools(Map.of());
        final ChangeFeedImpl feed;
        final ModuleStates states;
        final Karaf karaf;
        final ModuleFollower follower;
        private boolean closed;

        Node(String name, Karaf karaf) {
            this.karaf = karaf;
            feed = new ChangeFeedImpl(db.dataSource(), () -> "6", pools.forModule("portal-persistence"),
                    new TestCommunities(), ShippedConfig.as(ClusterConfig.class, Map.of("node", name)));
            states = new ModuleStates(db.dataSource(), feed);
            follower = new ModuleFollower(states, feed, karaf, pools.forModule("portal-shell"), Duration.ofMillis(100));
        }

        /** As InstalledModulesImpl does for the Modules page: recorded with this node's change. */
        void page(Wanted wanted, String key) {
            states.change(key, wanted, () -> {
                switch (wanted) {
                    case STARTED -> karaf.start(key);
                    case STOPPED -> karaf.stop(key);
                    case UNINSTALLED -> karaf.uninstall(key);
                }
                return null;
            });
        }

        ModuleInfo upload(String fileName, byte[] content) {
            return states.upload(fileName, content, ModuleFiles.keys(fileName, content), () -> karaf.install(fileName, content));
        }

        @Override
        public void close() {
            if (!closed) {
                closed = true;
                follower.close();
                feed.close();
                pools.close();
            }
        }
    }

    /**
     * A node's Karaf as {@link ModuleActions} sees it: modules by key and state, the uploaded files.
     * A KAR's module is INSTALLING for a moment after its file is written, as with Karaf's deployer.
     */
    private static final class Karaf implements NodeModules {
        final Map<String, State> modules = new ConcurrentHashMap<>();
        final Map<String, Instant> deploying = new ConcurrentHashMap<>();
        final Map<String, byte[]> files = new ConcurrentHashMap<>();
        final List<String> done = new CopyOnWriteArrayList<>();
        final List<Instant> firstChangeAt = new CopyOnWriteArrayList<>();
        Set<String> boot = Set.of();
        Instant bootedAt = Instant.MIN;

        Karaf with(String key, State state) {
            modules.put(key, state);
            return this;
        }

        Karaf booting(Duration round, String... bootKeys) {
            bootedAt = Instant.now().plus(round);
            boot = Set.of(bootKeys);
            return this;
        }

        boolean is(String key, State state) {
            return state(key).equals(Optional.of(state));
        }

        @Override
        public Optional<State> state(String key) {
            Instant ready = deploying.get(key);
            if (ready != null && Instant.now().isBefore(ready)) {
                return Optional.of(State.INSTALLING);
            }
            return Optional.ofNullable(modules.get(key));
        }

        @Override
        public boolean booting() {
            return Instant.now().isBefore(bootedAt);
        }

        @Override
        public boolean bootModule(String key) {
            return boot.contains(key);
        }

        @Override
        public boolean hasFile(String fileName, String checksum) {
            byte[] file = files.get(fileName);
            return file != null && ModuleFiles.sha256(file).equals(checksum);
        }

        private void did(String what, String key) {
            if (state(key).isEmpty()) {
                throw new ModuleException("modules.error.notFound", "No Hromada module " + key, null);
            }
            done.add(what + " " + key);
            firstChangeAt.add(Instant.now());
        }

        @Override
        public void start(String key) {
            did("start", key);
            modules.put(key, State.ACTIVE);
        }

        @Override
        public void stop(String key) {
            did("stop", key);
            modules.put(key, State.STOPPED);
        }

        @Override
        public void uninstall(String key) {
            did("uninstall", key);
            modules.remove(key);
            files.entrySet().removeIf(f -> ModuleFiles.keys(f.getKey(), f.getValue()).contains(key));
        }

        @Override
        public ModuleInfo install(String fileName, byte[] content) {
            done.add("install " + fileName);
            firstChangeAt.add(Instant.now());
            files.put(fileName, content);
            for (String key : ModuleFiles.keys(fileName, content)) {
                modules.put(key, State.ACTIVE);
                if (ModuleFiles.isKar(fileName)) {
                    deploying.put(key, Instant.now().plusMillis(500));
                }
            }
            return null;
        }
    }

    // ------------------------------------------------------------------ helpers

    private static byte[] kar(String key) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("META-INF/KARAF.MF"));
            zip.write("Manifest-Version: 1.0\n".getBytes(StandardCharsets.UTF_8));
            zip.putNextEntry(new ZipEntry("repository/ua/hromada/hromada-" + key + "/1.0.0/hromada-" + key + "-1.0.0-features.xml"));
            zip.write(("<features name=\"hromada-" + key + "-1.0.0\" xmlns=\"http://karaf.apache.org/xmlns/features/v1.6.0\">"
                    + "<feature name=\"hromada-" + key + "\" version=\"1.0.0\"><feature>hromada-core</feature></feature>"
                    + "</features>").getBytes(StandardCharsets.UTF_8));
        }
        return out.toByteArray();
    }

    private static byte[] jar(String symbolicName, String key) throws IOException {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().putValue("Bundle-SymbolicName", symbolicName);
        manifest.getMainAttributes().putValue("Hromada-Module", key);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JarOutputStream jar = new JarOutputStream(out, manifest)) {
            jar.putNextEntry(new ZipEntry("readme.txt"));
            jar.write(key.getBytes(StandardCharsets.UTF_8));
        }
        return out.toByteArray();
    }

    private String db1(String sql) throws SQLException {
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static void await(String what, Duration within, BooleanSupplier condition) throws InterruptedException {
        Instant end = Instant.now().plus(within);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(end)) {
                throw new AssertionError(what + ": not within " + within);
            }
            Thread.sleep(20);
        }
    }
}
