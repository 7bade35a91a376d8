package ua.hromada.gis.service;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.slf4j.LoggerFactory;

import ua.hromada.gis.api.AttributeDefinition;
import ua.hromada.gis.api.AttributeType;
import ua.hromada.gis.api.GisException;
import ua.hromada.gis.api.GisLayers;
import ua.hromada.gis.api.Layer;
import ua.hromada.gis.api.LayerGroup;
import ua.hromada.gis.api.ValidationError;
import ua.hromada.portal.api.PortalException.Reason;
import ua.hromada.portal.api.PortalUser;
import ua.hromada.portal.api.audit.AuditChanges;
import ua.hromada.portal.api.audit.AuditLog;
import ua.hromada.portal.api.jdbc.Versioned;

/** The layer registry over JDBC (schema {@code gis}); one call is one transaction with its audit entry. */
@Component(service = { GisLayers.class, LayerChanges.class })
public class GisLayersImpl implements GisLayers, LayerChanges {
    static final String MODULE = "gis";
    /** A layer's audit entity: its changes are published as topic {@code gis.layer} (docs/cluster.md). */
    static final String LAYER = "layer";

    private final GisDatabase db;
    private final AuditLog audit;
    private final List<LayerChangeListener> listeners = new CopyOnWriteArrayList<>();

    @Activate
    public GisLayersImpl(@Reference GisDatabase db, @Reference AuditLog audit) {
        this.db = db;
        this.audit = audit;
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addListener(LayerChangeListener listener) {
        listeners.add(listener);
    }

    void removeListener(LayerChangeListener listener) {
        listeners.remove(listener);
    }

    @Override
    public List<LayerGroup> groups(PortalUser user) {
        return db.read(LayerStore::groups);
    }

    @Override
    public LayerGroup saveGroup(PortalUser admin, LayerGroup group) {
        Access.requireAdmin(admin);
        LayerRules.require(LayerRules.check(group));
        return db.tx(c -> {
            if (LayerStore.groupKeyTaken(c, group.key(), group.id())) {
                throw new GisException(Reason.CONFLICT, "gis.error.groupKeyTaken", group.key());
            }
            if (group.id() == 0) {
                long id = LayerStore.insertGroup(c, group);
                audit.record(c, admin.username(), MODULE, "layer-group", Long.toString(id), "create",
                        new AuditChanges().value("key", group.key()).value("title", group.title().strip()).text());
                return LayerStore.group(c, id).orElseThrow();
            }
            LayerGroup before = LayerStore.group(c, group.id()).orElseThrow(Access::layerNotFound);
            LayerStore.updateGroup(c, group);
            recordChanges(c, admin, "layer-group", group.id(), "update", new AuditChanges()
                    .changed("key", before.key(), group.key()).changed("title", before.title(), group.title().strip())
                    .changed("position", before.position(), group.position()));
            return LayerStore.group(c, group.id()).orElseThrow();
        });
    }

    @Override
    public void deleteGroup(PortalUser admin, long groupId, long version) {
        Access.requireAdmin(admin);
        db.tx(c -> {
            if (!Versioned.lock(c, LayerStore.GROUP_TABLE, groupId, version)) {
                throw new GisException(Reason.NOT_FOUND, "gis.error.groupNotFound");
            }
            if (LayerStore.groupHasLayers(c, groupId)) {
                throw new GisException(Reason.CONFLICT, "gis.error.groupNotEmpty");
            }
            LayerGroup g = LayerStore.group(c, groupId).orElseThrow();
            LayerStore.deleteGroup(c, groupId);
            recordDeleted(c, admin, "layer-group", groupId, g.key(), g.title());
            return null;
        });
    }

    @Override
    public List<Layer> layers(PortalUser user) {
        return db.read(c -> LayerStore.layers(c, !Access.employee(user)));
    }

    @Override
    public List<Layer> publicLayers() {
        return db.read(c -> LayerStore.layers(c, true));
    }

    @Override
    public Optional<Layer> find(PortalUser user, long layerId) {
        return db.read(c -> LayerStore.layer(c, layerId)).filter(l -> Access.sees(user, l));
    }

    @Override
    public Optional<Layer> findByKey(PortalUser user, String key) {
        return key == null ? Optional.empty()
                : db.read(c -> LayerStore.layerByKey(c, key)).filter(l -> Access.sees(user, l));
    }

    @Override
    public Optional<Layer> findPublic(String key) {
        return findByKey(null, key);
    }

    @Override
    public boolean canEdit(PortalUser user, Layer layer) {
        return Access.canEdit(user, layer);
    }

    @Override
    public Layer saveLayer(PortalUser admin, Layer layer) {
        Access.requireAdmin(admin);
        LayerRules.require(LayerRules.check(layer));
        Layer saved = db.tx(c -> {
            Instant now = db.clock().instant();
            references(c, layer);
            if (LayerStore.keyTaken(c, layer.key(), layer.id())) {
                throw new GisException(Reason.CONFLICT, "gis.error.layerKeyTaken", layer.key());
            }
            if (layer.id() == 0) {
                long id = LayerStore.insert(c, layer, now);
                audit.record(c, admin.username(), MODULE, LAYER, Long.toString(id), "create", new AuditChanges()
                        .value("key", layer.key()).value("title", layer.title().strip())
                        .value("geometryType", layer.geometryType()).value("visibility", layer.visibility())
                        .value("attributes", names(layer.attributes())).text());
                return LayerStore.layer(c, id).orElseThrow();
            }
            Layer before = LayerStore.lock(c, layer.id()).orElseThrow(Access::layerNotFound);
            agreesWithObjects(c, before, layer);
            LayerStore.update(c, layer, now);
            recordChanges(c, admin, LAYER, layer.id(), "update", new AuditChanges()
                    .changed("key", before.key(), layer.key()).changed("title", before.title(), layer.title().strip())
                    .changed("groupId", before.groupId(), layer.groupId())
                    .changed("geometryType", before.geometryType(), layer.geometryType())
                    .changed("attributes", LayerCodec.schemaJson(before.attributes()),
                            LayerCodec.schemaJson(layer.attributes()))
                    .changed("style", LayerCodec.styleJson(before.style()), LayerCodec.styleJson(layer.style()))
                    .changed("ownerUnit", before.ownerUnit(), LayerStore.blankToNull(layer.ownerUnit()))
                    .changed("visibility", before.visibility(), layer.visibility())
                    .changed("metadata", before.metadata(), layer.metadata())
                    .changed("linkedLayerId", before.linkedLayerId(), layer.linkedLayerId()));
            return LayerStore.layer(c, layer.id()).orElseThrow();
        });
        announce();
        return saved;
    }

    @Override
    public void deleteLayer(PortalUser admin, long layerId, long version) {
        Access.requireAdmin(admin);
        db.tx(c -> {
            if (!Versioned.lock(c, LayerStore.LAYER_TABLE, layerId, version)) {
                throw Access.layerNotFound();
            }
            if (LayerStore.hasFeatures(c, layerId)) {
                throw new GisException(Reason.CONFLICT, "gis.error.layerNotEmpty");
            }
            if (LayerStore.linkedFrom(c, layerId)) {
                throw new GisException(Reason.CONFLICT, "gis.error.layerLinked");
            }
            Layer l = LayerStore.layer(c, layerId).orElseThrow();
            LayerStore.delete(c, layerId);
            recordDeleted(c, admin, LAYER, layerId, l.key(), l.title());
            return null;
        });
        announce();
    }

    /**
     * After the commit (of this node's change, or, from {@link LayersFromOtherNodes}, another node's):
     * a listener's failure must not turn a saved change into an error.
     */
    @Override
    public void announce() {
        for (LayerChangeListener listener : listeners) {
            try {
                listener.layersChanged();
            } catch (RuntimeException e) {
                LoggerFactory.getLogger(GisLayersImpl.class).warn("Layer change listener {} failed", listener, e);
            }
        }
    }

    /** The group and the linked layer must exist in this community. */
    private static void references(Connection c, Layer layer) throws SQLException {
        if (layer.groupId() != null && LayerStore.group(c, layer.groupId()).isEmpty()) {
            throw new GisException(List.of(new ValidationError("groupId", "gis.error.group")));
        }
        if (layer.linkedLayerId() != null && LayerStore.layer(c, layer.linkedLayerId()).isEmpty()) {
            throw new GisException(List.of(new ValidationError("linkedLayerId", "gis.error.linkedLayer")));
        }
    }

    /** A definition change the layer's existing objects would contradict is refused. */
    private static void agreesWithObjects(Connection c, Layer before, Layer after) throws SQLException {
        long id = before.id();
        if (before.geometryType() != after.geometryType()) {
            for (String kind : LayerStore.geometryKinds(c, id)) {
                if (!after.geometryType().accepts(kind)) {
                    throw new GisException(Reason.CONFLICT, "gis.error.geometryTypeInUse", kind.toLowerCase(java.util.Locale.ROOT));
                }
            }
        }
        for (AttributeDefinition a : after.attributes()) {
            Optional<AttributeDefinition> old = before.attribute(a.name());
            AttributeType oldType = old.map(AttributeDefinition::type).orElse(null);
            if (oldType != null && oldType != a.type() && LayerStore.anyValue(c, id, a.name())) {
                throw new GisException(Reason.CONFLICT, "gis.error.attributeTypeInUse", a.label());
            }
            if (a.required() && !old.map(AttributeDefinition::required).orElse(false)
                    && LayerStore.anyMissing(c, id, a.name())) {
                throw new GisException(Reason.CONFLICT, "gis.error.requiredMissing", a.label());
            }
            if (a.unique() && !old.map(AttributeDefinition::unique).orElse(false)
                    && LayerStore.anyShared(c, id, a.name())) {
                throw new GisException(Reason.CONFLICT, "gis.error.uniqueShared", a.label());
            }
            if (a.type() == AttributeType.CHOICE) {
                List<String> outside = LayerStore.valuesOutside(c, id, a.name(), a.choices());
                if (!outside.isEmpty()) {
                    throw new GisException(Reason.CONFLICT, "gis.error.choiceInUse", a.label(),
                            String.join(", ", outside));
                }
            }
            if (a.type() == AttributeType.TEXT && LayerStore.longestValue(c, id, a.name()) > a.textLimit()) {
                throw new GisException(Reason.CONFLICT, "gis.error.tooLongInUse", a.label(),
                        Integer.toString(a.textLimit()));
            }
        }
    }

    private static List<String> names(List<AttributeDefinition> attributes) {
        List<String> out = new ArrayList<>();
        attributes.forEach(a -> out.add(a.name()));
        return out;
    }

    /** A group or a layer gone: the audit keeps what named it. */
    private void recordDeleted(Connection c, PortalUser admin, String entity, long id, String key, String title)
            throws SQLException {
        audit.record(c, admin.username(), MODULE, entity, Long.toString(id), "delete",
                new AuditChanges().value("key", key).value("title", title).text());
    }

    private void recordChanges(Connection c, PortalUser admin, String entity, long id, String action,
            AuditChanges changes) throws SQLException {
        if (!changes.isEmpty()) {
            audit.record(c, admin.username(), MODULE, entity, Long.toString(id), action, changes.text());
        }
    }
}
