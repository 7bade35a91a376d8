package ua.hromada.gis.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import ua.hromada.gis.api.ExternalLayer;
import ua.hromada.gis.api.ExternalLayerKind;
import ua.hromada.gis.api.Visibility;

/** What the service is asked, decided from the registry and the checked view alone (no network, no database). */
class UpstreamAddressTest {

    private static final ExternalLayer STYLED = new ExternalLayer(1, "landuse", ExternalLayerKind.WMS, "Землі",
            "https://geo.example/ows", List.of("landuse", "parcels"), "image/png; mode=8bit", "сірий", null, null, 1,
            null, Visibility.PUBLIC, true, 0);

    @Test
    void theRegisteredStyleForEveryLayerAndTheRegisteredFormat() {
        assertEquals("https://geo.example/ows?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetMap&LAYERS=parcels,landuse"
                + "&STYLES=%D1%81%D1%96%D1%80%D0%B8%D0%B9,%D1%81%D1%96%D1%80%D0%B8%D0%B9&CRS=EPSG:3857"
                + "&BBOX=-20037508.34,0,0,20037508.34&WIDTH=256&HEIGHT=256&FORMAT=image/png%3B%20mode%3D8bit",
                wms("LAYERS", "parcels,landuse", "STYLES", "other", "CRS", "epsg:3857",
                        "BBOX", "-20037508.34,0,0,20037508.34", "WIDTH", "256", "HEIGHT", "256"));
        assertEquals("https://geo.example/ows?SERVICE=WMS&VERSION=1.1.1&REQUEST=GetLegendGraphic&LAYER=landuse"
                + "&STYLE=%D1%81%D1%96%D1%80%D0%B8%D0%B9&FORMAT=image/gif&WIDTH=20&SCALE=5000.5",
                wms("REQUEST", "getlegendgraphic", "VERSION", "1.1.1", "FORMAT", "image/gif", "WIDTH", "20",
                        "SCALE", "5000.5"));
        assertEquals(400, assertThrows(ProxyError.class, () -> wms("REQUEST", "GetLegendGraphic", "SCALE", "1;DROP"))
                .status());
    }

    @Test
    void tileMatricesAndTemplates() {
        assertEquals("EPSG:900913:", UpstreamAddress.matrixPrefix("EPSG:900913"));
        assertEquals("", UpstreamAddress.matrixPrefix("GoogleMapsCompatible"));
        assertEquals("", UpstreamAddress.matrixPrefix("EPSG:3857:custom"));
        ExternalLayer xyz = new ExternalLayer(2, "osm", ExternalLayerKind.XYZ, "OSM", "https://{s}.tile.example/{z}/{x}/{y}.png",
                List.of(), null, null, null, null, 1, null, Visibility.PUBLIC, true, 0);
        assertEquals("https://a.tile.example/4/15/0.png",
                UpstreamAddress.of(xyz, ProxyPath.parse("/osm/4/15/0"), Map.of()).toString());
        // a WMS has no tiles, a tiled layer no WMS address
        assertEquals(404, assertThrows(ProxyError.class,
                () -> UpstreamAddress.of(xyz, ProxyPath.parse("/osm/wms"), Map.of())).status());
        assertEquals(404, assertThrows(ProxyError.class,
                () -> UpstreamAddress.of(STYLED, ProxyPath.parse("/landuse/1/0/0"), Map.of())).status());
    }

    private static String wms(String... nameValues) {
        Map<String, String[]> query = new LinkedHashMap<>();
        for (int i = 0; i < nameValues.length; i += 2) {
            query.put(nameValues[i], new String[] { nameValues[i + 1] });
        }
        return UpstreamAddress.of(STYLED, ProxyPath.parse("/landuse/wms"), query).toString();
    }
}
