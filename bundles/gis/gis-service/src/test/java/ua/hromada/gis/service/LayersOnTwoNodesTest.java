package ua.hromada.gis.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import ua.hromada.gis.api.AttributeDefinition;
import ua.hromada.gis.api.GeometryType;
import ua.hromada.gis.api.Layer;
import ua.hromada.gis.api.Visibility;
import ua.hromada.gis.exchange.internal.GisExchangeService;
import ua.hromada.gis.exchange.internal.Limits;
import ua.hromada.gis.exchange.internal.Tools;
import ua.hromada.portal.jobs.JobPools;
import ua.hromada.portal.persistence.PortalSchemaReady;
import ua.hromada.portal.persistence.cluster.ChangeFeedImpl;
import ua.hromada.portal.persistence.cluster.ClusterConfig;
import ua.hromada.portal.testing.PublishingAuditLog;
import ua.hromada.portal.testing.ShippedConfig;
import ua.hromada.portal.testing.TestDatabase;

/**
 * Two portal nodes on one database (docs/cluster.md), each with its own layer registry, public-layer
 * datasets, job pools and change feed (the core's, LISTEN/NOTIFY on portal.change_log): a layer made
 * public on node A is open data on node B within 2 s, not at B's next periodic scan, and is withdrawn
 * there as soon as A takes it back.
 */
class LayersOnTwoNodesTest {
    private final GisTestSetup gis = new GisTestSetup(TestDatabase.prepared("gis-with-core", d -> {
        // the core's schema (portal-persistence's scripts, as PortalSchema migrates them) and the module's
        Flyway.configure().dataSource(d.dataSource()).schemas(PortalSchemaReady.SCHEMA).createSchemas(true)
                .locations("classpath:" + PortalSchemaReady.LOCATION).load().migrate();
        GisTestSetup.prepare(d);
    }));
    private final List<AutoCloseable> stops = new ArrayList<>();

    @AfterEach
    void tearDown() throws Exception {
        for (int i = stops.size() - 1; i >= 0; i--) {
            stops.get(i).close();
        }
        gis.close();
    }

    @Test
    void aLayerMadePublicOrTakenBackOnOneNodeIsOfferedOrWithdrawnOnTheOther() throws Exception {
        Node a = new Node("A");
        Node b = new Node("B");
        assertEquals(Set.of(), b.offered());

        Layer stops = a.layers.saveLayer(gis.admin, visible(Layer.create("stops", null, "Зупинки",
                GeometryType.POINT, List.of(AttributeDefinition.text("name", "Назва", true, false))), Visibility.PUBLIC));
        assertEquals(Set.of("stops"), eventually(Set.of("stops"), a::offered), "node A: offered after the save");
        assertEquals(Set.of("stops"), eventually(Set.of("stops"), b::offered), "node B: within 2 s");

        a.layers.saveLayer(gis.admin, visible(stops, Visibility.EMPLOYEES));
        assertEquals(Set.of(), eventually(Set.of(), b::offered), "withdrawn on node B too");

        // and the other way round: B's change reaches A
        Layer again = b.layers.findByKey(gis.admin, "stops").orElseThrow();
        b.layers.saveLayer(gis.admin, visible(again, Visibility.PUBLIC));
        assertEquals(Set.of("stops"), eventually(Set.of("stops"), a::offered));
    }

    private static Layer visible(Layer l, Visibility visibility) {
        return new Layer(l.id(), l.key(), l.groupId(), l.title(), l.geometryType(), l.attributes(), l.style(),
                l.ownerUnit(), visibility, l.metadata(), l.linkedLayerId(), l.version(), l.createdAt(), l.updatedAt());
    }

    /** Within 2 s (the bound) the value once it is the expected one, else the last seen. */
    private static Set<String> eventually(Set<String> expected, java.util.function.Supplier<Set<String>> value)
            throws InterruptedException {
        Set<String> last = value.get();
        for (long end = System.nanoTime() + Duration.ofSeconds(2).toNanos(); !expected.equals(last)
                && System.nanoTime() < end;) {
            Thread.sleep(50);
            last = value.get();
        }
        return last;
    }

    /** A node: job pools, the core's change feed, a registry whose audit publishes on it, its datasets. */
    private final class Node {
        final GisLayersImpl layers;
        /** The datasets this node offers to open data (the service registry in Karaf). */
        private final RecordingPublisher registry = new RecordingPublisher();

        Node(String name) {
            JobPools pools = new JobPools(Map.of(), gis.communities());
            stops.add(pools::close);
            ChangeFeedImpl feed = new ChangeFeedImpl(gis.dataSource(), () -> "5", pools.forModule("portal-persistence"),
                    gis.communities(), ShippedConfig.as(ClusterConfig.class, Map.of("node", name)));
            stops.add(feed::close);
            layers = new GisLayersImpl(gis.database(), new PublishingAuditLog(feed));
            PublicLayerDatasets datasets = new PublicLayerDatasets(gis.database(), gis.communities(),
                    new GisExchangeService(Limits.defaults(), Tools.fromEnvironment("")), registry, pools.forModule("gis"));
            stops.add(datasets::stop);
            layers.addListener(datasets);
            LayersFromOtherNodes subscription = new LayersFromOtherNodes(feed, layers);
            stops.add(subscription::deactivate);
        }

        Set<String> offered() {
            return new TreeSet<>(registry.datasets.keySet());
        }
    }
}
