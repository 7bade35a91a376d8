package ua.hromada.gis.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

import ua.hromada.gis.api.ExternalLayer;
import ua.hromada.gis.api.ExternalLayerKind;
import ua.hromada.gis.api.GisException;
import ua.hromada.gis.api.LayerGroup;
import ua.hromada.gis.api.Visibility;
import ua.hromada.portal.api.PortalException.Reason;
import ua.hromada.portal.api.jdbc.EditConflictException;

/** The registry of external layers: rules per kind, who sees and changes what, versions, audit. */
class GisExternalLayersTest {
    @AutoClose
    private final GisTestSetup gis = new GisTestSetup();

    static ExternalLayer wms(String key, Visibility visibility, Long groupId) {
        return new ExternalLayer(0, key, ExternalLayerKind.WMS, "Кадастрова карта", "https://kadastr.example/wms",
                List.of("kadastr:parcels"), "image/png", null, null, "© Держгеокадастр", 0.7, groupId, visibility,
                true, 0);
    }

    @Test
    void savesEachKindAndShowsPublicOnesToEveryone() {
        LayerGroup group = gis.layers().saveGroup(gis.admin, new LayerGroup("state", "Державні геопортали", 5));
        ExternalLayer cadastre = gis.externalLayers().save(gis.admin, wms("cadastre", Visibility.PUBLIC, group.id()));
        ExternalLayer ortho = gis.externalLayers().save(gis.admin, new ExternalLayer(0, "ortho", ExternalLayerKind.WMTS,
                "Ортофото", "https://ortho.example/wmts", List.of("ortho2023"), "image/jpeg", "default",
                "GoogleMapsCompatible", null, 1, null, Visibility.EMPLOYEES, false, 0));
        ExternalLayer osm = gis.externalLayers().save(gis.admin, new ExternalLayer(0, "osm", ExternalLayerKind.XYZ,
                "OpenStreetMap", "https://tile.example/{z}/{x}/{y}.png", List.of(), null, null, null,
                "© OpenStreetMap", 1, null, Visibility.EMPLOYEES, false, 0));

        assertEquals(List.of("kadastr:parcels"), cadastre.layerNames());
        assertEquals(0.7, cadastre.opacity());
        assertTrue(cadastre.proxied());
        assertEquals(group.id(), cadastre.groupId());
        assertEquals(List.of("cadastre", "osm", "ortho"), // grouped first, then by title
                gis.externalLayers().layers(gis.viewer).stream().map(ExternalLayer::key).toList());
        assertEquals(List.of("cadastre"), gis.externalLayers().layers(null).stream().map(ExternalLayer::key).toList());
        assertEquals(List.of("cadastre"), gis.externalLayers().layers(gis.stranger).stream().map(ExternalLayer::key).toList());
        assertTrue(gis.externalLayers().find(null, ortho.id()).isEmpty());
        assertEquals(osm, gis.externalLayers().find(gis.viewer, osm.id()).orElseThrow());

        // a group holding an external layer is not deleted
        GisException busy = assertThrows(GisException.class, () -> gis.layers().deleteGroup(gis.admin, group.id(), group.version()));
        assertEquals(Reason.CONFLICT, busy.reason());

        ExternalLayer changed = gis.externalLayers().save(gis.admin, new ExternalLayer(cadastre.id(), "cadastre",
                ExternalLayerKind.WMS, "Кадастр", cadastre.url(), List.of("kadastr:parcels", "kadastr:ownership"), "image/png",
                null, null, null, 1, null, Visibility.EMPLOYEES, false, cadastre.version()));
        assertEquals(1, changed.version());
        assertEquals(List.of("kadastr:parcels", "kadastr:ownership"), changed.layerNames());
        assertThrows(EditConflictException.class, () -> gis.externalLayers().save(gis.admin, cadastre));
        assertThrows(EditConflictException.class, () -> gis.externalLayers().delete(gis.admin, cadastre.id(), 0));
        assertThrows(GisException.class, () -> gis.externalLayers().delete(gis.admin, 999_999, 0));
        gis.externalLayers().delete(gis.admin, changed.id(), changed.version());
        assertTrue(gis.externalLayers().find(gis.admin, changed.id()).isEmpty());
        assertTrue(gis.audit().stream().anyMatch(a -> a.startsWith("external-layer " + cadastre.id() + " update")), gis.audit().toString());
        assertTrue(gis.audit().stream().anyMatch(a -> a.startsWith("external-layer " + cadastre.id() + " delete")));
    }

    @Test
    void refusesWhatAKindNeedsAndStrangers() {
        assertEquals(List.of("url:gis.error.external.urlScheme"), errors(new ExternalLayer(0, "x", ExternalLayerKind.WMS,
                "X", "ftp://kadastr.example/wms", List.of("a"), "image/png", null, null, null, 1, null,
                Visibility.PUBLIC, false, 0)));
        assertEquals(List.of("layerNames:gis.error.external.layersRequired", "format:gis.error.external.format"),
                errors(new ExternalLayer(0, "x", ExternalLayerKind.WMS, "X", "https://a.example/wms", List.of(), "",
                        null, null, null, 1, null, Visibility.PUBLIC, false, 0)));
        assertEquals(List.of("layerNames:gis.error.external.oneLayer", "tileMatrixSet:gis.error.external.tileMatrixSet"),
                errors(new ExternalLayer(0, "x", ExternalLayerKind.WMTS, "X", "https://a.example/wmts", List.of("a", "b"),
                        "image/png", null, null, null, 1, null, Visibility.PUBLIC, false, 0)));
        assertEquals(List.of("url:gis.error.external.xyzTemplate"), errors(new ExternalLayer(0, "x", ExternalLayerKind.XYZ,
                "X", "https://tile.example/tiles.png", List.of(), null, null, null, null, 1, null, Visibility.PUBLIC, false, 0)));
        assertEquals(List.of("key:gis.error.key", "url:gis.error.external.url", "opacity:gis.error.external.opacity"),
                errors(new ExternalLayer(0, "Bad Key", ExternalLayerKind.XYZ, "X", "https:///{z}/{x}/{y}", List.of(), null,
                        null, null, null, 1.5, null, Visibility.PUBLIC, false, 0)));

        gis.externalLayers().save(gis.admin, wms("cadastre", Visibility.PUBLIC, null));
        assertEquals(Reason.CONFLICT, assertThrows(GisException.class,
                () -> gis.externalLayers().save(gis.admin, wms("cadastre", Visibility.PUBLIC, null))).reason());
        assertEquals(Reason.FORBIDDEN, assertThrows(GisException.class,
                () -> gis.externalLayers().save(gis.editor, wms("other", Visibility.PUBLIC, null))).reason());
        assertEquals(Reason.FORBIDDEN, assertThrows(GisException.class,
                () -> gis.externalLayers().capabilities(gis.editor, ExternalLayerKind.WMS, "https://a.example/wms")).reason());
        assertEquals(Reason.NOT_FOUND, assertThrows(GisException.class,
                () -> gis.externalLayers().save(gis.admin, wms("grouped", Visibility.PUBLIC, 999_999L))).reason());
    }

    @Test
    void findsByKeyAndTellsTheEmployeesLayerFromNone() {
        ExternalLayer open = gis.externalLayers().save(gis.admin, wms("cadastre", Visibility.PUBLIC, null));
        ExternalLayer inner = gis.externalLayers().save(gis.admin, wms("inner", Visibility.EMPLOYEES, null));
        assertEquals(open, gis.externalLayers().findByKey(null, "cadastre").orElseThrow());
        assertEquals(inner, gis.externalLayers().findByKey(gis.viewer, "inner").orElseThrow());
        assertEquals(Reason.FORBIDDEN, assertThrows(GisException.class,
                () -> gis.externalLayers().findByKey(null, "inner")).reason());
        assertEquals(Reason.FORBIDDEN, assertThrows(GisException.class,
                () -> gis.externalLayers().findByKey(gis.stranger, "inner")).reason());
        assertTrue(gis.externalLayers().findByKey(gis.viewer, "none").isEmpty());
        assertTrue(gis.externalLayers().findByKey(null, null).isEmpty());
        // the map's addresses: the portal's proxy for proxied layers, the service itself for linked ones
        assertEquals("/api/gis/proxy/cadastre/wms", open.clientUrl());
        ExternalLayer linked = gis.externalLayers().save(gis.admin, new ExternalLayer(0, "osm", ExternalLayerKind.XYZ,
                "OpenStreetMap", "https://tile.example/{z}/{x}/{y}.png", List.of(), null, null, null, null, 1, null,
                Visibility.PUBLIC, false, 0));
        assertEquals("https://tile.example/{z}/{x}/{y}.png", linked.clientUrl());
        ExternalLayer proxiedTiles = gis.externalLayers().save(gis.admin, new ExternalLayer(linked.id(), "osm",
                ExternalLayerKind.XYZ, "OpenStreetMap", linked.url(), List.of(), null, null, null, null, 1, null,
                Visibility.PUBLIC, true, linked.version()));
        assertEquals("/api/gis/proxy/osm/{z}/{x}/{y}", proxiedTiles.clientUrl());

        // a WMTS's RESTful template and a TMS row ({-y}) are addresses the registry keeps
        ExternalLayer rest = gis.externalLayers().save(gis.admin, new ExternalLayer(0, "ortho", ExternalLayerKind.WMTS,
                "Ортофото", "https://ortho.example/wmts/{Style}/{TileMatrixSet}/{TileMatrix}/{TileRow}/{TileCol}.jpeg",
                List.of("ortho2023"), "image/jpeg", null, "GoogleMapsCompatible", null, 1, null, Visibility.PUBLIC, true, 0));
        assertEquals("/api/gis/proxy/ortho/{z}/{x}/{y}", rest.clientUrl());
        assertEquals("https://tms.example/{z}/{x}/{-y}.png", gis.externalLayers().save(gis.admin, new ExternalLayer(0,
                "tms", ExternalLayerKind.XYZ, "TMS", "https://tms.example/{z}/{x}/{-y}.png", List.of(), null, null, null,
                null, 1, null, Visibility.PUBLIC, false, 0)).clientUrl());
    }

    private List<String> errors(ExternalLayer layer) {
        GisException e = assertThrows(GisException.class, () -> gis.externalLayers().save(gis.admin, layer));
        return e.errors().stream().map(x -> x.field() + ":" + x.messageKey()).toList();
    }
}
