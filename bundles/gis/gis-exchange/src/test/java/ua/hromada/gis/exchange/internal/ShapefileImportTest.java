package ua.hromada.gis.exchange.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ua.hromada.gis.exchange.GisExchange;
import ua.hromada.gis.exchange.ImportFormat;
import ua.hromada.gis.exchange.ImportOptions;
import ua.hromada.gis.exchange.ImportedDataset;

/**
 * Shapefiles made by GDAL's ogr2ogr in the test (Debian gdal-bin; .ci/run installs it), zipped as a
 * user would upload them, and read back through ogr2ogr.
 */
class ShapefileImportTest {
    /** UCS-2000 / Ukraine TM zone 11 (EPSG:6385) as ArcGIS and QGIS write it. */
    static final String UCS2000_TM11_ESRI = "PROJCS[\"Ukraine_2000_TM_Zone_11\",GEOGCS[\"GCS_Ukraine_2000\","
            + "DATUM[\"D_Ukraine_2000\",SPHEROID[\"Krasovsky_1940\",6378245.0,298.3]],PRIMEM[\"Greenwich\",0.0],"
            + "UNIT[\"Degree\",0.0174532925199433]],PROJECTION[\"Transverse_Mercator\"],PARAMETER[\"False_Easting\",300000.0],"
            + "PARAMETER[\"False_Northing\",0.0],PARAMETER[\"Central_Meridian\",33.0],PARAMETER[\"Scale_Factor\",1.0],"
            + "PARAMETER[\"Latitude_Of_Origin\",0.0],UNIT[\"Meter\",1.0]]";
    private static final String FEATURES = """
            {"type":"FeatureCollection","features":[
             {"type":"Feature","geometry":{"type":"Polygon","coordinates":[[[340500,5494700],[340600,5494700],[340600,5494800],[340500,5494700]]]},
              "properties":{"назва":"Сквер імені Котляревського","площа":5000.5,"кат":"місцевого значення"}},
             {"type":"Feature","geometry":null,"properties":{"назва":"Без контуру","площа":1,"кат":"щойно виявлений"}},
             {"type":"Feature","geometry":{"type":"Polygon","coordinates":[[[340700,5494700],[340800,5494800],[340800,5494700],[340700,5494800],[340700,5494700]]]},
              "properties":{"назва":"Вісімка","площа":2,"кат":"—"}}
            ]}""";

    @TempDir
    Path dir;

    @Test
    void ucs2000ShapefileInWindows1251WithItsCpg() throws Exception {
        Path shp = shapefile("пам'ятки", "CP1251");
        Files.writeString(sibling(shp, "prj"), UCS2000_TM11_ESRI);
        ImportedDataset d = Exchange.read(ImportFormat.SHAPEFILE, zip(shp, "shp", "shx", "dbf", "prj", "cpg"), ImportOptions.detect());
        assertUcs2000Layer(d);
    }

    @Test
    void windows1251DbfWithoutCpgIsDetected() throws Exception {
        Path shp = shapefile("zones", "CP1251");
        Files.writeString(sibling(shp, "prj"), UCS2000_TM11_ESRI);
        try (RandomAccessFile dbf = new RandomAccessFile(sibling(shp, "dbf").toFile(), "rw")) {
            dbf.seek(29);
            assertEquals(0, dbf.read(), "no language driver byte: only the bytes tell the encoding");
        }
        assertUcs2000Layer(Exchange.read(ImportFormat.SHAPEFILE, zip(shp, "shp", "shx", "dbf", "prj"), ImportOptions.detect()));
    }

    @Test
    void utf8DbfAndFilesInAFolderOfTheZip() throws Exception {
        Path shp = shapefile("layer", "UTF-8");
        Files.writeString(sibling(shp, "prj"), UCS2000_TM11_ESRI);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(bytes)) {
            for (String ext : List.of("shp", "shx", "dbf", "prj", "cpg")) {
                out.putNextEntry(new ZipEntry("export/2024/LAYER." + ext.toUpperCase()));
                out.write(Files.readAllBytes(sibling(shp, ext)));
            }
            out.putNextEntry(new ZipEntry("__MACOSX/export/._LAYER.shp"));
            out.write(new byte[] {0, 5, 22, 7});
        }
        assertUcs2000Layer(Exchange.read(ImportFormat.SHAPEFILE, bytes.toByteArray(), ImportOptions.detect()));
    }

    private static void assertUcs2000Layer(ImportedDataset d) {
        assertEquals(List.of(), d.fileErrors());
        assertEquals(6385, d.sourceSrid());
        assertEquals(List.of("назва", "площа", "кат"), d.attributeNames());
        assertEquals(3, d.rows().size());
        var first = d.rows().get(0);
        assertTrue(first.ok(), Exchange.keys(d));
        assertEquals(6385, first.srid());
        assertEquals("Сквер імені Котляревського", first.attributes().get("назва"));
        assertEquals("місцевого значення", first.attributes().get("кат"));
        assertEquals("5000.5", first.attributes().get("площа"));
        // the Shapefile turns the ring clockwise; the points stay in UCS-2000 metres
        assertEquals("{\"type\":\"Polygon\",\"coordinates\":[[[340500.0,5494700.0],[340600.0,5494800.0],"
                + "[340600.0,5494700.0],[340500.0,5494700.0]]]}", first.geometry());
        assertEquals(List.of("gis.exchange.row.noGeometry"), Exchange.rowErrors(d, 1));
        assertEquals("щойно виявлений", d.rows().get(1).attributes().get("кат"));
        assertEquals(List.of("gis.exchange.row.invalid.5"), Exchange.rowErrors(d, 2));
        assertEquals(3, d.rows().get(2).number());
        Exchange.assertTexts(d);
    }

    @Test
    void withoutPrjTheUserChoosesTheCoordinateSystem() throws Exception {
        Path shp = shapefile("noprj", "UTF-8");
        byte[] zip = zip(shp, "shp", "shx", "dbf", "cpg");
        ImportedDataset unknown = Exchange.read(ImportFormat.SHAPEFILE, zip, ImportOptions.detect());
        assertEquals(List.of("gis.exchange.shapefile.noPrj"), Exchange.fileErrors(unknown));
        assertNull(unknown.sourceSrid());
        assertEquals(3, unknown.rows().size(), "the rows are shown in the preview all the same");
        Exchange.assertTexts(unknown);
        ImportedDataset chosen = Exchange.read(ImportFormat.SHAPEFILE, zip, ImportOptions.detect().withSrid(6385));
        assertEquals(List.of(), chosen.fileErrors());
        assertEquals(6385, chosen.sourceSrid());
    }

    @Test
    void aPrjNeitherWeNorGdalRecogniseIsAFileErrorAndPulkovoIsLeftToGdal() throws Exception {
        Path shp = shapefile("local", "UTF-8");
        Files.writeString(sibling(shp, "prj"), "LOCAL_CS[\"Міська система БТІ\",UNIT[\"Meter\",1.0]]");
        ImportedDataset local = Exchange.read(ImportFormat.SHAPEFILE, zip(shp, "shp", "shx", "dbf", "prj"), ImportOptions.detect());
        assertEquals(List.of("gis.exchange.file.unknownCrs"), Exchange.fileErrors(local));
        assertEquals(List.of("Міська система БТІ"), local.fileErrors().get(0).args());
        // Pulkovo 1942 / Gauss-Kruger zone 7: not ours to recognise, GDAL names it
        Files.writeString(sibling(shp, "prj"), "PROJCS[\"Pulkovo_1942_GK_Zone_7\",GEOGCS[\"GCS_Pulkovo_1942\",DATUM[\"D_Pulkovo_1942\","
                + "SPHEROID[\"Krasovsky_1940\",6378245.0,298.3]],PRIMEM[\"Greenwich\",0.0],UNIT[\"Degree\",0.0174532925199433]],"
                + "PROJECTION[\"Gauss_Kruger\"],PARAMETER[\"False_Easting\",7500000.0],PARAMETER[\"False_Northing\",0.0],"
                + "PARAMETER[\"Central_Meridian\",39.0],PARAMETER[\"Scale_Factor\",1.0],PARAMETER[\"Latitude_Of_Origin\",0.0],UNIT[\"Meter\",1.0]]");
        ImportedDataset pulkovo = Exchange.read(ImportFormat.SHAPEFILE, zip(shp, "shp", "shx", "dbf", "prj"), ImportOptions.detect());
        assertEquals(List.of(), pulkovo.fileErrors());
        assertEquals(28407, pulkovo.sourceSrid());
    }

    @Test
    void brokenArchives() throws Exception {
        assertEquals(List.of("gis.exchange.file.notZip"), Exchange.fileErrors(
                Exchange.read(ImportFormat.SHAPEFILE, "не архів".getBytes(StandardCharsets.UTF_8), ImportOptions.detect())));
        Path shp = shapefile("a", "UTF-8");
        assertEquals(List.of("gis.exchange.shapefile.noShp"), Exchange.fileErrors(
                Exchange.read(ImportFormat.SHAPEFILE, zip(shp, "dbf", "cpg"), ImportOptions.detect())));
        ImportedDataset noShx = Exchange.read(ImportFormat.SHAPEFILE, zip(shp, "shp", "dbf"), ImportOptions.detect());
        assertEquals(List.of("gis.exchange.shapefile.missingPart"), Exchange.fileErrors(noShx));
        assertEquals(List.of("a.shx"), noShx.fileErrors().get(0).args());
        Files.write(shp, new byte[] {1, 2, 3, 4, 5, 6, 7, 8});
        ImportedDataset garbage = Exchange.read(ImportFormat.SHAPEFILE, zip(shp, "shp", "shx", "dbf"), ImportOptions.detect());
        assertEquals(List.of("gis.exchange.ogr.failed"), Exchange.fileErrors(garbage));
        Exchange.assertTexts(garbage);
    }

    @Test
    void severalLayersNeedTheUsersChoice() throws Exception {
        Path a = shapefile("a", "UTF-8");
        Path b = shapefile("b", "UTF-8");
        List<Path> files = new ArrayList<>();
        for (Path shp : List.of(a, b)) {
            for (String ext : List.of("shp", "shx", "dbf", "cpg")) {
                files.add(sibling(shp, ext));
            }
        }
        byte[] zip = zip(files);
        ImportedDataset both = Exchange.read(ImportFormat.SHAPEFILE, zip, ImportOptions.detect().withSrid(6385));
        assertEquals(List.of("gis.exchange.shapefile.severalLayers"), Exchange.fileErrors(both));
        assertEquals(List.of("a, b"), both.fileErrors().get(0).args());
        ImportedDataset chosen = Exchange.read(ImportFormat.SHAPEFILE, zip, ImportOptions.detect().withSrid(6385).withLayer("b.shp"));
        assertEquals(List.of(), chosen.fileErrors());
        assertEquals(3, chosen.rows().size());
    }

    @Test
    void aZipBombStopsAtTheUnpackedLimit() throws Exception {
        Path shp = shapefile("bomb", "UTF-8");
        Files.write(sibling(shp, "dbf"), new byte[5 << 20]);
        byte[] zip = zip(shp, "shp", "shx", "dbf");
        assertTrue(zip.length < 100_000, "5 MB of zeros pack small");
        GisExchange limited = new GisExchangeService(new Limits(1 << 20, 1 << 20, 100, Duration.ofSeconds(30)), Tools.fromEnvironment(""));
        ImportedDataset d = limited.read(ImportFormat.SHAPEFILE, new java.io.ByteArrayInputStream(zip), ImportOptions.detect());
        assertEquals(List.of("gis.exchange.file.tooLargeUnpacked"), Exchange.fileErrors(d));
        Exchange.assertTexts(d);
    }

    @Test
    void withoutOgr2ogrShapefileAndDxfAreRefusedByName() throws Exception {
        Path shp = shapefile("a", "UTF-8");
        byte[] zip = zip(shp, "shp", "shx", "dbf");
        GisExchange withoutGdal = new GisExchangeService(Exchange.LIMITS, new Tools("", dir.resolve("empty-bin").toString()));
        assertFalse(withoutGdal.readableFormats().contains(ImportFormat.SHAPEFILE));
        assertFalse(withoutGdal.readableFormats().contains(ImportFormat.DXF));
        assertTrue(withoutGdal.readableFormats().contains(ImportFormat.CSV));
        assertTrue(Exchange.service().readableFormats().contains(ImportFormat.SHAPEFILE), "the test machine has gdal-bin");
        ImportedDataset d = withoutGdal.read(ImportFormat.SHAPEFILE, new java.io.ByteArrayInputStream(zip), ImportOptions.detect());
        assertEquals(List.of("gis.exchange.ogr.missing"), Exchange.fileErrors(d));
        assertEquals(List.of("Shapefile"), d.fileErrors().get(0).args());
        String text = java.util.ResourceBundle.getBundle("i18n.gis-exchange").getString("gis.exchange.ogr.missing");
        assertTrue(text.contains("gdal-bin") && text.contains("ogr2ogr"), text);
    }

    /** A Shapefile of {@link #FEATURES} written by ogr2ogr with the DBF in the given encoding. */
    private Path shapefile(String name, String encoding) throws IOException, InterruptedException {
        Path source = dir.resolve(name + ".geojson");
        Files.writeString(source, FEATURES);
        Path shp = dir.resolve(name + ".shp");
        Process p = new ProcessBuilder("ogr2ogr", "-f", "ESRI Shapefile", shp.toString(), source.toString(),
                "-lco", "ENCODING=" + encoding, "-nlt", "POLYGON").redirectErrorStream(true).start();
        String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), log);
        return shp;
    }

    private static Path sibling(Path shp, String ext) {
        String name = shp.getFileName().toString();
        return shp.resolveSibling(name.substring(0, name.length() - 3) + ext);
    }

    private static byte[] zip(Path shp, String... exts) throws IOException {
        List<Path> files = new ArrayList<>();
        for (String ext : exts) {
            files.add(sibling(shp, ext));
        }
        return zip(files);
    }

    private static byte[] zip(List<Path> files) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(bytes)) {
            for (Path f : files) {
                out.putNextEntry(new ZipEntry(f.getFileName().toString()));
                out.write(Files.readAllBytes(f));
            }
        }
        return bytes.toByteArray();
    }
}
