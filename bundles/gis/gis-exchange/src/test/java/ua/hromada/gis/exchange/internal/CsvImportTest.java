package ua.hromada.gis.exchange.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import ua.hromada.gis.exchange.ImportFormat;
import ua.hromada.gis.exchange.ImportOptions;
import ua.hromada.gis.exchange.ImportedDataset;

class CsvImportTest {

    @Test
    void excelStyleSemicolonsDecimalCommasAndUkrainianColumnNames() {
        String csv = """
                Назва;Довгота;Широта;Категорія
                "Садиба; флігель";34,5514;49,5883;місцевого значення
                Ротонда дружби народів;34.5421;49.5937;

                Без координат;;;національного значення
                Погана;34,55x;49,59;місцевого значення
                """;
        ImportedDataset d = Exchange.read(ImportFormat.CSV, csv);
        assertEquals(List.of(), d.fileErrors());
        assertEquals(List.of("Назва", "Категорія"), d.attributeNames());
        assertEquals(4, d.rows().size());
        var first = d.rows().get(0);
        assertTrue(first.ok(), Exchange.keys(d));
        assertEquals(2, first.number());
        assertEquals("{\"type\":\"Point\",\"coordinates\":[34.5514,49.5883]}", first.geometry());
        assertEquals("Садиба; флігель", first.attributes().get("Назва"));
        assertEquals(false, d.rows().get(1).attributes().containsKey("Категорія"));
        assertEquals(5, d.rows().get(2).number(), "the empty line counts");
        assertEquals(List.of("gis.exchange.row.noGeometry"), Exchange.rowErrors(d, 2));
        assertEquals(List.of("gis.exchange.row.badCoordinate"), Exchange.rowErrors(d, 3));
        assertEquals(List.of("34,55x"), d.rows().get(3).errors().get(0).args());
        assertNull(d.rows().get(3).geometry());
        Exchange.assertTexts(d);
    }

    @Test
    void windows1251FileIsDetected() {
        String csv = "назва,lon,lat\r\nСквер Перемоги,34.55,49.58\r\nМісток через Ворсклу,34.60,49.59\r\n";
        ImportedDataset d = Exchange.read(ImportFormat.CSV, csv.getBytes(Exchange.CP1251), ImportOptions.detect());
        assertTrue(d.ok(), Exchange.keys(d) + d.fileErrors());
        assertEquals(List.of("назва"), d.attributeNames());
        assertEquals("Сквер Перемоги", d.rows().get(0).attributes().get("назва"));
        assertEquals("Місток через Ворсклу", d.rows().get(1).attributes().get("назва"));
        // read as UTF-8 on the user's word it must not pass with broken letters
        ImportedDataset forced = Exchange.read(ImportFormat.CSV, csv.getBytes(Exchange.CP1251), ImportOptions.detect().withCharset("UTF-8"));
        assertEquals(List.of("gis.exchange.file.badEncoding"), Exchange.fileErrors(forced));
        Exchange.assertTexts(forced);
    }

    @Test
    void wktColumnWithTabsEwktAndBadWkt() {
        String csv = "id\tWKT\tnote\n"
                + "1\tPOLYGON ((30 50, 31 50, 31 51, 30 50))\tтрикутник\n"
                + "2\tSRID=6385;POINT (340512.25 5494731.5)\tУСК-2000\n"
                + "3\tPOLYGON ((30 50, 31 50\tзламаний\n"
                + "4\tLINESTRING (30 50, 31 51)\textra\tfield\n";
        ImportedDataset d = Exchange.read(ImportFormat.CSV, csv);
        assertEquals(List.of(), d.fileErrors());
        assertEquals(List.of("id", "note"), d.attributeNames());
        assertTrue(d.rows().get(0).ok());
        assertEquals("{\"type\":\"Polygon\",\"coordinates\":[[[30.0,50.0],[31.0,50.0],[31.0,51.0],[30.0,50.0]]]}", d.rows().get(0).geometry());
        assertTrue(d.rows().get(1).ok(), Exchange.keys(d));
        assertEquals(6385, d.rows().get(1).srid());
        assertEquals(List.of("gis.exchange.row.badWkt"), Exchange.rowErrors(d, 2));
        assertEquals(List.of("gis.exchange.row.columnCount"), Exchange.rowErrors(d, 3));
        Exchange.assertTexts(d);
    }

    @Test
    void theUserNamesTheColumnsAndTheCoordinateSystem() {
        String csv = "Об'єкт,E,N\nШкола №1,340512.25,5494731.5\n";
        ImportedDataset none = Exchange.read(ImportFormat.CSV, csv);
        assertEquals(List.of("gis.exchange.csv.noGeometryColumns"), Exchange.fileErrors(none));
        assertEquals(List.of("Об'єкт, E, N"), none.fileErrors().get(0).args());
        Exchange.assertTexts(none);
        ImportedDataset wgs = Exchange.read(ImportFormat.CSV, csv.getBytes(StandardCharsets.UTF_8),
                ImportOptions.detect().withLonLat("e", "N"));
        assertEquals(List.of("gis.exchange.row.outOfRange"), Exchange.rowErrors(wgs, 0));
        ImportedDataset ucs = Exchange.read(ImportFormat.CSV, csv.getBytes(StandardCharsets.UTF_8),
                ImportOptions.detect().withLonLat("E", "N").withSrid(6385));
        assertTrue(ucs.ok(), Exchange.keys(ucs));
        assertEquals(6385, ucs.sourceSrid());
        assertEquals(6385, ucs.rows().get(0).srid());
        assertEquals(List.of("gis.exchange.csv.noSuchColumn"), Exchange.fileErrors(Exchange.read(ImportFormat.CSV,
                csv.getBytes(StandardCharsets.UTF_8), ImportOptions.detect().withWkt("geometry"))));
    }

    @Test
    void brokenAndEmptyFiles() {
        assertEquals(List.of("gis.exchange.csv.empty"), Exchange.fileErrors(Exchange.read(ImportFormat.CSV, "")));
        ImportedDataset unclosed = Exchange.read(ImportFormat.CSV, "lon;lat;name\n30;50;\"не закрито\n31;51;x\n");
        assertEquals(List.of("gis.exchange.csv.malformed"), Exchange.fileErrors(unclosed));
        Exchange.assertTexts(unclosed);
    }
}
