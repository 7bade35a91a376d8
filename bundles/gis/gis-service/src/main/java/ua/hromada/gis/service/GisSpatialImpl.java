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
            String type = null;
            try {
                type = polygon == null ? null : Statements.first(c, "SELECT GeometryType(ST_GeomFromGeoJSON(?))",
                        rs -> rs.getString(1), polygon).orElse(null);
            } catch (SQLException e) {
                // not GeoJSON: the answer is the same refusal as for a point or a line
            }
            if (type == null || !type.toUpperCase(Locale.ROOT).endsWith("POLYGON")) {
                throw new GisException(Reason.INVALID, "gis.error.polygon");
            }
            return features(c, layers, "ST_Intersects(f.geom, ST_SetSRID(ST_GeomFromGeoJSON(?), 4326))", polygon,
                    limit);
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
            String type = Statements.first(c, "SELECT GeometryType(geom) FROM gis.feature WHERE id = ?",
                    rs -> rs.getString(1), district.id()).orElseThrow();
            if (!type.endsWith("POLYGON")) {
                throw new GisException(Reason.INVALID, "gis.error.notPolygon");
            }
            return features(c, layers, "f.id <> " + district.id()
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
                    + here + ") AS d FROM gis.feature f WHERE f.layer_id = ANY (?)"
                    + " AND ST_DWithin(f.geom::geography, " + here + ", ?) ORDER BY d, f.id LIMIT ?")) {
                ps.setDouble(1, point.lon());
                ps.setDouble(2, point.lat());
                ps.setArray(3, c.createArrayOf("bigint", layers.keySet().toArray()));
                ps.setDouble(4, point.lon());
                ps.setDouble(5, point.lat());
                ps.setDouble(6, radiusMetres);
                ps.setInt(7, limit);
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
                    + " WHERE f.layer_id = ANY (?) AND GeometryType(f.geom) IN ('POLYGON', 'MULTIPOLYGON')"
                    + " AND ST_Covers(f.geom, ST_SetSRID(ST_MakePoint(?, ?), 4326)) ORDER BY f.id")) {
                ps.setArray(1, c.createArrayOf("bigint", layers.keySet().toArray()));
                ps.setDouble(2, point.lon());
                ps.setDouble(3, point.lat());
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

    private static List<GisFeature> features(Connection c, Map<Long, Layer> layers, String condition, Object param,
            int limit) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + FeatureStore.COLUMNS + " FROM gis.feature f"
                + " WHERE f.layer_id = ANY (?) AND " + condition + " ORDER BY f.id LIMIT ?")) {
            ps.setArray(1, c.createArrayOf("bigint", layers.keySet().toArray()));
            ps.setObject(2, param);
            ps.setInt(3, limit);
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

    private static void checkLimit(int limit) {
        if (limit < 1 || limit > FeatureQuery.MAX_LIMIT) {
            throw new GisException(Reason.INVALID, "gis.error.limit", FeatureQuery.MAX_LIMIT);
        }
    }
}
