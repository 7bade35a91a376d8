package ua.hromada.gis.exchange.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import ua.hromada.gis.exchange.ImportFormat;
import ua.hromada.gis.exchange.ImportOptions;
import ua.hromada.gis.exchange.ImportedDataset;

class GeoJsonImportTest {

    @Test
    void featureCollectionInWgs84WithAttributesAndPerRowErrors() {
        String json = """
                {"type":"FeatureCollection","features":[
                 {"type":"Feature","geometry":{"type":"Point","coordinates":[34.5514,49.5883]},
                  "properties":{"назва":"Будинок Котляревського","площа":120.50,"поверхи":2,"охорона":true,"примітка":null}},
                 {"type":"Feature","geometry":{"type":"Polygon","coordinates":[[[34.55,49.58],[34.56,49.58],[34.56,49.59],[34.55,49.59],[34.55,49.58]]]},
                  "properties":{"назва":"Зона"}},
                 {"type":"Feature","geometry":{"type":"Point","coordinates":["34,55",49.5]},"properties":{"назва":"кома"}},
                 {"type":"Feature","geometry":null,"properties":{"назва":"без геометрії"}},
                 {"type":"Feature","geometry":{"type":"Polygon","coordinates":[[[34.55,49.58],[34.56,49.58],[34.56,49.59],[34.55,49.59]]]},"properties":{}},
                 {"type":"Feature","geometry":{"type":"Point","coordinates":[3455140.0,5498830.0]},"properties":{}},
                 {"type":"Feature","geometry":{"type":"Polygon","coordinates":[[[0,0],[2,2],[2,0],[0,2],[0,0]]]},"properties":{}},
                 {"type":"Feature","geometry":{"type":"Circle","coordinates":[1,2]},"properties":{}}
                ]}""";
        ImportedDataset d = Exchange.read(ImportFormat.GEOJSON, json);
        assertEquals(List.of(), d.fileErrors());
        assertEquals(4326, d.sourceSrid());
        assertEquals(List.of("назва", "площа", "поверхи", "охорона"), d.attributeNames());
        assertEquals(8, d.rows().size());
        var first = d.rows().get(0);
        assertTrue(first.ok(), first.errors().toString());
        assertEquals("{\"type\":\"Point\",\"coordinates\":[34.5514,49.5883]}", first.geometry());
        assertEquals(4326, first.srid());
        assertEquals("Будинок Котляревського", first.attributes().get("назва"));
        assertEquals("120.5", first.attributes().get("площа"));
        assertEquals("2", first.attributes().get("поверхи"));
        assertEquals("true", first.attributes().get("охорона"));
        assertEquals(false, first.attributes().containsKey("примітка"));
        assertTrue(d.rows().get(1).ok());
        assertEquals(List.of("gis.exchange.row.badCoordinate"), Exchange.rowErrors(d, 2));
        assertNull(d.rows().get(2).geometry());
        assertEquals(List.of("gis.exchange.row.noGeometry"), Exchange.rowErrors(d, 3));
        assertEquals(List.of("gis.exchange.row.ringNotClosed"), Exchange.rowErrors(d, 4));
        assertEquals(List.of("gis.exchange.row.outOfRange"), Exchange.rowErrors(d, 5));
        assertEquals(List.of("gis.exchange.row.invalid.5"), Exchange.rowErrors(d, 6));
        assertEquals(List.of("1 1"), d.rows().get(6).errors().get(0).args());
        assertEquals(List.of("gis.exchange.row.unknownGeometryType"), Exchange.rowErrors(d, 7));
        assertEquals(8, d.rows().get(7).number());
        assertEquals(6, d.rowsWithErrors());
        assertEquals(false, d.ok());
        Exchange.assertTexts(d);
    }

    @Test
    void crsMemberInUcs2000IsHonouredAndNotRangeChecked() {
        String json = """
                {"type":"FeatureCollection",
                 "crs":{"type":"name","properties":{"name":"urn:ogc:def:crs:EPSG::6385"}},
                 "features":[{"type":"Feature","geometry":{"type":"Point","coordinates":[340512.25,5494731.5]},"properties":{"n":1}}]}""";
        ImportedDataset d = Exchange.read(ImportFormat.GEOJSON, json);
        assertEquals(6385, d.sourceSrid());
        assertTrue(d.ok(), Exchange.keys(d));
        assertEquals(6385, d.rows().get(0).srid());
        assertEquals("{\"type\":\"Point\",\"coordinates\":[340512.25,5494731.5]}", d.rows().get(0).geometry());
    }

    @Test
    void theUsersCoordinateSystemWinsAndAnUnknownCrsIsAFileError() {
        String json = """
                {"type":"FeatureCollection","crs":{"type":"name","properties":{"name":"LOCAL_CS[\\"плани БТІ\\"]"}},
                 "features":[{"type":"Feature","geometry":{"type":"Point","coordinates":[5000.0,7000.0]},"properties":{}}]}""";
        ImportedDataset unknown = Exchange.read(ImportFormat.GEOJSON, json);
        assertEquals(List.of("gis.exchange.file.unknownCrs"), Exchange.fileErrors(unknown));
        assertNull(unknown.sourceSrid());
        assertEquals(1, unknown.rows().size());
        Exchange.assertTexts(unknown);
        ImportedDataset chosen = Exchange.read(ImportFormat.GEOJSON, json.getBytes(StandardCharsets.UTF_8),
                ImportOptions.detect().withSrid(5565));
        assertEquals(5565, chosen.sourceSrid());
        assertTrue(chosen.ok(), Exchange.keys(chosen));
    }

    @Test
    void aSingleFeatureAndABareGeometryAreOneRow() {
        ImportedDataset feature = Exchange.read(ImportFormat.GEOJSON,
                "{\"properties\":{\"a\":\"b\"},\"type\":\"Feature\",\"geometry\":{\"type\":\"LineString\",\"coordinates\":[[30,50],[31,51]]}}");
        assertTrue(feature.ok(), Exchange.keys(feature));
        assertEquals("b", feature.rows().get(0).attributes().get("a"));
        ImportedDataset geometry = Exchange.read(ImportFormat.GEOJSON,
                "{\"type\":\"MultiPoint\",\"coordinates\":[[30,50],[31,51]]}");
        assertTrue(geometry.ok(), Exchange.keys(geometry));
        assertEquals("{\"type\":\"MultiPoint\",\"coordinates\":[[30.0,50.0],[31.0,51.0]]}", geometry.rows().get(0).geometry());
    }

    @Test
    void brokenFilesAreOneFileErrorEach() {
        ImportedDataset invalid = Exchange.read(ImportFormat.GEOJSON, "{\"type\":\"FeatureCollection\",\n\"features\":[{]}");
        assertEquals(List.of("gis.exchange.file.badJson"), Exchange.fileErrors(invalid));
        assertEquals(List.of("2", "14"), invalid.fileErrors().get(0).args());
        assertEquals(List.of(), invalid.rows());
        Exchange.assertTexts(invalid);
        assertEquals(List.of("gis.exchange.geojson.notFeatureCollection"),
                Exchange.fileErrors(Exchange.read(ImportFormat.GEOJSON, "[1,2,3]")));
        assertEquals(List.of("gis.exchange.geojson.notFeatureCollection"),
                Exchange.fileErrors(Exchange.read(ImportFormat.GEOJSON, "{\"type\":\"Topology\"}")));
        assertEquals(List.of("gis.exchange.file.badJson"),
                Exchange.fileErrors(Exchange.read(ImportFormat.GEOJSON, new byte[] {'P', 'K', 3, 4, 0, 0}, ImportOptions.detect())));
    }

    @Test
    void theSizeIsCountedWhileReadingAndTheRowsAreLimited() {
        GisExchangeService small = new GisExchangeService(new Limits(1000, 1000, 2, Duration.ofSeconds(5)), Tools.fromEnvironment(""));
        // an endless stream: only the counting stops it
        InputStream endless = new InputStream() {
            private final byte[] start = "{\"type\":\"FeatureCollection\",\"features\":[".getBytes(StandardCharsets.US_ASCII);
            private int i;

            @Override
            public int read() {
                return i < start.length ? start[i++] : ' ';
            }
        };
        ImportedDataset tooLarge = small.read(ImportFormat.GEOJSON, endless, ImportOptions.detect());
        assertEquals(List.of("gis.exchange.file.tooLarge"), Exchange.fileErrors(tooLarge));
        Exchange.assertTexts(tooLarge);
        String three = "{\"type\":\"FeatureCollection\",\"features\":["
                + "{\"type\":\"Feature\",\"geometry\":null,\"properties\":{}},".repeat(2)
                + "{\"type\":\"Feature\",\"geometry\":null,\"properties\":{}}]}";
        ImportedDataset tooMany = small.read(ImportFormat.GEOJSON, new ByteArrayInputStream(three.getBytes(StandardCharsets.US_ASCII)), null);
        assertEquals(List.of("gis.exchange.file.tooManyRows"), Exchange.fileErrors(tooMany));
        assertEquals(List.of("2"), tooMany.fileErrors().get(0).args());
    }
}
