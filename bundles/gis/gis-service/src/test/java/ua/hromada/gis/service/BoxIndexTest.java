package ua.hromada.gis.service;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

import ua.hromada.gis.api.FeatureInput;
import ua.hromada.gis.api.FeatureQuery;
import ua.hromada.gis.api.Layer;
import ua.hromada.portal.api.map.BoundingBox;
import ua.hromada.portal.api.map.GeoPoint;

/**
 * Under row-level security the planner may put only leakproof conditions into an index scan;
 * PostGIS's {@code &&} is not, so box queries would read every row of every community. The
 * services' box conditions are plain number comparisons the index {@code feature_box} answers:
 * checked on the plans of the very SQL they run, as the application role (sequential scans
 * switched off, so a plan without the index shows that it cannot be used).
 */
class BoxIndexTest {
    @AutoClose
    private final GisTestSetup gis = new GisTestSetup();

    @Test
    void boxQueriesUseTheIndexUnderRowLevelSecurity() throws SQLException {
        Layer heritage = gis.layer(ShippedLayers.HERITAGE);
        gis.features().create(gis.admin, heritage.id(), new FeatureInput("POINT(34.55 49.59)", Map.of("name", "А")));
        FeatureFilter filter = new FeatureFilter(heritage, FeatureQuery.all(heritage.id())
                .within(new BoundingBox(49.58, 34.54, 49.60, 34.56)));
        try (Connection c = gis.communityDataSource().getConnection()) {
            try (Statement s = c.createStatement()) {
                s.execute("SET enable_seqscan = off");
            }
            try (PreparedStatement ps = c.prepareStatement("EXPLAIN SELECT count(*) FROM gis.feature f" + filter.where())) {
                filter.bind(c, ps);
                assertUsesBoxIndex(ps);
            }
            try (PreparedStatement ps = c.prepareStatement("EXPLAIN SELECT f.id FROM gis.feature f"
                    + " WHERE f.layer_id = ANY (?) AND " + GisSpatialImpl.Box.CONDITION)) {
                ps.setArray(1, c.createArrayOf("bigint", new Object[] {heritage.id()}));
                GisSpatialImpl.Box.around(new GeoPoint(49.59, 34.55), 500).bind(ps, 2);
                assertUsesBoxIndex(ps);
            }
        }
    }

    private static void assertUsesBoxIndex(PreparedStatement ps) throws SQLException {
        StringBuilder plan = new StringBuilder();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                plan.append(rs.getString(1)).append('\n');
            }
        }
        assertTrue(plan.toString().contains("feature_box"), plan.toString());
    }
}
