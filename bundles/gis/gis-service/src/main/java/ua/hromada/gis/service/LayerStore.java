package ua.hromada.gis.service;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import ua.hromada.gis.api.GeometryType;
import ua.hromada.gis.api.Layer;
import ua.hromada.gis.api.LayerGroup;
import ua.hromada.gis.api.LayerMetadata;
import ua.hromada.gis.api.Visibility;
import ua.hromada.portal.api.jdbc.Statements;
import ua.hromada.portal.api.jdbc.Versioned;

/** SQL of the registry's tables {@code gis.layer_group} and {@code gis.layer}. */
final class LayerStore {
    static final String GROUP_TABLE = "gis.layer_group";
    static final String LAYER_TABLE = "gis.layer";
    private static final String LAYER_COLUMNS = "l.id, l.key, l.group_id, l.title, l.geometry_type, l.attributes::text,"
            + " l.style::text, l.owner_unit, l.visibility, l.source, l.source_date, l.licence, l.update_frequency,"
            + " l.linked_layer_id, l.version, l.created_at, l.updated_at";
    private static final String LAYERS = "SELECT " + LAYER_COLUMNS + " FROM gis.layer l"
            + " LEFT JOIN gis.layer_group g ON g.id = l.group_id";
    private static final String ORDER = " ORDER BY g.position NULLS FIRST, g.title, l.title, l.id";

    private LayerStore() {
    }

    static List<LayerGroup> groups(Connection c) throws SQLException {
        return Statements.list(c, "SELECT id, key, title, position, version FROM gis.layer_group"
                + " ORDER BY position, title, id", LayerStore::group);
    }

    static Optional<LayerGroup> group(Connection c, long id) throws SQLException {
        return Statements.first(c, "SELECT id, key, title, position, version FROM gis.layer_group WHERE id = ?",
                LayerStore::group, id);
    }

    private static LayerGroup group(ResultSet rs) throws SQLException {
        return new LayerGroup(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getInt(4), rs.getLong(5));
    }

    static boolean groupKeyTaken(Connection c, String key, long exceptId) throws SQLException {
        return Statements.first(c, "SELECT 1 FROM gis.layer_group WHERE key = ? AND id <> ?", rs -> true, key, exceptId)
                .isPresent();
    }

    static long insertGroup(Connection c, LayerGroup g) throws SQLException {
        return Statements.first(c, "INSERT INTO gis.layer_group (key, title, position) VALUES (?, ?, ?) RETURNING id",
                rs -> rs.getLong(1), g.key(), g.title().strip(), g.position()).orElseThrow();
    }

    static void updateGroup(Connection c, LayerGroup g) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE gis.layer_group SET key = ?, title = ?, position = ?, "
                + Versioned.BUMP + " WHERE id = ? AND version = ?")) {
            ps.setString(1, g.key());
            ps.setString(2, g.title().strip());
            ps.setInt(3, g.position());
            ps.setLong(4, g.id());
            ps.setLong(5, g.version());
            Versioned.check(ps.executeUpdate(), GROUP_TABLE, g.id());
        }
    }

    static boolean groupHasLayers(Connection c, long id) throws SQLException {
        return Statements.first(c, "SELECT 1 FROM gis.layer WHERE group_id = ?"
                + " UNION ALL SELECT 1 FROM gis.external_layer WHERE group_id = ? LIMIT 1", rs -> true, id, id).isPresent();
    }

    static void deleteGroup(Connection c, long id) throws SQLException {
        Statements.update(c, "DELETE FROM gis.layer_group WHERE id = ?", id);
    }

    static List<Layer> layers(Connection c, boolean publicOnly) throws SQLException {
        return Statements.list(c, LAYERS + (publicOnly ? " WHERE l.visibility = 'PUBLIC'" : "") + ORDER,
                LayerStore::layer);
    }

    static Optional<Layer> layer(Connection c, long id) throws SQLException {
        return Statements.first(c, LAYERS + " WHERE l.id = ?", LayerStore::layer, id);
    }

    static Optional<Layer> layerByKey(Connection c, String key) throws SQLException {
        return Statements.first(c, LAYERS + " WHERE l.key = ?", LayerStore::layer, key);
    }

    /**
     * The layer, its row locked until the transaction ends: object changes of one layer take turns,
     * so two saves cannot both find a unique value free.
     */
    static Optional<Layer> lock(Connection c, long id) throws SQLException {
        return Statements.first(c, "SELECT " + LAYER_COLUMNS + " FROM gis.layer l WHERE l.id = ? FOR UPDATE",
                LayerStore::layer, id);
    }

    static Layer layer(ResultSet rs) throws SQLException {
        Date sourceDate = rs.getDate(11);
        return new Layer(rs.getLong(1), rs.getString(2), (Long) rs.getObject(3), rs.getString(4),
                GeometryType.valueOf(rs.getString(5)), LayerCodec.schema(rs.getString(6)),
                LayerCodec.style(rs.getString(7)), rs.getString(8), Visibility.valueOf(rs.getString(9)),
                new LayerMetadata(rs.getString(10), sourceDate == null ? null : sourceDate.toLocalDate(),
                        rs.getString(12), rs.getString(13)),
                (Long) rs.getObject(14), rs.getLong(15), rs.getTimestamp(16).toInstant(),
                rs.getTimestamp(17).toInstant());
    }

    static boolean keyTaken(Connection c, String key, long exceptId) throws SQLException {
        return Statements.first(c, "SELECT 1 FROM gis.layer WHERE key = ? AND id <> ?", rs -> true, key, exceptId)
                .isPresent();
    }

    static long insert(Connection c, Layer l, Instant now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO gis.layer (key, group_id, title, geometry_type,"
                + " attributes, style, owner_unit, visibility, source, source_date, licence, update_frequency,"
                + " linked_layer_id, created_at, updated_at) VALUES (?, ?, ?, ?, ?::jsonb, ?::jsonb, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                + " RETURNING id")) {
            int i = bind(ps, l);
            ps.setTimestamp(i++, Timestamp.from(now));
            ps.setTimestamp(i, Timestamp.from(now));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    static void update(Connection c, Layer l, Instant now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE gis.layer SET key = ?, group_id = ?, title = ?,"
                + " geometry_type = ?, attributes = ?::jsonb, style = ?::jsonb, owner_unit = ?, visibility = ?,"
                + " source = ?, source_date = ?, licence = ?, update_frequency = ?, linked_layer_id = ?,"
                + " updated_at = ?, " + Versioned.BUMP + " WHERE id = ? AND version = ?")) {
            int i = bind(ps, l);
            ps.setTimestamp(i++, Timestamp.from(now));
            ps.setLong(i++, l.id());
            ps.setLong(i, l.version());
            Versioned.check(ps.executeUpdate(), LAYER_TABLE, l.id());
        }
    }

    private static int bind(PreparedStatement ps, Layer l) throws SQLException {
        int i = 1;
        ps.setString(i++, l.key());
        ps.setObject(i++, l.groupId(), Types.BIGINT);
        ps.setString(i++, l.title().strip());
        ps.setString(i++, l.geometryType().name());
        ps.setString(i++, LayerCodec.schemaJson(l.attributes()));
        ps.setString(i++, LayerCodec.styleJson(l.style()));
        ps.setString(i++, blankToNull(l.ownerUnit()));
        ps.setString(i++, l.visibility().name());
        ps.setString(i++, blankToNull(l.metadata().source()));
        ps.setObject(i++, l.metadata().sourceDate() == null ? null : Date.valueOf(l.metadata().sourceDate()),
                Types.DATE);
        ps.setString(i++, blankToNull(l.metadata().licence()));
        ps.setString(i++, blankToNull(l.metadata().updateFrequency()));
        ps.setObject(i++, l.linkedLayerId(), Types.BIGINT);
        return i;
    }

    static boolean hasFeatures(Connection c, long layerId) throws SQLException {
        return Statements.first(c, "SELECT 1 FROM gis.feature WHERE layer_id = ? LIMIT 1", rs -> true, layerId)
                .isPresent();
    }

    static boolean linkedFrom(Connection c, long layerId) throws SQLException {
        return Statements.first(c, "SELECT 1 FROM gis.layer WHERE linked_layer_id = ? LIMIT 1", rs -> true, layerId)
                .isPresent();
    }

    /** Removes the layer and the history and attachments of its (deleted) objects. */
    static void delete(Connection c, long layerId) throws SQLException {
        Statements.update(c, "DELETE FROM gis.feature_attachment WHERE layer_id = ?", layerId);
        Statements.update(c, "DELETE FROM gis.feature_history WHERE layer_id = ?", layerId);
        Statements.update(c, "DELETE FROM gis.layer WHERE id = ?", layerId);
    }

    /** The kinds of geometry the layer's objects have (PostGIS names, e.g. MULTIPOLYGON). */
    static List<String> geometryKinds(Connection c, long layerId) throws SQLException {
        return Statements.list(c, "SELECT DISTINCT GeometryType(geom) FROM gis.feature WHERE layer_id = ?",
                rs -> rs.getString(1), layerId);
    }

    static boolean anyValue(Connection c, long layerId, String attribute) throws SQLException {
        return Statements.first(c, "SELECT 1 FROM gis.feature WHERE layer_id = ? AND attributes->>? IS NOT NULL LIMIT 1",
                rs -> true, layerId, attribute).isPresent();
    }

    static boolean anyMissing(Connection c, long layerId, String attribute) throws SQLException {
        return Statements.first(c, "SELECT 1 FROM gis.feature WHERE layer_id = ?"
                + " AND coalesce(btrim(attributes->>?), '') = '' LIMIT 1", rs -> true, layerId, attribute).isPresent();
    }

    static boolean anyShared(Connection c, long layerId, String attribute) throws SQLException {
        return Statements.first(c, "SELECT 1 FROM gis.feature WHERE layer_id = ? AND attributes->>? IS NOT NULL"
                + " GROUP BY lower(btrim(attributes->>?)) HAVING count(*) > 1 LIMIT 1", rs -> true, layerId, attribute,
                attribute).isPresent();
    }

    /** Values of the attribute outside {@code allowed} (a CHOICE list shortened). */
    static List<String> valuesOutside(Connection c, long layerId, String attribute, List<String> allowed)
            throws SQLException {
        return Statements.list(c, "SELECT DISTINCT attributes->>? FROM gis.feature WHERE layer_id = ?"
                + " AND attributes->>? IS NOT NULL AND NOT (attributes->>? = ANY (?)) LIMIT 5", rs -> rs.getString(1),
                attribute, layerId, attribute, attribute, c.createArrayOf("text", allowed.toArray()));
    }

    /** The longest text value of the attribute (0 when none). */
    static int longestValue(Connection c, long layerId, String attribute) throws SQLException {
        return Statements.first(c, "SELECT coalesce(max(char_length(attributes->>?)), 0) FROM gis.feature"
                + " WHERE layer_id = ?", rs -> rs.getInt(1), attribute, layerId).orElse(0);
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
