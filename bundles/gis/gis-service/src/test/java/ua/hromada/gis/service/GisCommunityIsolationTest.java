package ua.hromada.gis.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

import ua.hromada.gis.api.AttributeDefinition;
import ua.hromada.gis.api.FeatureInput;
import ua.hromada.gis.api.FeatureQuery;
import ua.hromada.gis.api.GeometryType;
import ua.hromada.gis.api.GisException;
import ua.hromada.gis.api.GisFeature;
import ua.hromada.gis.api.Layer;
import ua.hromada.gis.api.LayerGroup;
import ua.hromada.gis.api.Visibility;
import ua.hromada.portal.api.map.GeoPoint;
import ua.hromada.portal.testing.CommunityIsolationCheck;

/**
 * Regional hosting (issue 18): community "a" writes into every table of schema gis through the
 * services; community "b" sees none of it, and row-level security refuses every read and write
 * across (checked table by table from the catalog). Each community has its own shipped layers and
 * may use a's keys.
 */
class GisCommunityIsolationTest {
    private static final String POINT = "POINT(34.55 49.59)";

    @AutoClose
    private final GisTestSetup gis = new GisTestSetup();

    @Test
    void everyTableOfCommunityAIsHiddenFromCommunityB() {
        gis.communities().add("a", "a.portal.example").add("b", "b.portal.example");
        gis.database().seedEveryCommunity();

        GisFeature inA = gis.communities().callAs("a", () -> {
            LayerGroup g = gis.layers().saveGroup(gis.admin, new LayerGroup("roads", "Дороги", 1));
            Layer roads = gis.layers().saveLayer(gis.admin, Layer.create("roads", g.id(), "Дороги", GeometryType.LINE,
                    List.of(AttributeDefinition.text("name", "Назва", true, true))));
            GisFeature f = gis.features().create(gis.admin, roads.id(), new FeatureInput(
                    "LINESTRING(34.55 49.59, 34.56 49.60)", Map.of("name", "вул. Соборності")));
            gis.attachments().attach(gis.admin, f.id(), "схема.pdf", "%PDF-1.4".getBytes());
            gis.features().update(gis.admin, f.id(), 0, new FeatureInput("LINESTRING(34.55 49.59, 34.57 49.60)",
                    Map.of("name", "вул. Соборності")));
            gis.features().create(gis.admin, gis.layer(ShippedLayers.HERITAGE).id(),
                    new FeatureInput(POINT, Map.of("name", "Колона Слави", "register_number", "1")));
            gis.externalLayers().save(gis.admin, GisExternalLayersTest.wms("cadastre", Visibility.PUBLIC, g.id()));
            return f;
        });

        CommunityIsolationCheck.assertIsolated(gis.dataSource(), "gis", "a", "b");

        gis.communities().runAs("b", () -> {
            assertEquals(List.of("heritage-zones", "heritage", "signage"),
                    gis.layers().layers(gis.admin).stream().map(Layer::key).toList(), "b's own shipped layers");
            assertTrue(gis.layers().findByKey(gis.admin, "roads").isEmpty());
            assertTrue(gis.features().get(gis.admin, inA.id()).isEmpty());
            assertThrows(GisException.class, () -> gis.features().history(gis.admin, inA.id()));
            assertThrows(GisException.class, () -> gis.attachments().attachments(gis.admin, inA.id()));
            assertThrows(GisException.class, () -> gis.features().query(gis.admin, FeatureQuery.all(inA.layerId())));
            assertEquals(0, gis.features().count(gis.admin, FeatureQuery.all(gis.layer(ShippedLayers.HERITAGE).id())));
            assertEquals(List.of(), gis.externalLayers().layers(gis.admin));
            assertEquals(List.of(), gis.spatial().nearest(gis.admin, null, new GeoPoint(49.59, 34.55), 1000, 10));
            // a's keys and unique values are free in b
            LayerGroup roads = gis.layers().saveGroup(gis.admin, new LayerGroup("roads", "Дороги", 1));
            gis.externalLayers().save(gis.admin, GisExternalLayersTest.wms("cadastre", Visibility.PUBLIC, roads.id()));
            gis.features().create(gis.admin, gis.layer(ShippedLayers.HERITAGE).id(),
                    new FeatureInput(POINT, Map.of("name", "Інша пам’ятка", "register_number", "1")));
        });
        gis.communities().runAs("a", () -> assertEquals(1, gis.features().count(gis.admin,
                FeatureQuery.all(gis.layer(ShippedLayers.HERITAGE).id()))));
    }
}
