package ua.hromada.gis.service;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import ua.hromada.gis.api.ContainingFeature;
import ua.hromada.gis.api.FeatureQuery;
import ua.hromada.gis.api.GisException;
import ua.hromada.gis.api.GisFeature;
import ua.hromada.gis.api.GisSpatial;
import ua.hromada.gis.api.Layer;
import ua.hromada.gis.api.NearbyFeature;
import ua.hromada.portal.api.PortalException.Reason;
import ua.hromada.portal.api.PortalUser;
import ua.hromada.portal.api.jdbc.Statements;
import ua.hromada.portal.api.map.GeoPoint;

/** Spatial queries over the objects of the layers the user sees (PostGIS; distances on geography). */
@Component(service = GisSpatial.class)
public class GisSpatialImpl implements GisSpatial {
    /** The widest search around a point: a community's territory, not a country's. */
    static final double MAX_RADIUS_METRES = 100_000;

    private final GisDatabase db;

    @Activate
    public GisSpatialImpl(@Reference GisDatabase db) {
        this.db = db;
    }

    @Override
    public List<GisFeature> within(PortalUser user, Long layerId, String polygon, int limit) {
        checkLimit(limit);
        return db.read(c -> {
            Map<Long, Layer> layers = layers(c, user, layerId);
            Box box;
            try {
                box = polygon == null ? null : Box.first(Statements.list(c, "SELECT GeometryType(g), ST_XMin(g),"
                        + " ST_YMin(g), ST_XMax(g), ST_YMax(g) FROM (SELECT ST_GeomFromGeoJSON(?) AS g) s", Box::polygon,
                        polygon));
            } catch (SQLException e) {
                // not GeoJSON: the answer is the same refusal as for a point or a line
                box = null;
            }
            if (box == null) {
                throw new GisException(Reason.INVALID, "gis.error.polygon");
            }
            return features(c, layers, box, "ST_Intersects(f.geom, ST_SetSRID(ST_GeomFromGeoJSON(?), 4326))",
                    polygon, limit);
        });
    }

    @Override
    public List<GisFeature> withinFeature(PortalUser user, Long layerId, long districtFeatureId, int limit) {
        checkLimit(limit);
        return db.read(c -> {
            Map<Long, Layer> layers = layers(c, user, layerId);
            FeatureStore.Row district = FeatureStore.find(c, districtFeatureId).orElseThrow(Access::featureNotFound);
            if (LayerStore.layer(c, district.layerId()).filter(l -> Access.sees(user, l)).isEmpty()) {
                throw Access.featureNotFound();
            }
            Box box = Box.first(Statements.list(c, "SELECT GeometryType(geom), min_x, min_y, max_x, max_y"
                    + " FROM gis.feature WHERE id = ?", Box::polygon, district.id()));
            if (box == null) {
                throw new GisException(Reason.INVALID, "gis.error.notPolygon");
            }
            return features(c, layers, box, "f.id <> " + district.id()
                    + " AND ST_Intersects(f.geom, (SELECT d.geom FROM gis.feature d WHERE d.id = ?))",
                    district.id(), limit);
        });
    }

    @Override
    public List<NearbyFeature> nearest(PortalUser user, Long layerId, GeoPoint point, double radiusMetres, int limit) {
        checkLimit(limit);
        if (!(radiusMetres > 0 && radiusMetres <= MAX_RADIUS_METRES)) {
            throw new GisException(Reason.INVALID, "gis.error.radius", (long) MAX_RADIUS_METRES);
        }
        return db.read(c -> {
            Map<Long, Layer> layers = layers(c, user, layerId);
            String here = "ST_SetSRID(ST_MakePoint(?, ?), 4326)::geography";
            try (PreparedStatement ps = c.prepareStatement("SELECT " + FeatureStore.COLUMNS + ", ST_Distance(f.geom::geography, "
                    + here + ") AS d FROM gis.feature f WHERE f.layer_id = ANY (?) AND " + Box.CONDITION
                    + " AND ST_DWithin(f.geom::geography, " + here + ", ?) ORDER BY d, f.id LIMIT ?")) {
                ps.setDouble(1, point.lon());
                ps.setDouble(2, point.lat());
                ps.setArray(3, c.createArrayOf("bigint", layers.keySet().toArray()));
                int i = Box.around(point, radiusMetres).bind(ps, 4);
                ps.setDouble(i++, point.lon());
                ps.setDouble(i++, point.lat());
                ps.setDouble(i++, radiusMetres);
                ps.setInt(i, limit);
                List<NearbyFeature> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        FeatureStore.Row row = FeatureStore.row(rs);
                        Layer layer = layers.get(row.layerId());
                        GisFeature f = row.feature(layer);
                        out.add(new NearbyFeature(f, layer.key(), layer.titleOf(f.attributes()), rs.getDouble("d")));
                    }
                }
                return out;
            }
        });
    }

    @Override
    public List<ContainingFeature> containing(PortalUser user, GeoPoint point) {
        return db.read(c -> {
            Map<Long, Layer> layers = layers(c, user, null);
            List<ContainingFeature> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT " + FeatureStore.COLUMNS + " FROM gis.feature f"
                    + " WHERE f.layer_id = ANY (?) AND " + Box.CONDITION
                    + " AND GeometryType(f.geom) IN ('POLYGON', 'MULTIPOLYGON')"
                    + " AND ST_Covers(f.geom, ST_SetSRID(ST_MakePoint(?, ?), 4326)) ORDER BY f.id")) {
                ps.setArray(1, c.createArrayOf("bigint", layers.keySet().toArray()));
                int i = new Box(point.lon(), point.lat(), point.lon(), point.lat()).bind(ps, 2);
                ps.setDouble(i++, point.lon());
                ps.setDouble(i, point.lat());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        FeatureStore.Row row = FeatureStore.row(rs);
                        Layer layer = layers.get(row.layerId());
                        out.add(new ContainingFeature(layer.id(), layer.key(), layer.title(), row.id(),
                                layer.titleOf(row.feature(layer).attributes())));
                    }
                }
            }
            out.sort(Comparator.comparing(ContainingFeature::layerTitle).thenComparing(ContainingFeature::featureId));
            return out;
        });
    }

    /** The layers searched: the one asked for (NOT_FOUND when the user does not see it) or every visible one. */
    private static Map<Long, Layer> layers(Connection c, PortalUser user, Long layerId) throws SQLException {
        Map<Long, Layer> out = new LinkedHashMap<>();
        if (layerId != null) {
            Layer l = GisFeaturesImpl.visible(c, user, layerId);
            out.put(l.id(), l);
        } else {
            LayerStore.layers(c, !Access.employee(user)).forEach(l -> out.put(l.id(), l));
        }
        return out;
    }

    private static List<GisFeature> features(Connection c, Map<Long, Layer> layers, Box box, String condition,
            Object param, int limit) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + FeatureStore.COLUMNS + " FROM gis.feature f"
                + " WHERE f.layer_id = ANY (?) AND " + Box.CONDITION + " AND " + condition + " ORDER BY f.id LIMIT ?")) {
            ps.setArray(1, c.createArrayOf("bigint", layers.keySet().toArray()));
            int i = box.bind(ps, 2);
            ps.setObject(i++, param);
            ps.setInt(i, limit);
            List<GisFeature> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    FeatureStore.Row row = FeatureStore.row(rs);
                    out.add(row.feature(layers.get(row.layerId())));
                }
            }
            return out;
        }
    }

    /**
     * A bounding box in degrees, the first and leakproof filter of every query here (row-level
     * security lets the planner use only such conditions in an index: feature_box).
     */
    record Box(double west, double south, double east, double north) {
        static final String CONDITION = "f.min_x <= ? AND f.max_x >= ? AND f.min_y <= ? AND f.max_y >= ?";
        /** Metres of one degree of latitude, at least (the meridian's radius is smallest at the equator). */
        private static final double METRES_PER_DEGREE_LAT = 110_574;
        /** Metres of one degree of longitude on the equator, at most; times cos(latitude) elsewhere. */
        private static final double METRES_PER_DEGREE_LON = 111_321;

        /** The box of a polygon's row (type, xmin, ymin, xmax, ymax); null for any other geometry. */
        static Box polygon(ResultSet rs) throws SQLException {
            String type = rs.getString(1);
            return type == null || !type.toUpperCase(Locale.ROOT).endsWith("POLYGON") ? null
                    : new Box(rs.getDouble(2), rs.getDouble(3), rs.getDouble(4), rs.getDouble(5));
        }

        /** The first row's box; null when there is none or it is no polygon's. */
        static Box first(List<Box> rows) {
            return rows.isEmpty() ? null : rows.get(0);
        }

        /** A box that holds every point within {@code metres} of the point (a little wider). */
        static Box around(GeoPoint p, double metres) {
            double dLat = metres / METRES_PER_DEGREE_LAT * 1.01;
            double north = p.lat() + dLat;
            double south = p.lat() - dLat;
            if (north >= 89 || south <= -89) {
                return new Box(-180, Math.max(-90, south), 180, Math.min(90, north));
            }
            double cos = Math.cos(Math.toRadians(Math.max(Math.abs(north), Math.abs(south))));
            double dLon = metres / (METRES_PER_DEGREE_LON * cos) * 1.01;
            return new Box(p.lon() - dLon, south, p.lon() + dLon, north);
        }

        /** Binds {@link #CONDITION}'s parameters from {@code from}; the next free index. */
        int bind(PreparedStatement ps, int from) throws SQLException {
            ps.setDouble(from, east);
            ps.setDouble(from + 1, west);
            ps.setDouble(from + 2, north);
            ps.setDouble(from + 3, south);
            return from + 4;
        }
    }

    private static void checkLimit(int limit) {
        if (limit < 1 || limit > FeatureQuery.MAX_LIMIT) {
            throw new GisException(Reason.INVALID, "gis.error.limit", FeatureQuery.MAX_LIMIT);
        }
    }
}
