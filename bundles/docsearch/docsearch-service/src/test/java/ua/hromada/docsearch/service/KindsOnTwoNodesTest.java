package ua.hromada.docsearch.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.lang.annotation.Annotation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ua.hromada.docsearch.api.ActKind;
import ua.hromada.portal.api.community.CommunityScope;
import ua.hromada.portal.jobs.JobPools;
import ua.hromada.portal.persistence.PortalSchemaReady;
import ua.hromada.portal.persistence.cluster.ChangeFeedImpl;
import ua.hromada.portal.persistence.cluster.ClusterConfig;
import ua.hromada.portal.testing.RecordingAuditLog;
import ua.hromada.portal.testing.TestCommunities;
import ua.hromada.portal.testing.TestDatabase;

/**
 * Two portal nodes on one database (docs/cluster.md), each with its own registry and its own change
 * feed (the core's, LISTEN/NOTIFY on portal.change_log): a community's catalogue of kinds, held in
 * memory by each node, follows a change made in the database — an administrator's rename in psql, a
 * kind added — on both nodes.
 */
class KindsOnTwoNodesTest {

    private final TestDatabase db = TestDatabase.prepared("docsearch-with-core", d -> {
        // the core's schema (portal-persistence's scripts, as PortalSchema migrates them) and the module's
        Flyway.configure().dataSource(d.dataSource()).schemas(PortalSchemaReady.SCHEMA).createSchemas(true)
                .locations("classpath:" + PortalSchemaReady.LOCATION).load().migrate();
        d.migrate("docsearch");
    });
    private final TestCommunities communities = new TestCommunities().add("kremenchuk");
    @TempDir
    Path indexes;
    private final List<AutoCloseable> stops = new java.util.ArrayList<>();

    @AfterEach
    void tearDown() throws Exception {
        for (int i = stops.size() - 1; i >= 0; i--) {
            stops.get(i).close();
        }
        db.close();
    }

    @Test
    void aKindRenamedOrAddedInTheDatabaseIsSeenByBothNodes() throws Exception {
        String renamed = "Звіт про виконання";
        LegalActRegistryImpl a = node("A");
        LegalActRegistryImpl b = node("B");
        // both hold the catalogue: node A's first use gave the community the shipped kinds
        assertEquals("Звіт", name(a, "report"));
        assertEquals("Звіт", name(b, "report"));
        try (CommunityScope in = communities.enter("kremenchuk")) {
            assertEquals("Звіт", name(b, "report"));
        }

        // an administrator renames a kind and adds one, in psql (as the schemas' owner)
        db.execute("UPDATE docsearch.act_kind SET name = 'Звіт про виконання' WHERE code = 'report'"
                + " AND community = 'default'");
        db.execute("INSERT INTO docsearch.act_kind (community, code, name, sort_order)"
                + " VALUES ('default', 'land-lease', 'Договір оренди землі', 70)");

        assertEquals(renamed, eventually(renamed, () -> name(b, "report")));
        assertEquals("Договір оренди землі", eventually("Договір оренди землі", () -> name(b, "land-lease")));
        assertEquals(renamed, eventually(renamed, () -> name(a, "report")), "the node whose work seeded it follows too");
        try (CommunityScope in = communities.enter("kremenchuk")) {
            assertEquals("Звіт", name(b, "report"), "another community's catalogue is its own");
        }
    }

    /** A node: its registry (own index folder) and its feed, with the module's subscriptions. */
    private LegalActRegistryImpl node(String name) throws IOException {
        LegalActRegistryImpl registry = new LegalActRegistryImpl(db.communityDataSource(communities), communities,
                new RecordingAuditLog(), java.time.Clock.systemDefaultZone(),
                Files.createDirectories(indexes.resolve(name)), 1 << 20);
        stops.add(registry::deactivate);
        // each node its own job service: the feed's loop holds its pool's one thread
        JobPools pools = new JobPools(Map.of(), communities);
        stops.add(pools::close);
        ChangeFeedImpl feed = new ChangeFeedImpl(db.dataSource(), () -> "5", pools.forModule("portal-persistence"),
                communities, config(name));
        stops.add(feed::close);
        ActsFromOtherNodes subscriptions = new ActsFromOtherNodes(feed, registry);
        stops.add(subscriptions::deactivate);
        return registry;
    }

    private static String name(LegalActRegistryImpl registry, String code) {
        Optional<ActKind> kind = registry.kinds().stream().filter(k -> k.code().equals(code)).findFirst();
        return kind.map(ActKind::name).orElse(null);
    }

    /** The feed hears of a commit within about a second: the value once it is the expected one, or after 10 s. */
    private static String eventually(String expected, Supplier<String> value) throws InterruptedException {
        String last = value.get();
        for (long end = System.nanoTime() + Duration.ofSeconds(10).toNanos(); !expected.equals(last)
                && System.nanoTime() < end;) {
            Thread.sleep(50);
            last = value.get();
        }
        return last;
    }

    private static ClusterConfig config(String node) {
        return new ClusterConfig() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return ClusterConfig.class;
            }

            @Override
            public String node() {
                return node;
            }

            @Override
            public int retention_days() {
                return 7;
            }
        };
    }
}
