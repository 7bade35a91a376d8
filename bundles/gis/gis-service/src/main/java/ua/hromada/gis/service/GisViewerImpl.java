package ua.hromada.gis.service;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import ua.hromada.gis.api.FeatureQuery;
import ua.hromada.gis.api.GisFeature;
import ua.hromada.gis.api.GisViewer;
import ua.hromada.gis.api.Layer;
import ua.hromada.gis.api.ViewerAnswer;
import ua.hromada.portal.api.PortalUser;
import ua.hromada.portal.api.map.BoundingBox;
import ua.hromada.portal.api.map.MapGrid;

/**
 * Objects or clusters of the visible area. Both read through the plain-number box columns first
 * (the index row-level security lets the planner use); clusters group by the cell of each object's
 * box centre, clamped into the area so an object reaching in from outside counts in a cell of it.
 */
@Component(service = GisViewer.class)
public class GisViewerImpl implements GisViewer {
    private final GisDatabase db;

    @Activate
    public GisViewerImpl(@Reference GisDatabase db) {
        this.db = db;
    }

    @Override
    public ViewerAnswer view(PortalUser user, long layerId, BoundingBox bbox, int zoom) {
        return db.read(c -> {
            Layer layer = GisFeaturesImpl.visible(c, user, layerId);
            FeatureFilter filter = new FeatureFilter(layer, FeatureQuery.all(layerId).within(bbox));
            // counted first, up to one over the limit: a city-wide window no longer reads, sorts and
            // encodes 2001 whole objects only to draw clusters instead (bench/results/gis.md, zoom 12)
            if (filter.countUpTo(c, MAX_FEATURES + 1) > MAX_FEATURES) {
                return clusters(c, filter, bbox, cellSize(bbox, zoom));
            }
            List<GisFeature> features = filter.rows(c, 0, MAX_FEATURES).stream().map(r -> r.feature(layer)).toList();
            return new ViewerAnswer(features, List.of(), features.size());
        });
    }

    /** The zoom's grid cell, doubled (the grid of a lower zoom) until the area holds at most MAX_FEATURES cells. */
    static double cellSize(BoundingBox b, int zoom) {
        double size = MapGrid.cellSize(zoom);
        while (cells(b.west(), b.east(), size) * cells(b.south(), b.north(), size) > MAX_FEATURES) {
            size *= 2;
        }
        return size;
    }

    private static long cells(double from, double to, double size) {
        return (long) Math.floor(to / size) - (long) Math.floor(from / size) + 1;
    }

    private static ViewerAnswer clusters(Connection c, FeatureFilter filter, BoundingBox b, double size)
            throws SQLException {
        String x = "least(greatest((f.min_x + f.max_x) / 2, ?), ?)";
        String y = "least(greatest((f.min_y + f.max_y) / 2, ?), ?)";
        String sql = "SELECT count(*), avg(p.x), avg(p.y) FROM (SELECT " + x + " AS x, " + y + " AS y"
                + " FROM gis.feature f" + filter.where() + ") p GROUP BY floor(p.x / ?), floor(p.y / ?)";
        return CustomPlans.run(c, () -> clusters(c, sql, filter, b, size));
    }

    private static ViewerAnswer clusters(Connection c, String sql, FeatureFilter filter, BoundingBox b, double size)
            throws SQLException {
        List<ViewerAnswer.Cluster> clusters = new ArrayList<>();
        long total = 0;
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setDouble(1, b.west());
            ps.setDouble(2, b.east());
            ps.setDouble(3, b.south());
            ps.setDouble(4, b.north());
            int i = filter.bind(c, ps, 5);
            ps.setDouble(i++, size);
            ps.setDouble(i, size);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long count = rs.getLong(1);
                    total += count;
                    clusters.add(new ViewerAnswer.Cluster(rs.getDouble(3), rs.getDouble(2), count));
                }
            }
        }
        return new ViewerAnswer(List.of(), clusters, total);
    }
}
