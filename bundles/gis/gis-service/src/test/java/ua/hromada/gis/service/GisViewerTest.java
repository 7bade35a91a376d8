package ua.hromada.gis.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Map;

import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

import ua.hromada.gis.api.FeatureInput;
import ua.hromada.gis.api.GisException;
import ua.hromada.gis.api.GisViewer;
import ua.hromada.gis.api.Layer;
import ua.hromada.gis.api.ViewerAnswer;
import ua.hromada.portal.api.map.BoundingBox;

/** The viewer's answer stays bounded: objects while few, grid clusters whose counts add up. */
class GisViewerTest {
    private static final BoundingBox CITY = new BoundingBox(49.50, 34.40, 49.70, 34.70);

    @AutoClose
    private final GisTestSetup gis = new GisTestSetup();
    private final GisViewer viewer = new GisViewerImpl(gis.database());

    @Test
    void twentyThousandPointsComeAsBoundedClustersThatAddUp() throws SQLException {
        Layer heritage = gis.layer(ShippedLayers.HERITAGE);
        // a 200 × 100 lattice over the city: 34.400..34.599 × 49.500..49.599
        insertLattice(heritage.id(), 200, 100);

        ViewerAnswer city = viewer.view(gis.viewer, heritage.id(), CITY, 12);
        assertTrue(city.clustered());
        assertTrue(city.features().isEmpty());
        assertEquals(20_000, city.total());
        assertEquals(20_000, city.clusters().stream().mapToLong(ViewerAnswer.Cluster::count).sum());
        assertTrue(city.clusters().size() <= GisViewer.MAX_FEATURES, "clusters: " + city.clusters().size());
        city.clusters().forEach(k -> assertTrue(CITY.contains(k.latitude(), k.longitude()), k.toString()));

        // zoomed out to the whole world the grid is coarse, still every point counted
        ViewerAnswer world = viewer.view(gis.viewer, heritage.id(), new BoundingBox(-85, -180, 85, 180), 0);
        assertEquals(20_000, world.clusters().stream().mapToLong(ViewerAnswer.Cluster::count).sum());
        assertTrue(world.clusters().size() <= 4, "clusters: " + world.clusters().size());

        // a street window holds 11 × 11 points: sent as they are
        ViewerAnswer street = viewer.view(gis.viewer, heritage.id(), new BoundingBox(49.5495, 34.4495, 49.5605, 34.4605), 17);
        assertFalse(street.clustered());
        assertEquals(121, street.features().size());
        assertEquals(121, street.total());
    }

    @Test
    void aCellTooSmallForTheAreaIsWidened() {
        // zoom 20 cells over a whole city would be millions: widened until the area holds few enough
        double size = GisViewerImpl.cellSize(CITY, 20);
        long cells = (long) (Math.floor(34.70 / size) - Math.floor(34.40 / size) + 1)
                * (long) (Math.floor(49.70 / size) - Math.floor(49.50 / size) + 1);
        assertTrue(cells <= GisViewer.MAX_FEATURES, "cells: " + cells);
        assertTrue(cells > GisViewer.MAX_FEATURES / 8, "not widened more than needed: " + cells);
    }

    @Test
    void fewObjectsComeAsThemselvesAndHiddenLayersAreRefused() {
        Layer heritage = gis.layer(ShippedLayers.HERITAGE);
        gis.features().create(gis.admin, heritage.id(), new FeatureInput("POINT(34.55 49.59)", Map.of("name", "А")));
        gis.features().create(gis.admin, heritage.id(), new FeatureInput("POINT(35.55 49.59)", Map.of("name", "Б")));

        ViewerAnswer a = viewer.view(gis.viewer, heritage.id(), CITY, 3);
        assertEquals(1, a.features().size());
        assertEquals("А", a.features().get(0).attributes().get("name"));
        // the shipped heritage layer is for employees: the public sees no such layer
        GisException e = assertThrows(GisException.class, () -> viewer.view(null, heritage.id(), CITY, 3));
        assertEquals("gis.error.layerNotFound", e.messageKey());
    }

    private void insertLattice(long layerId, int columns, int rows) throws SQLException {
        try (Connection c = gis.dataSource().getConnection();
                PreparedStatement ps = c.prepareStatement("INSERT INTO gis.feature (community, layer_id, geom,"
                        + " attributes, created_by, created_at, updated_by, updated_at)"
                        + " SELECT ?, ?, ST_SetSRID(ST_MakePoint(34.4 + i * 0.001, 49.5 + j * 0.001), 4326),"
                        + " jsonb_build_object('name', 'Точка ' || i || '/' || j), 'test', now(), 'test', now()"
                        + " FROM generate_series(0, ?) i, generate_series(0, ?) j")) {
            ps.setString(1, gis.communities().current().id());
            ps.setLong(2, layerId);
            ps.setInt(3, columns - 1);
            ps.setInt(4, rows - 1);
            assertEquals(columns * rows, ps.executeUpdate());
        }
    }
}
