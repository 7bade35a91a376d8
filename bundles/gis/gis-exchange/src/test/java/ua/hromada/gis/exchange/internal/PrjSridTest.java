package ua.hromada.gis.exchange.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

import org.junit.jupiter.api.Test;

/**
 * The .prj recognition against GDAL's own definitions (gdalsrsinfo, Debian gdal-bin): each UCS-2000
 * code as ESRI writes it (no AUTHORITY, ESRI names), as OGC WKT 1 with and without its AUTHORITY.
 */
class PrjSridTest {

    @Test
    void everyUcs2000CodeIsRecognisedInEachDialect() throws Exception {
        List<Integer> codes = new ArrayList<>(List.of(5561));
        for (int c = 5562; c <= 5583; c++) {
            codes.add(c);
        }
        for (int c = 6381; c <= 6387; c++) {
            codes.add(c);
        }
        for (int code : codes) {
            String esri = gdal("wkt_esri", code);
            assertEquals(OptionalInt.of(code), PrjSrid.srid(esri), "ESRI " + code + ": " + esri);
            String ogc = gdal("wkt1", code);
            assertEquals(OptionalInt.of(code), PrjSrid.srid(ogc), "OGC " + code);
            String bare = ogc.replaceAll(",\\s*AUTHORITY\\[\"EPSG\",\"\\d+\"\\]", "");
            assertEquals(OptionalInt.of(code), PrjSrid.srid(bare), "OGC without AUTHORITY " + code + ": " + bare);
        }
    }

    @Test
    void wgs84AndItsProjections() throws Exception {
        for (int code : List.of(4326, 32635, 32636, 32637, 3857)) {
            assertEquals(OptionalInt.of(code), PrjSrid.srid(gdal("wkt_esri", code)), "ESRI " + code);
        }
    }

    @Test
    void pulkovoAndGarbageAreNotGuessed() throws Exception {
        assertEquals(OptionalInt.empty(), PrjSrid.srid(gdal("wkt_esri", 28407)));
        assertEquals(OptionalInt.empty(), PrjSrid.srid(gdal("wkt_esri", 2587)));
        assertEquals(OptionalInt.empty(), PrjSrid.srid("LOCAL_CS[\"БТІ\"]"));
        assertEquals(OptionalInt.empty(), PrjSrid.srid("PROJCS[\"unclosed\",GEOGCS["));
        assertEquals(OptionalInt.empty(), PrjSrid.srid(""));
    }

    private static String gdal(String format, int code) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder("gdalsrsinfo", "-o", format, "EPSG:" + code);
        // the deprecated 3-degree codes as they are, not their replacements
        builder.environment().put("OSR_USE_NON_DEPRECATED", "NO");
        Process p = builder.redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertEquals(0, p.waitFor(), "gdalsrsinfo " + code);
        return out;
    }
}
