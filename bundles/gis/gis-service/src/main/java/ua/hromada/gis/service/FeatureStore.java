package ua.hromada.gis.service;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import ua.hromada.gis.api.ChangeAction;
import ua.hromada.gis.api.FeatureChange;
import ua.hromada.gis.api.GisFeature;
import ua.hromada.gis.api.Layer;
import ua.hromada.portal.api.jdbc.Statements;
import ua.hromada.portal.api.jdbc.Versioned;

/** SQL of {@code gis.feature} and {@code gis.feature_history}. */
final class FeatureStore {
    static final String TABLE = "gis.feature";
    /** The columns of a {@link Row}: what the API shows plus the stored geometry (EWKB hex) and values. */
    static final String COLUMNS = "f.id, f.layer_id, ST_AsGeoJSON(f.geom, 7), f.attributes::text, f.version,"
            + " f.created_by, f.created_at, f.updated_by, f.updated_at, f.geom::text";

    /** A stored object as read: enough to show it (with its layer) and to write its history. */
    record Row(long id, long layerId, String geoJson, String attributesJson, long version, String createdBy,
            Instant createdAt, String updatedBy, Instant updatedAt, String ewkb) {

        GisFeature feature(Layer layer) {
            return new GisFeature(id, layerId, geoJson, AttributeValues.fromJson(layer, attributesJson, false),
                    version, createdBy, createdAt, updatedBy, updatedAt);
        }
    }

    private FeatureStore() {
    }

    static Row row(ResultSet rs) throws SQLException {
        return new Row(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getLong(5), rs.getString(6),
                rs.getTimestamp(7).toInstant(), rs.getString(8), rs.getTimestamp(9).toInstant(), rs.getString(10));
    }

    static Optional<Row> find(Connection c, long id) throws SQLException {
        return Statements.first(c, "SELECT " + COLUMNS + " FROM gis.feature f WHERE f.id = ?", FeatureStore::row, id);
    }

    /** The object, locked until the transaction ends. */
    static Optional<Row> lock(Connection c, long id) throws SQLException {
        return Statements.first(c, "SELECT " + COLUMNS + " FROM gis.feature f WHERE f.id = ? FOR UPDATE",
                FeatureStore::row, id);
    }

    /** Another object of the layer with this unique value (compared trimmed, case-insensitive). */
    static boolean valueTaken(Connection c, long layerId, String attribute, String value, long exceptId)
            throws SQLException {
        return Statements.first(c, "SELECT 1 FROM gis.feature WHERE layer_id = ? AND id <> ?"
                + " AND lower(btrim(attributes->>?)) = lower(btrim(?)) LIMIT 1", rs -> true, layerId, exceptId,
                attribute, value).isPresent();
    }

    /** @param id the object's id, or 0 for the next of the sequence (a deleted object restored keeps its own) */
    static long insert(Connection c, long id, long layerId, String ewkb, String attributesJson, long version,
            String actor, Instant at) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO gis.feature (id, layer_id, geom, attributes, version,"
                + " created_by, created_at, updated_by, updated_at)"
                + " VALUES (coalesce(?, nextval('gis.feature_id_seq')), ?, ?::geometry, ?::jsonb, ?, ?, ?, ?, ?)"
                + " RETURNING id")) {
            ps.setObject(1, id == 0 ? null : id, java.sql.Types.BIGINT);
            ps.setLong(2, layerId);
            ps.setString(3, ewkb);
            ps.setString(4, attributesJson);
            ps.setLong(5, version);
            ps.setString(6, actor);
            ps.setTimestamp(7, Timestamp.from(at));
            ps.setString(8, actor);
            ps.setTimestamp(9, Timestamp.from(at));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    static void update(Connection c, long id, long version, String ewkb, String attributesJson, String actor,
            Instant at) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE gis.feature SET geom = ?::geometry,"
                + " attributes = ?::jsonb, updated_by = ?, updated_at = ?, " + Versioned.BUMP
                + " WHERE id = ? AND version = ?")) {
            ps.setString(1, ewkb);
            ps.setString(2, attributesJson);
            ps.setString(3, actor);
            ps.setTimestamp(4, Timestamp.from(at));
            ps.setLong(5, id);
            ps.setLong(6, version);
            Versioned.check(ps.executeUpdate(), TABLE, id);
        }
    }

    static void delete(Connection c, long id) throws SQLException {
        Statements.update(c, "DELETE FROM gis.feature WHERE id = ?", id);
    }

    /** One history entry; a missing state (CREATE's old, DELETE's new) is null. */
    static void history(Connection c, long featureId, long layerId, long version, ChangeAction action, String actor,
            Instant at, Row old, String newAttributesJson, String newEwkb) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO gis.feature_history (feature_id, layer_id, version,"
                + " action, actor, at, old_attributes, new_attributes, old_geom, new_geom)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?::jsonb, ?::jsonb, ?::geometry, ?::geometry)")) {
            ps.setLong(1, featureId);
            ps.setLong(2, layerId);
            ps.setLong(3, version);
            ps.setString(4, action.name());
            ps.setString(5, actor);
            ps.setTimestamp(6, Timestamp.from(at));
            ps.setString(7, old == null ? null : old.attributesJson());
            ps.setString(8, newAttributesJson);
            ps.setString(9, old == null ? null : old.ewkb());
            ps.setString(10, newEwkb);
            ps.executeUpdate();
        }
    }

    /** A history entry as stored: the API's view of it and its states' raw forms for a restore. */
    record Change(long id, long featureId, long layerId, long version, ChangeAction action, String actor, Instant at,
            String oldAttributesJson, String newAttributesJson, String oldGeoJson, String newGeoJson, String oldEwkb,
            String newEwkb) {

        FeatureChange change(Layer layer) {
            return new FeatureChange(id, featureId, layerId, version, action, actor, at,
                    AttributeValues.fromJson(layer, oldAttributesJson, true),
                    AttributeValues.fromJson(layer, newAttributesJson, true), oldGeoJson, newGeoJson);
        }
    }

    private static final String CHANGE_COLUMNS = "h.id, h.feature_id, h.layer_id, h.version, h.action, h.actor, h.at,"
            + " h.old_attributes::text, h.new_attributes::text, ST_AsGeoJSON(h.old_geom, 7), ST_AsGeoJSON(h.new_geom, 7),"
            + " h.old_geom::text, h.new_geom::text";

    private static Change change(ResultSet rs) throws SQLException {
        return new Change(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), ChangeAction.valueOf(rs.getString(5)),
                rs.getString(6), rs.getTimestamp(7).toInstant(), rs.getString(8), rs.getString(9), rs.getString(10),
                rs.getString(11), rs.getString(12), rs.getString(13));
    }

    static List<Change> changes(Connection c, long featureId) throws SQLException {
        return Statements.list(c, "SELECT " + CHANGE_COLUMNS + " FROM gis.feature_history h WHERE h.feature_id = ?"
                + " ORDER BY h.id", FeatureStore::change, featureId);
    }

    static Optional<Change> change(Connection c, long changeId) throws SQLException {
        return Statements.first(c, "SELECT " + CHANGE_COLUMNS + " FROM gis.feature_history h WHERE h.id = ?",
                FeatureStore::change, changeId);
    }

    /** The last DELETE entry of each deleted object of the layer (objects not back), newest first. */
    static List<Change> deleted(Connection c, long layerId, int limit) throws SQLException {
        return Statements.list(c, "SELECT " + CHANGE_COLUMNS + " FROM gis.feature_history h"
                + " WHERE h.layer_id = ? AND h.action = 'DELETE'"
                + " AND NOT EXISTS (SELECT 1 FROM gis.feature f WHERE f.id = h.feature_id)"
                + " AND h.id = (SELECT max(h2.id) FROM gis.feature_history h2 WHERE h2.feature_id = h.feature_id)"
                + " ORDER BY h.at DESC, h.id DESC LIMIT ?", FeatureStore::change, layerId, limit);
    }

    /** The layer of an object that exists or existed (its history names it). */
    static Optional<Long> layerOf(Connection c, long featureId) throws SQLException {
        return Statements.first(c, "SELECT layer_id FROM gis.feature WHERE id = ? UNION ALL"
                + " (SELECT layer_id FROM gis.feature_history WHERE feature_id = ? ORDER BY id DESC LIMIT 1) LIMIT 1",
                rs -> rs.getLong(1), featureId, featureId);
    }
}
