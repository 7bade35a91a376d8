package ua.hromada.gis.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

import ua.hromada.gis.api.AttributeDefinition;
import ua.hromada.gis.api.FeatureInput;
import ua.hromada.gis.api.GeometryType;
import ua.hromada.gis.api.Layer;
import ua.hromada.gis.api.Visibility;
import ua.hromada.gis.exchange.internal.GisExchangeService;
import ua.hromada.gis.exchange.internal.Limits;
import ua.hromada.gis.exchange.internal.Tools;

/**
 * Public layers become live open datasets (GeoJSON and CSV through gis-exchange), each community's
 * own content when it is bound; a layer no longer public anywhere is withdrawn.
 */
class PublicLayerDatasetsTest {
    @AutoClose
    private final GisTestSetup gis = new GisTestSetup();
    private final RecordingPublisher publisher = new RecordingPublisher();
    private final Map<String, PublicLayerDataset> registry = publisher.datasets;

    @Test
    void everyPublicLayerIsADatasetOfEachCommunitysOwnObjects() throws IOException {
        gis.communities().add("a", "a.portal.example").add("b", "b.portal.example");
        gis.database().seedEveryCommunity();
        Layer parks = gis.communities().callAs("a", () -> {
            Layer p = gis.layers().saveLayer(gis.admin, publicLayer(Layer.create("parks", null, "Парки, сквери",
                    GeometryType.POINT, List.of(AttributeDefinition.text("name", "Назва", true, false)))));
            gis.features().create(gis.admin, p.id(), new FeatureInput("POINT(34.55 49.59)", Map.of("name", "Сквер «Ювілейний»")));
            gis.features().create(gis.admin, p.id(), new FeatureInput("POINT(34.56 49.60)", Map.of("name", "Парк, міський")));
            return p;
        });
        PublicLayerDatasets datasets = new PublicLayerDatasets(gis.database(), gis.communities(),
                new GisExchangeService(Limits.defaults(), Tools.fromEnvironment("")), publisher(), null);
        assertEquals(Set.of("parks"), registry.keySet(), "shipped layers are for employees: not datasets");
        PublicLayerDataset dataset = registry.get("parks");
        assertEquals("gis-parks", dataset.identifier());
        assertEquals("gis", dataset.module());

        gis.communities().runAs("a", () -> {
            assertEquals("Шар «Парки, сквери» (ГІС громади)", dataset.title());
            assertTrue(dataset.keywords().contains("Парки, сквери"));
            assertNotNull(dataset.lastModified());
            String geojson = written(dataset, "GEOJSON");
            assertTrue(geojson.contains("\"FeatureCollection\""), geojson);
            assertTrue(geojson.contains("Сквер «Ювілейний»") && geojson.contains("34.56"), geojson);
            String csv = written(dataset, "CSV");
            assertEquals(3, csv.strip().lines().count(), csv);
            assertTrue(csv.contains("Парк, міський") && csv.contains("POINT (34.56 49.6)"), csv); // gis-exchange: WKT column
        });
        // b has no public layer "parks": no change date, an empty collection
        gis.communities().runAs("b", () -> {
            assertNull(dataset.lastModified());
            assertTrue(written(dataset, "GEOJSON").replace(" ", "").contains("\"features\":[]"));
        });

        gis.communities().runAs("a", () -> {
            Layer now = gis.layers().find(gis.admin, parks.id()).orElseThrow();
            gis.layers().saveLayer(gis.admin, new Layer(now.id(), now.key(), now.groupId(), now.title(), now.geometryType(),
                    now.attributes(), now.style(), now.ownerUnit(), Visibility.EMPLOYEES, now.metadata(),
                    now.linkedLayerId(), now.version(), now.createdAt(), now.updatedAt()));
        });
        assertEquals(Set.of(), datasets.rescan());
        assertEquals(Set.of(), registry.keySet(), "withdrawn when no community keeps it public");
    }

    @Test
    void aLayerMadePublicOrTakenBackIsOfferedOrWithdrawnAtOnce() {
        PublicLayerDatasets datasets = new PublicLayerDatasets(gis.database(), gis.communities(),
                new GisExchangeService(Limits.defaults(), Tools.fromEnvironment("")), publisher(), null);
        ((GisLayersImpl) gis.layers()).addListener(datasets);
        assertEquals(Set.of(), registry.keySet());
        Layer stops = gis.layers().saveLayer(gis.admin, publicLayer(Layer.create("stops", null, "Зупинки",
                GeometryType.POINT, List.of(AttributeDefinition.text("name", "Назва", true, false)))));
        assertEquals(Set.of("stops"), registry.keySet(), "offered on the save, no scan waited for");
        Layer internal = new Layer(stops.id(), stops.key(), stops.groupId(), stops.title(), stops.geometryType(),
                stops.attributes(), stops.style(), stops.ownerUnit(), Visibility.EMPLOYEES, stops.metadata(),
                stops.linkedLayerId(), stops.version(), stops.createdAt(), stops.updatedAt());
        Layer saved = gis.layers().saveLayer(gis.admin, internal);
        assertEquals(Set.of(), registry.keySet(), "withdrawn on the save");
        gis.layers().saveLayer(gis.admin, publicLayer(saved));
        assertEquals(Set.of("stops"), registry.keySet());
        Layer again = gis.layers().findByKey(gis.admin, "stops").orElseThrow();
        gis.layers().deleteLayer(gis.admin, again.id(), again.version());
        assertEquals(Set.of(), registry.keySet(), "withdrawn when the layer is deleted");
    }

    private static Layer publicLayer(Layer l) {
        return new Layer(l.id(), l.key(), l.groupId(), l.title(), l.geometryType(), l.attributes(), l.style(),
                l.ownerUnit(), Visibility.PUBLIC, l.metadata(), l.linkedLayerId(), l.version(), l.createdAt(), l.updatedAt());
    }

    private PublicLayerDatasets.Publisher publisher() {
        return publisher;
    }

    private static String written(PublicLayerDataset dataset, String format) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            dataset.write(format, out);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
