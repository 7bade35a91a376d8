package ua.hromada.gis.service;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import ua.hromada.gis.api.AttributeDefinition;
import ua.hromada.gis.api.AttributeType;
import ua.hromada.gis.api.FeatureQuery;
import ua.hromada.gis.api.GisException;
import ua.hromada.gis.api.Layer;
import ua.hromada.gis.api.ValidationError;
import ua.hromada.portal.api.map.BoundingBox;
import ua.hromada.portal.api.jdbc.Statements;

/**
 * A {@link FeatureQuery} as SQL over {@code gis.feature f}: the layer, the box, equal attribute
 * values (typed by the schema), words in the text values and a date range. A filter on a name the
 * schema lacks, or a value its type cannot read, is refused with the attribute named.
 */
final class FeatureFilter {
    private final StringBuilder where = new StringBuilder(" WHERE f.layer_id = ?");
    private final List<Object> params = new ArrayList<>();

    FeatureFilter(Layer layer, FeatureQuery q) {
        params.add(layer.id());
        BoundingBox b = q.bbox();
        if (b != null) {
            // plain numbers first (feature_box: the index row-level security lets the planner use),
            // then the exact test; a point's box is the point, so its west edge bounds the scan too
            where.append(" AND f.min_x <= ? AND f.max_x >= ? AND f.min_y <= ? AND f.max_y >= ?");
            params.add(b.east());
            params.add(b.west());
            params.add(b.north());
            params.add(b.south());
            if (layer.geometryType() == ua.hromada.gis.api.GeometryType.POINT) {
                where.append(" AND f.min_x >= ?");
                params.add(b.west());
            }
            where.append(" AND ST_Intersects(f.geom, ST_MakeEnvelope(?, ?, ?, ?, 4326))");
            params.add(b.west());
            params.add(b.south());
            params.add(b.east());
            params.add(b.north());
        }
        List<ValidationError> errors = new ArrayList<>();
        for (Map.Entry<String, String> e : q.attributes().entrySet()) {
            AttributeDefinition a = layer.attribute(e.getKey()).orElse(null);
            if (a == null) {
                errors.add(new ValidationError(e.getKey(), "gis.error.unknownAttribute", e.getKey()));
                continue;
            }
            equal(a, e.getValue(), errors);
        }
        words(layer, q.text());
        dates(layer, q, errors);
        if (!errors.isEmpty()) {
            throw new GisException(errors);
        }
    }

    private void equal(AttributeDefinition a, String value, List<ValidationError> errors) {
        if (a.type() == AttributeType.NUMBER || a.type() == AttributeType.DATE) {
            // the stored form of the value: a JSON number, an ISO date
            Object v;
            try {
                v = AttributeValues.value(a, value == null ? "" : value);
            } catch (IllegalArgumentException e) {
                errors.add(new ValidationError(a.name(), e.getMessage(), a.label(), ""));
                return;
            }
            where.append(" AND f.attributes->? = ?::jsonb");
            params.add(a.name());
            params.add(Json.write(v instanceof BigDecimal ? v : v.toString()));
            return;
        }
        where.append(" AND lower(btrim(f.attributes->>?)) = lower(btrim(?))");
        params.add(a.name());
        params.add(value == null ? "" : value);
    }

    private void words(Layer layer, String text) {
        if (text == null || text.isBlank()) {
            return;
        }
        List<String> names = new ArrayList<>();
        layer.attributes().stream().filter(a -> a.type() == AttributeType.TEXT || a.type() == AttributeType.CHOICE)
                .forEach(a -> names.add(a.name()));
        for (String word : text.strip().split("\\s+")) {
            where.append(" AND EXISTS (SELECT 1 FROM jsonb_each_text(f.attributes) v"
                    + " WHERE v.key = ANY (?) AND v.value ILIKE ? ESCAPE '\\')");
            params.add(names.toArray(new String[0]));
            params.add(Statements.containing(word));
        }
    }

    private void dates(Layer layer, FeatureQuery q, List<ValidationError> errors) {
        if (q.dateAttribute() == null || q.from() == null && q.to() == null) {
            return;
        }
        AttributeDefinition a = layer.attribute(q.dateAttribute()).orElse(null);
        if (a == null || a.type() != AttributeType.DATE) {
            errors.add(new ValidationError(q.dateAttribute(), "gis.error.notDateAttribute", q.dateAttribute()));
            return;
        }
        // ISO dates compare as text in date order
        if (q.from() != null) {
            where.append(" AND f.attributes->>? >= ?");
            params.add(a.name());
            params.add(q.from().toString());
        }
        if (q.to() != null) {
            where.append(" AND f.attributes->>? <= ?");
            params.add(a.name());
            params.add(q.to().toString());
        }
    }

    String where() {
        return where.toString();
    }

    /** Binds the filter's parameters from the first placeholder on; the next free index. */
    int bind(Connection c, PreparedStatement ps) throws SQLException {
        return bind(c, ps, 1);
    }

    /** Binds the filter's parameters from placeholder {@code first} on; the next free index. */
    int bind(Connection c, PreparedStatement ps, int first) throws SQLException {
        int i = first;
        for (Object p : params) {
            if (p instanceof String[] array) {
                ps.setArray(i++, c.createArrayOf("text", array));
            } else {
                ps.setObject(i++, p);
            }
        }
        return i;
    }

    List<FeatureStore.Row> rows(Connection c, int offset, int limit) throws SQLException {
        return CustomPlans.run(c, () -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + FeatureStore.COLUMNS + " FROM gis.feature f"
                    + where + " ORDER BY f.id OFFSET ? LIMIT ?")) {
                int i = bind(c, ps);
                ps.setInt(i++, offset);
                ps.setInt(i, limit);
                List<FeatureStore.Row> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(FeatureStore.row(rs));
                    }
                }
                return out;
            }
        });
    }

    /** How many objects match, counted no further than {@code limit}. */
    long countUpTo(Connection c, int limit) throws SQLException {
        return CustomPlans.run(c, () -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM (SELECT 1 FROM gis.feature f" + where
                    + " LIMIT ?) matching")) {
                int i = bind(c, ps);
                ps.setInt(i, limit);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
    }

    long count(Connection c) throws SQLException {
        return CustomPlans.run(c, () -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM gis.feature f" + where)) {
                bind(c, ps);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
    }
}
