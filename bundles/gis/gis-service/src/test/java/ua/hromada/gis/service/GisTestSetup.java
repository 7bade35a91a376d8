package ua.hromada.gis.service;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;


import ua.hromada.gis.api.GisAttachments;
import ua.hromada.gis.api.GisFeatures;
import ua.hromada.gis.api.GisLayers;
import ua.hromada.gis.api.GisPermissions;
import ua.hromada.gis.api.GisSpatial;
import ua.hromada.gis.api.Layer;
import ua.hromada.gis.api.http.GisMapServers;
import ua.hromada.portal.api.PortalUser;
import ua.hromada.portal.api.audit.AuditLog;
import ua.hromada.portal.api.jdbc.CommunityData;
import ua.hromada.portal.api.outbound.OutboundHttp;
import ua.hromada.portal.outbound.OutboundHttpImpl;
import ua.hromada.portal.testing.ModuleTestSetup;
import ua.hromada.portal.testing.TestDatabase;

/**
 * The GIS services over a throw-away PostgreSQL + PostGIS database, isolated by row-level security
 * as in the portal (the services connect as the application role in the community bound to the
 * running thread; unbound: the default community), a clock the test moves, and one user per role.
 * Audit entries are written on the change's own connection into a table, as the portal's log does,
 * so a test sees that a refused change leaves none. Shared with the other GIS bundles' tests
 * through the test-jar.
 */
public final class GisTestSetup extends ModuleTestSetup {
    /** The unit (a portal role) of the shipped heritage layers' editors in these tests. */
    public static final String CULTURE = "Відділ культури";
    public static final String ADVERTISING = "Відділ реклами";

    /** The network of the tests' local map servers, listed as an administrator lists the council's. */
    public static final String LOOPBACK = "127.0.0.0/8";
    /** The portal's outbound HTTP, one for the test JVM (its Jetty threads are daemons). */
    private static final OutboundHttp OUTBOUND = new OutboundHttpImpl();

    private final GisDatabase database;
    private final GisLayersImpl layers;
    private final GisFeaturesImpl features;
    private final GisSpatialImpl spatial;
    private final GisAttachmentsImpl attachments;
    private final GisExternalLayersImpl externalLayers;
    private final GisViewerImpl viewerService;

    public final PortalUser admin = user(1, "gisadmin", Set.of(), GisPermissions.ADMINISTER);
    public final PortalUser editor = user(2, "culture", Set.of(CULTURE), GisPermissions.EDIT);
    public final PortalUser otherEditor = user(3, "adverts", Set.of(ADVERTISING), GisPermissions.EDIT);
    public final PortalUser viewer = user(4, "viewer", Set.of(CULTURE), GisPermissions.VIEW);
    public final PortalUser stranger = user(5, "stranger", Set.of(CULTURE));

    public GisTestSetup() {
        // PostGIS, the gis schema and the audit table are made once per test JVM and copied per test
        this(TestDatabase.prepared("gis", GisTestSetup::prepare));
    }

    /** The services over {@code db}, prepared by {@link #prepare} (and, for the two-node tests, the core's schema). */
    public GisTestSetup(TestDatabase db) {
        super(db);
        database = new GisDatabase(communityDataSource(), communities(), clock());
        AuditLog audit = new TableAuditLog();
        layers = new GisLayersImpl(database, audit);
        features = new GisFeaturesImpl(database, audit);
        spatial = new GisSpatialImpl(database);
        attachments = new GisAttachmentsImpl(database, audit);
        // tests serve capabilities locally (loopback allowed, as allowed.networks would): short limits so a
        // silent server fails fast
        externalLayers = new GisExternalLayersImpl(database, audit, new CapabilitiesReader(OUTBOUND,
                mapServers(LOOPBACK).policy(), java.time.Duration.ofSeconds(2), CapabilitiesReader.MAX_BYTES));
        viewerService = new GisViewerImpl(database);
    }

    /** PostGIS, the gis schema and the audit table. */
    public static void prepare(TestDatabase d) {
        d.execute("CREATE EXTENSION IF NOT EXISTS postgis");
        d.migrate("gis");
        d.execute("CREATE TABLE public.audit_entry (id bigserial PRIMARY KEY, actor text, module text,"
                + " entity_type text, entity_id text, action text, changes text)");
        d.execute("GRANT SELECT, INSERT ON public.audit_entry TO " + CommunityData.APP_ROLE);
        d.execute("GRANT USAGE ON SEQUENCE public.audit_entry_id_seq TO " + CommunityData.APP_ROLE);
    }

    public static PortalUser user(long id, String username, Set<String> roles, String... permissions) {
        return new PortalUser(id, username, username, roles, Set.of(permissions));
    }

    /** The portal's outbound HTTP as the GIS bundles get it. */
    public static OutboundHttp outbound() {
        return OUTBOUND;
    }

    /** The GIS's map-server rules with {@code allowed.networks} listing these (none: public servers only). */
    public static GisMapServers mapServers(String... allowedNetworks) {
        return new GisMapServersImpl(List.of(allowedNetworks));
    }

    public GisLayers layers() {
        return layers;
    }

    public GisFeatures features() {
        return features;
    }

    public GisSpatial spatial() {
        return spatial;
    }

    public GisAttachments attachments() {
        return attachments;
    }

    public ua.hromada.gis.api.GisExternalLayers externalLayers() {
        return externalLayers;
    }

    public ua.hromada.gis.api.GisViewer viewerService() {
        return viewerService;
    }

    GisDatabase database() {
        return database;
    }

    /** A shipped layer of the current community by key. */
    public Layer layer(String key) {
        return layers.findByKey(admin, key).orElseThrow();
    }

    /** A layer's rows as the owner counts them (every community's). */
    public long rows(String table, long layerId) {
        try (Connection c = dataSource().getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM " + table + " WHERE layer_id = ?")) {
            ps.setLong(1, layerId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The audit entries committed so far, oldest first: "entityType entityId action". */
    public List<String> audit() {
        List<String> out = new ArrayList<>();
        try (Connection c = dataSource().getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT entity_type, entity_id, action, changes"
                        + " FROM public.audit_entry WHERE module = 'gis' ORDER BY id");
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(rs.getString(1) + " " + rs.getString(2) + " " + rs.getString(3) + ": " + rs.getString(4));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return out;
    }

    /** The portal's audit log as it works for plain-JDBC modules: on the change's connection. */
    private static final class TableAuditLog implements AuditLog {
        @Override
        public void record(String actor, String module, String entityType, String entityId, String action,
                String changes) {
            throw new AssertionError("GIS records its audit entries inside the change's transaction");
        }

        @Override
        public void record(Connection c, String actor, String module, String entityType, String entityId,
                String action, String changes) throws SQLException {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO public.audit_entry (actor, module,"
                    + " entity_type, entity_id, action, changes) VALUES (?, ?, ?, ?, ?, ?)")) {
                ps.setString(1, actor);
                ps.setString(2, module);
                ps.setString(3, entityType);
                ps.setString(4, entityId);
                ps.setString(5, action);
                ps.setString(6, changes);
                ps.executeUpdate();
            }
        }

        @Override
        public List<AuditEntry> find(AuditQuery query, int offset, int limit) {
            throw new UnsupportedOperationException("tests read the table");
        }

        @Override
        public long count(AuditQuery query) {
            throw new UnsupportedOperationException("tests read the table");
        }
    }
}
