package ua.hromada.gis.service;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import ua.hromada.gis.api.ChangeAction;
import ua.hromada.gis.api.FeatureChange;
import ua.hromada.gis.api.FeatureInput;
import ua.hromada.gis.api.FeatureQuery;
import ua.hromada.gis.api.GisException;
import ua.hromada.gis.api.GisFeature;
import ua.hromada.gis.api.GisFeatures;
import ua.hromada.gis.api.Layer;
import ua.hromada.gis.api.Page;
import ua.hromada.gis.api.ValidationError;
import ua.hromada.portal.api.PortalException.Reason;
import ua.hromada.portal.api.PortalUser;
import ua.hromada.portal.api.audit.AuditChanges;
import ua.hromada.portal.api.audit.AuditLog;
import ua.hromada.portal.api.jdbc.EditConflictException;

/**
 * The layers' objects over JDBC + PostGIS (schema {@code gis}). A change is one transaction: the
 * layer's row locked (changes of one layer take turns, so unique values hold), the object checked,
 * written, its history entry and its audit entry.
 */
@Component(service = GisFeatures.class)
public class GisFeaturesImpl implements GisFeatures {
    private static final String ENTITY = "feature";
    private static final int MAX_BATCH = 100_000;

    private final GisDatabase db;
    private final AuditLog audit;

    @Activate
    public GisFeaturesImpl(@Reference GisDatabase db, @Reference AuditLog audit) {
        this.db = db;
        this.audit = audit;
    }

    @Override
    public Page<GisFeature> query(PortalUser user, FeatureQuery query) {
        return db.read(c -> page(c, visible(c, user, query.layerId()), query));
    }

    @Override
    public long count(PortalUser user, FeatureQuery query) {
        return db.read(c -> new FeatureFilter(visible(c, user, query.layerId()), query).count(c));
    }

    @Override
    public Page<GisFeature> queryPublic(FeatureQuery query) {
        return query(null, query);
    }

    private static Page<GisFeature> page(Connection c, Layer layer, FeatureQuery q) throws SQLException {
        FeatureFilter filter = new FeatureFilter(layer, q);
        List<GisFeature> items = filter.rows(c, q.offset(), q.limit()).stream().map(r -> r.feature(layer)).toList();
        long total = items.size() < q.limit() && (q.offset() == 0 || !items.isEmpty())
                ? q.offset() + items.size() : filter.count(c);
        return new Page<>(items, total, q.offset(), q.limit());
    }

    @Override
    public Optional<GisFeature> get(PortalUser user, long featureId) {
        return db.read(c -> {
            Optional<FeatureStore.Row> row = FeatureStore.find(c, featureId);
            if (row.isEmpty()) {
                return Optional.empty();
            }
            return LayerStore.layer(c, row.get().layerId()).filter(l -> Access.sees(user, l))
                    .map(l -> row.get().feature(l));
        });
    }

    @Override
    public Optional<GisFeature> getPublic(long featureId) {
        return get(null, featureId);
    }

    @Override
    public GisFeature create(PortalUser user, long layerId, FeatureInput input) {
        return db.tx(c -> {
            Layer layer = editable(c, user, layerId);
            FeatureChecks checks = new FeatureChecks(c, layer);
            FeatureChecks.Ready ready = checks.check(input, ValidationError.SINGLE, 0, null);
            if (ready == null) {
                throw new GisException(checks.errors());
            }
            return insert(c, user, layer, ready);
        });
    }

    @Override
    public List<ValidationError> check(PortalUser user, long layerId, List<FeatureInput> inputs) {
        // a transaction that writes nothing: the geometry readings need its savepoints
        return db.tx(c -> {
            Layer layer = editable(c, user, layerId);
            FeatureChecks checks = new FeatureChecks(c, layer);
            for (int i = 0; i < inputs.size(); i++) {
                checks.check(inputs.get(i), i, 0, null);
            }
            return List.copyOf(checks.errors());
        });
    }

    @Override
    public List<GisFeature> createAll(PortalUser user, long layerId, List<FeatureInput> inputs) {
        if (inputs.size() > MAX_BATCH) {
            throw new GisException(Reason.INVALID, "gis.error.batchTooLarge", MAX_BATCH);
        }
        return db.tx(c -> {
            Layer layer = editable(c, user, layerId);
            FeatureChecks checks = new FeatureChecks(c, layer);
            List<FeatureChecks.Ready> ready = new ArrayList<>();
            for (int i = 0; i < inputs.size(); i++) {
                ready.add(checks.check(inputs.get(i), i, 0, null));
            }
            if (!checks.errors().isEmpty()) {
                throw new GisException(checks.errors());
            }
            List<GisFeature> out = new ArrayList<>();
            for (FeatureChecks.Ready r : ready) {
                out.add(insert(c, user, layer, r));
            }
            return out;
        });
    }

    private GisFeature insert(Connection c, PortalUser user, Layer layer, FeatureChecks.Ready r) throws SQLException {
        Instant now = db.clock().instant();
        String json = AttributeValues.json(r.values());
        long id = FeatureStore.insert(c, 0, layer.id(), r.ewkb(), json, 0, user.username(), now);
        FeatureStore.history(c, id, layer.id(), 0, ChangeAction.CREATE, user.username(), now, null, json, r.ewkb());
        AuditChanges changes = new AuditChanges().value("layer", layer.key());
        r.values().forEach((k, v) -> changes.value(k, FeatureChecks.text(v)));
        audit.record(c, user.username(), GisLayersImpl.MODULE, ENTITY, Long.toString(id), "create", changes.text());
        return FeatureStore.find(c, id).orElseThrow().feature(layer);
    }

    @Override
    public GisFeature update(PortalUser user, long featureId, long version, FeatureInput input) {
        return db.tx(c -> {
            Layer layer = editable(c, user, layerOf(c, user, featureId));
            FeatureStore.Row old = FeatureStore.lock(c, featureId).orElseThrow(Access::featureNotFound);
            if (old.version() != version) {
                throw new EditConflictException(FeatureStore.TABLE, featureId);
            }
            FeatureChecks checks = new FeatureChecks(c, layer);
            FeatureChecks.Ready ready = checks.check(input, ValidationError.SINGLE, featureId, null);
            if (ready == null) {
                throw new GisException(checks.errors());
            }
            return change(c, user, layer, old, ready, ChangeAction.UPDATE);
        });
    }

    /** Writes the new state over an existing object, with its history and audit entries. */
    private GisFeature change(Connection c, PortalUser user, Layer layer, FeatureStore.Row old,
            FeatureChecks.Ready ready, ChangeAction action) throws SQLException {
        Instant now = db.clock().instant();
        String json = AttributeValues.json(ready.values());
        FeatureStore.update(c, old.id(), old.version(), ready.ewkb(), json, user.username(), now);
        FeatureStore.history(c, old.id(), layer.id(), old.version() + 1, action, user.username(), now, old, json,
                ready.ewkb());
        FeatureStore.Row saved = FeatureStore.find(c, old.id()).orElseThrow();
        audit.record(c, user.username(), GisLayersImpl.MODULE, ENTITY, Long.toString(old.id()),
                action.name().toLowerCase(java.util.Locale.ROOT), changes(layer, old, saved).text());
        return saved.feature(layer);
    }

    /** Each attribute's old → new value, and whether the geometry moved. */
    private static AuditChanges changes(Layer layer, FeatureStore.Row old, FeatureStore.Row now) {
        Map<String, Object> before = AttributeValues.fromJson(layer, old.attributesJson(), true);
        Map<String, Object> after = AttributeValues.fromJson(layer, now.attributesJson(), true);
        Set<String> names = new LinkedHashSet<>(before.keySet());
        names.addAll(after.keySet());
        AuditChanges changes = new AuditChanges();
        for (String name : names) {
            Object b = before.get(name);
            Object a = after.get(name);
            changes.changed(name, b == null ? null : FeatureChecks.text(b), a == null ? null : FeatureChecks.text(a));
        }
        if (!old.ewkb().equals(now.ewkb())) {
            changes.value("geometry", "moved");
        }
        return changes.isEmpty() ? changes.value("geometry", "unchanged") : changes;
    }

    @Override
    public void delete(PortalUser user, long featureId, long version) {
        db.tx(c -> {
            Layer layer = editable(c, user, layerOf(c, user, featureId));
            FeatureStore.Row old = FeatureStore.lock(c, featureId).orElseThrow(Access::featureNotFound);
            if (old.version() != version) {
                throw new EditConflictException(FeatureStore.TABLE, featureId);
            }
            Instant now = db.clock().instant();
            FeatureStore.delete(c, featureId);
            FeatureStore.history(c, featureId, layer.id(), old.version(), ChangeAction.DELETE, user.username(), now,
                    old, null, null);
            AuditChanges changes = new AuditChanges().value("layer", layer.key());
            AttributeValues.fromJson(layer, old.attributesJson(), true)
                    .forEach((k, v) -> changes.value(k, FeatureChecks.text(v)));
            audit.record(c, user.username(), GisLayersImpl.MODULE, ENTITY, Long.toString(featureId), "delete",
                    changes.text());
            return null;
        });
    }

    @Override
    public List<FeatureChange> history(PortalUser user, long featureId) {
        return db.read(c -> {
            Layer layer = LayerStore.layer(c, layerOf(c, user, featureId)).orElseThrow(Access::featureNotFound);
            return FeatureStore.changes(c, featureId).stream().map(ch -> ch.change(layer)).toList();
        });
    }

    @Override
    public GisFeature restore(PortalUser user, long featureId, long changeId) {
        return db.tx(c -> {
            Layer layer = editable(c, user, layerOf(c, user, featureId));
            FeatureStore.Change entry = FeatureStore.change(c, changeId).filter(ch -> ch.featureId() == featureId)
                    .orElseThrow(() -> new GisException(Reason.NOT_FOUND, "gis.error.changeNotFound"));
            boolean deletedState = entry.action() == ChangeAction.DELETE;
            String json = deletedState ? entry.oldAttributesJson() : entry.newAttributesJson();
            String ewkb = deletedState ? entry.oldEwkb() : entry.newEwkb();
            FeatureInput state = new FeatureInput(null, AttributeValues.fromJson(layer, json, false));
            FeatureChecks checks = new FeatureChecks(c, layer);
            FeatureChecks.Ready ready = checks.check(state, ValidationError.SINGLE, featureId, ewkb);
            if (ready == null) {
                throw new GisException(checks.errors());
            }
            Optional<FeatureStore.Row> current = FeatureStore.lock(c, featureId);
            if (current.isPresent()) {
                return change(c, user, layer, current.get(), ready, ChangeAction.RESTORE);
            }
            // a deleted object comes back under its id, its version after its last one
            long version = FeatureStore.changes(c, featureId).stream().mapToLong(FeatureStore.Change::version)
                    .max().orElse(0) + 1;
            Instant now = db.clock().instant();
            String values = AttributeValues.json(ready.values());
            FeatureStore.insert(c, featureId, layer.id(), ready.ewkb(), values, version, user.username(), now);
            FeatureStore.history(c, featureId, layer.id(), version, ChangeAction.RESTORE, user.username(), now, null,
                    values, ready.ewkb());
            AuditChanges changes = new AuditChanges().value("layer", layer.key()).value("change", changeId);
            audit.record(c, user.username(), GisLayersImpl.MODULE, ENTITY, Long.toString(featureId), "restore",
                    changes.text());
            return FeatureStore.find(c, featureId).orElseThrow().feature(layer);
        });
    }

    @Override
    public List<FeatureChange> deleted(PortalUser user, long layerId, int limit) {
        if (limit < 1 || limit > FeatureQuery.MAX_LIMIT) {
            throw new GisException(Reason.INVALID, "gis.error.limit", FeatureQuery.MAX_LIMIT);
        }
        return db.read(c -> {
            Layer layer = visible(c, user, layerId);
            return FeatureStore.deleted(c, layerId, limit).stream().map(ch -> ch.change(layer)).toList();
        });
    }

    /** The layer, if the user may see it (else NOT_FOUND: an employees' layer is not revealed). */
    static Layer visible(Connection c, PortalUser user, long layerId) throws SQLException {
        return LayerStore.layer(c, layerId).filter(l -> Access.sees(user, l)).orElseThrow(Access::layerNotFound);
    }

    /** The layer locked for a change of its objects, if the user may change them. */
    static Layer editable(Connection c, PortalUser user, long layerId) throws SQLException {
        Layer layer = LayerStore.lock(c, layerId).filter(l -> Access.sees(user, l))
                .orElseThrow(Access::layerNotFound);
        if (!Access.canEdit(user, layer)) {
            throw Access.forbidden();
        }
        return layer;
    }

    /** The layer of an object that exists or existed and whose layer the user sees. */
    static long layerOf(Connection c, PortalUser user, long featureId) throws SQLException {
        long layerId = FeatureStore.layerOf(c, featureId).orElseThrow(Access::featureNotFound);
        if (LayerStore.layer(c, layerId).filter(l -> Access.sees(user, l)).isEmpty()) {
            throw Access.featureNotFound();
        }
        return layerId;
    }
}
