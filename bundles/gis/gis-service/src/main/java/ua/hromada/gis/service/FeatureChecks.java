package ua.hromada.gis.service;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import ua.hromada.gis.api.AttributeDefinition;
import ua.hromada.gis.api.FeatureInput;
import ua.hromada.gis.api.Layer;
import ua.hromada.gis.api.ValidationError;

/**
 * One object, or a batch of them, checked against the layer inside the saving transaction (its
 * layer row locked): geometry, attributes, and unique values against the saved objects and the
 * batch's earlier rows.
 */
final class FeatureChecks {

    /** An object ready to store: geometry as EWKB hex, typed values. */
    record Ready(String ewkb, Map<String, Object> values) {
    }

    private final Connection c;
    private final Layer layer;
    /** Unique attribute → the values the batch's earlier rows took (as compared). */
    private final Map<String, Set<String>> batch = new HashMap<>();
    private final List<ValidationError> errors = new ArrayList<>();

    FeatureChecks(Connection c, Layer layer) {
        this.c = c;
        this.layer = layer;
    }

    /**
     * @param row       the row of a batch, or {@link ValidationError#SINGLE}
     * @param exceptId  the object itself (an update, a restore); 0 for a new one
     * @param storedEwkb a stored geometry to use instead of reading {@code input}'s (a restore)
     * @return the object ready to store, or null when it failed ({@link #errors()} says why)
     */
    Ready check(FeatureInput input, int row, long exceptId, String storedEwkb) throws SQLException {
        List<ValidationError> own = new ArrayList<>();
        Geometries.Read g = storedEwkb != null ? Geometries.stored(c, storedEwkb, layer.geometryType())
                : Geometries.read(c, input, layer.geometryType());
        if (g.error() != null) {
            own.add(g.error());
        }
        AttributeValues.Checked checked = AttributeValues.check(layer, input.attributes());
        own.addAll(checked.errors());
        for (AttributeDefinition a : layer.attributes()) {
            Object v = checked.values().get(a.name());
            if (!a.unique() || v == null) {
                continue;
            }
            String text = text(v);
            if (FeatureStore.valueTaken(c, layer.id(), a.name(), text, exceptId)) {
                own.add(new ValidationError(a.name(), "gis.error.unique", a.label(), text));
            } else if (!batch.computeIfAbsent(a.name(), k -> new HashSet<>()).add(AttributeValues.uniqueKey(v))) {
                own.add(new ValidationError(a.name(), "gis.error.uniqueInBatch", a.label(), text));
            }
        }
        if (!own.isEmpty()) {
            own.forEach(e -> errors.add(row == ValidationError.SINGLE ? e : e.inRow(row)));
            return null;
        }
        return new Ready(g.ewkb(), checked.values());
    }

    List<ValidationError> errors() {
        return errors;
    }

    /** The value as {@code attributes->>name} gives it back. */
    static String text(Object v) {
        return v instanceof BigDecimal d ? d.toPlainString() : String.valueOf(v);
    }
}
