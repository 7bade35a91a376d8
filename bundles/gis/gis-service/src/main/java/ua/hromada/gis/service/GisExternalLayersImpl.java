package ua.hromada.gis.service;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import ua.hromada.gis.api.ExternalLayer;
import ua.hromada.gis.api.ExternalLayerKind;
import ua.hromada.gis.api.GisException;
import ua.hromada.gis.api.GisExternalLayers;
import ua.hromada.gis.api.ServiceCapabilities;
import ua.hromada.gis.api.Visibility;
import ua.hromada.gis.api.http.GisMapServers;
import ua.hromada.portal.api.PortalException.Reason;
import ua.hromada.portal.api.PortalUser;
import ua.hromada.portal.api.audit.AuditChanges;
import ua.hromada.portal.api.audit.AuditLog;
import ua.hromada.portal.api.jdbc.EditConflictException;
import ua.hromada.portal.api.jdbc.Statements;
import ua.hromada.portal.api.jdbc.Versioned;
import ua.hromada.portal.api.outbound.OutboundHttp;

/**
 * The registry of external layers (table {@code gis.external_layer}) and the capabilities reader.
 * Whether a layer is linked or proxied is recorded for the map and the image proxy (bundle gis-proxy).
 */
@Component(service = GisExternalLayers.class)
public class GisExternalLayersImpl implements GisExternalLayers {
    static final String TABLE = "gis.external_layer";
    private static final String ENTITY = "external-layer";
    private static final String COLUMNS = "id, key, kind, title, url, layer_names, format, style, tile_matrix_set,"
            + " attribution, opacity, group_id, visibility, proxied, version";

    private final GisDatabase db;
    private final AuditLog audit;
    private final CapabilitiesReader reader;

    @Activate
    public GisExternalLayersImpl(@Reference GisDatabase db, @Reference AuditLog audit, @Reference OutboundHttp http,
            @Reference GisMapServers servers) {
        this(db, audit,
                new CapabilitiesReader(http, servers.policy(), Duration.ofSeconds(15), CapabilitiesReader.MAX_BYTES));
    }

    /** For tests: short time limits and small documents. */
    GisExternalLayersImpl(GisDatabase db, AuditLog audit, CapabilitiesReader reader) {
        this.db = db;
        this.audit = audit;
        this.reader = reader;
    }

    @Override
    public List<ExternalLayer> layers(PortalUser user) {
        boolean all = Access.employee(user);
        return db.read(c -> Statements.list(c, "SELECT " + COLUMNS + " FROM " + TABLE
                + (all ? "" : " WHERE visibility = 'PUBLIC'") + " ORDER BY group_id NULLS LAST, title, id",
                GisExternalLayersImpl::layer));
    }

    @Override
    public Optional<ExternalLayer> find(PortalUser user, long id) {
        return db.read(c -> byId(c, id)).filter(l -> l.isPublic() || Access.employee(user));
    }

    @Override
    public Optional<ExternalLayer> findByKey(PortalUser user, String key) {
        if (key == null) {
            return Optional.empty();
        }
        Optional<ExternalLayer> layer = db.read(c -> Statements.first(c, "SELECT " + COLUMNS + " FROM " + TABLE
                + " WHERE key = ?", GisExternalLayersImpl::layer, key));
        if (layer.isPresent() && !layer.get().isPublic() && !Access.employee(user)) {
            throw Access.forbidden();
        }
        return layer;
    }

    private static Optional<ExternalLayer> byId(Connection c, long id) throws SQLException {
        return Statements.first(c, "SELECT " + COLUMNS + " FROM " + TABLE + " WHERE id = ?",
                GisExternalLayersImpl::layer, id);
    }

    @Override
    public ExternalLayer save(PortalUser admin, ExternalLayer layer) {
        Access.requireAdmin(admin);
        LayerRules.require(ExternalLayerRules.check(layer));
        return db.tx(c -> {
            if (layer.groupId() != null && LayerStore.group(c, layer.groupId()).isEmpty()) {
                throw new GisException(Reason.NOT_FOUND, "gis.error.groupNotFound");
            }
            if (Statements.first(c, "SELECT 1 FROM " + TABLE + " WHERE key = ? AND id <> ?", rs -> true,
                    layer.key(), layer.id()).isPresent()) {
                throw new GisException(Reason.CONFLICT, "gis.error.external.keyTaken", layer.key());
            }
            Timestamp now = Timestamp.from(db.clock().instant());
            if (layer.id() == 0) {
                long id;
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + TABLE + " (key, kind, title,"
                        + " url, layer_names, format, style, tile_matrix_set, attribution, opacity, group_id, visibility,"
                        + " proxied, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id")) {
                    int i = bind(c, ps, layer);
                    ps.setTimestamp(i++, now);
                    ps.setTimestamp(i, now);
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        id = rs.getLong(1);
                    }
                }
                audit.record(c, admin.username(), GisLayersImpl.MODULE, ENTITY, Long.toString(id), "create",
                        new AuditChanges().value("key", layer.key()).value("kind", layer.kind().name())
                                .value("url", layer.url().strip()).text());
                return byId(c, id).orElseThrow();
            }
            ExternalLayer before = byId(c, layer.id()).orElseThrow(() ->
                    new GisException(Reason.NOT_FOUND, "gis.error.external.notFound"));
            try (PreparedStatement ps = c.prepareStatement("UPDATE " + TABLE + " SET key = ?, kind = ?, title = ?,"
                    + " url = ?, layer_names = ?, format = ?, style = ?, tile_matrix_set = ?, attribution = ?, opacity = ?,"
                    + " group_id = ?, visibility = ?, proxied = ?, updated_at = ?, " + Versioned.BUMP
                    + " WHERE id = ? AND version = ?")) {
                int i = bind(c, ps, layer);
                ps.setTimestamp(i++, now);
                ps.setLong(i++, layer.id());
                ps.setLong(i, layer.version());
                if (ps.executeUpdate() != 1) {
                    throw new EditConflictException(TABLE, layer.id());
                }
            }
            AuditChanges changes = new AuditChanges().changed("key", before.key(), layer.key())
                    .changed("title", before.title(), layer.title().strip()).changed("url", before.url(), layer.url().strip())
                    .changed("layerNames", String.join(",", before.layerNames()), String.join(",", layer.layerNames()))
                    .changed("visibility", before.visibility(), layer.visibility())
                    .changed("proxied", before.proxied(), layer.proxied());
            audit.record(c, admin.username(), GisLayersImpl.MODULE, ENTITY, Long.toString(layer.id()), "update",
                    changes.text());
            return byId(c, layer.id()).orElseThrow();
        });
    }

    @Override
    public void delete(PortalUser admin, long id, long version) {
        Access.requireAdmin(admin);
        db.tx(c -> {
            if (!Versioned.lock(c, TABLE, id, version)) {
                throw new GisException(Reason.NOT_FOUND, "gis.error.external.notFound");
            }
            ExternalLayer l = byId(c, id).orElseThrow();
            Statements.update(c, "DELETE FROM " + TABLE + " WHERE id = ?", id);
            audit.record(c, admin.username(), GisLayersImpl.MODULE, ENTITY, Long.toString(id), "delete",
                    new AuditChanges().value("key", l.key()).value("url", l.url()).text());
            return null;
        });
    }

    @Override
    public ServiceCapabilities capabilities(PortalUser admin, ExternalLayerKind kind, String url) {
        Access.requireAdmin(admin);
        return reader.read(kind, url);
    }

    private static int bind(Connection c, PreparedStatement ps, ExternalLayer l) throws SQLException {
        int i = 1;
        ps.setString(i++, l.key());
        ps.setString(i++, l.kind().name());
        ps.setString(i++, l.title().strip());
        ps.setString(i++, l.url().strip());
        ps.setArray(i++, c.createArrayOf("text", l.layerNames().stream().map(String::strip).toArray()));
        ps.setString(i++, blankToNull(l.format()));
        ps.setString(i++, blankToNull(l.style()));
        ps.setString(i++, blankToNull(l.tileMatrixSet()));
        ps.setString(i++, blankToNull(l.attribution()));
        ps.setDouble(i++, l.opacity());
        ps.setObject(i++, l.groupId());
        ps.setString(i++, l.visibility().name());
        ps.setBoolean(i++, l.proxied());
        return i;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static ExternalLayer layer(ResultSet rs) throws SQLException {
        Array names = rs.getArray("layer_names");
        long group = rs.getLong("group_id");
        Long groupId = rs.wasNull() ? null : group;
        return new ExternalLayer(rs.getLong("id"), rs.getString("key"), ExternalLayerKind.valueOf(rs.getString("kind")),
                rs.getString("title"), rs.getString("url"), List.of((String[]) names.getArray()), rs.getString("format"),
                rs.getString("style"), rs.getString("tile_matrix_set"), rs.getString("attribution"),
                rs.getDouble("opacity"), groupId, Visibility.valueOf(rs.getString("visibility")),
                rs.getBoolean("proxied"), rs.getLong("version"));
    }
}
