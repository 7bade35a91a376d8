package ua.hromada.gis.ogc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import ua.hromada.gis.api.FeatureQuery;

/**
 * GDAL's OAPIF driver (Debian gdal-bin's {@code ogrinfo}, as QGIS uses the same driver family)
 * reads the API: it lists the public collections only, its feature count of a layer is the
 * database's, it pages through every object by the {@code next} links, and a box it sends as
 * {@code bbox} selects what the database selects.
 */
class OgrInfoTest extends OgcFixtureTest {

    @Test
    void listsThePublicCollections() throws Exception {
        String out = ogrinfo("-ro", "-q", source());
        List<String> layers = new ArrayList<>();
        Matcher m = Pattern.compile("(?m)^\\d+: (\\S+)").matcher(out);
        while (m.find()) {
            layers.add(m.group(1));
        }
        assertEquals(List.of("parks", "places").stream().sorted().toList(), layers.stream().sorted().toList(), out);
        assertFalse(out.contains("inspections"), out);
    }

    @Test
    void featureCountIsTheDatabases() throws Exception {
        long inDatabase = f.gis.features().queryPublic(FeatureQuery.all(f.places.id()).page(0, 1)).total();
        assertEquals(25, inDatabase);
        String out = ogrinfo("-ro", "-so", source(), "places");
        assertEquals(inDatabase, count(out), out);
        assertTrue(out.contains("Geometry: Point"), out);
        assertTrue(out.contains("Extent: (34.500000, 49.590000) - (34.740000, 49.614000)"), out);
        assertTrue(out.contains("opened: Date"), out);
        assertTrue(out.contains("visitors: Integer") || out.contains("visitors: Real"), out);
    }

    @Test
    void readsEveryObjectPageByPage() throws Exception {
        // GDAL asks 10 at a time by default (the spec's default limit) and follows the next links
        String out = ogrinfo("-ro", "-al", "-q", source(), "places");
        assertEquals(25, occurrences(out, "OGRFeature(places):"), out);
        for (int i = 0; i < 25; i++) {
            assertTrue(out.contains("name (String) = Місце " + i + "\n"), "object " + i + " read");
        }
        String parks = ogrinfo("-ro", "-al", "-q", source(), "parks");
        assertEquals(2, occurrences(parks, "OGRFeature(parks):"), parks);
        assertTrue(parks.contains("POLYGON ((34.4 49.5,"), parks);
    }

    @Test
    void spatialFilterIsSentAsBbox() throws Exception {
        String out = ogrinfo("-ro", "-so", "-spat", "34.515", "49.5", "34.545", "49.7", source(), "places");
        assertEquals(3, count(out), out);
    }

    private static String source() {
        return "OAPIF:" + f.base();
    }

    private static long count(String ogrinfo) {
        Matcher m = Pattern.compile("Feature Count: (\\d+)").matcher(ogrinfo);
        assertTrue(m.find(), ogrinfo);
        return Long.parseLong(m.group(1));
    }

    private static int occurrences(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }

    /** Runs ogrinfo and returns what it printed; fails on a non-zero exit, a hang or a missing GDAL. */
    private static String ogrinfo(String... args) throws Exception {
        List<String> command = new ArrayList<>();
        command.add("ogrinfo");
        command.addAll(List.of(args));
        java.nio.file.Path output = java.nio.file.Files.createTempFile("ogrinfo", ".txt");
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile());
        // the local server is never reached through a proxy the environment may name
        pb.environment().put("NO_PROXY", "127.0.0.1,localhost");
        pb.environment().put("no_proxy", "127.0.0.1,localhost");
        Process p;
        try {
            p = pb.start();
        } catch (IOException e) {
            java.nio.file.Files.deleteIfExists(output);
            return fail("ogrinfo is not on the PATH: install Debian's gdal-bin (.ci/run does) — the OGC API is "
                    + "checked with GDAL's OAPIF driver (" + e.getMessage() + ")");
        }
        p.getOutputStream().close();
        boolean finished = p.waitFor(120, TimeUnit.SECONDS);
        if (!finished) {
            p.destroyForcibly();
        }
        String text = java.nio.file.Files.readString(output, StandardCharsets.UTF_8);
        java.nio.file.Files.deleteIfExists(output);
        assertTrue(finished, "ogrinfo did not finish in 2 minutes: " + String.join(" ", command) + "\n" + text);
        assertEquals(0, p.exitValue(), String.join(" ", command) + "\n" + text);
        return text;
    }
}
