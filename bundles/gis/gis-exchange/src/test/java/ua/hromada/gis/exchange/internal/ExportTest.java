package ua.hromada.gis.exchange.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import ua.hromada.gis.exchange.ExportColumn;
import ua.hromada.gis.exchange.ExportFeature;
import ua.hromada.gis.exchange.ExportFormat;
import ua.hromada.gis.exchange.ExportLayer;
import ua.hromada.gis.exchange.GisExchange;
import ua.hromada.gis.exchange.ImportFormat;
import ua.hromada.gis.exchange.ImportOptions;
import ua.hromada.gis.exchange.ImportedDataset;
import ua.hromada.gis.exchange.ImportedRow;

/** Each format written and read back (GeoJSON, KML, CSV by this bundle's readers; XLSX by Apache POI). */
class ExportTest {
    private static final String POINT = "{\"type\":\"Point\",\"coordinates\":[34.5514,49.5883]}";
    private static final String POLYGON_WITH_HOLE = "{\"type\":\"Polygon\",\"coordinates\":[[[30.0,50.0],[31.0,50.0],[31.0,51.0],[30.0,51.0],[30.0,50.0]],"
            + "[[30.2,50.2],[30.4,50.2],[30.4,50.4],[30.2,50.2]]]}";
    private static final String MULTI_LINE = "{\"type\":\"MultiLineString\",\"coordinates\":[[[30.00001,50.0],[31.0,51.0]],[[32.0,52.0],[33.0,53.0]]]}";
    private static final List<ExportColumn> COLUMNS = List.of(
            new ExportColumn("name", "Назва"), new ExportColumn("register_no", "Номер у реєстрі"),
            new ExportColumn("area", "Площа, м²"), new ExportColumn("listed", "Дата взяття на облік"));

    private static ExportLayer layer() {
        return new ExportLayer("Об’єкти культурної спадщини: Полтава", COLUMNS, List.of(
                feature("1", POINT, "Будинок-музей І. П. Котляревського", "5300-Пл", new BigDecimal("120.50"), LocalDate.of(1963, 8, 24)),
                feature("2", POLYGON_WITH_HOLE, "Садиба; \"флігель\"\nз двором", null, 5000L, null),
                feature("3", MULTI_LINE, "Алея", "", 0.5, LocalDate.of(2001, 1, 2))));
    }

    private static ExportFeature feature(String id, String geometry, String name, String number, Object area, LocalDate listed) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("name", name);
        values.put("register_no", number);
        values.put("area", area);
        values.put("listed", listed);
        return new ExportFeature(id, geometry, values);
    }

    private static byte[] write(ExportFormat format) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Exchange.service().write(format, layer(), out);
        return out.toByteArray();
    }

    @Test
    void geoJsonIsRfc7946AndReadsBack() throws IOException {
        byte[] bytes = write(ExportFormat.GEOJSON);
        JsonNode json = new ObjectMapper().readTree(bytes);
        assertEquals("FeatureCollection", json.get("type").asText());
        assertEquals(false, json.has("crs"), "RFC 7946: WGS 84, no crs member");
        JsonNode first = json.get("features").get(0);
        assertEquals("1", first.get("id").asText());
        assertTrue(first.get("properties").get("area").isNumber());
        assertEquals("1963-08-24", first.get("properties").get("listed").asText());
        assertTrue(json.get("features").get(1).get("properties").get("register_no").isNull());
        ImportedDataset back = GisExchangeRead.read(ImportFormat.GEOJSON, bytes);
        assertRoundTrip(back, List.of("name", "register_no", "area", "listed"));
        assertEquals("120.5", back.rows().get(0).attributes().get("area"));
    }

    @Test
    void kmlReadsBack() throws IOException {
        byte[] bytes = write(ExportFormat.KML);
        String text = new String(bytes, StandardCharsets.UTF_8);
        assertTrue(text.startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?><kml xmlns=\"http://www.opengis.net/kml/2.2\">"), text);
        assertTrue(text.contains("<displayName>Номер у реєстрі</displayName>"));
        assertTrue(text.contains("30.00001,50"), "plain decimals, no exponent: " + text);
        ImportedDataset back = GisExchangeRead.read(ImportFormat.KML, bytes);
        // the Placemark's name (the first attribute) comes back as the attribute "name" as well
        assertRoundTrip(back, List.of("name", "register_no", "area", "listed"));
        assertEquals("120.5", back.rows().get(0).attributes().get("area"));
        assertEquals("1963-08-24", back.rows().get(0).attributes().get("listed"));
    }

    @Test
    void csvIsUtf8WithBomAndSemicolonsAndReadsBack() throws IOException {
        byte[] bytes = write(ExportFormat.CSV);
        assertEquals(0xEF, bytes[0] & 0xFF);
        assertEquals(0xBB, bytes[1] & 0xFF);
        assertEquals(0xBF, bytes[2] & 0xFF);
        String text = new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
        assertTrue(text.startsWith("WKT;name;register_no;area;listed\r\nPOINT (34.5514 49.5883);"), text);
        ImportedDataset back = GisExchangeRead.read(ImportFormat.CSV, bytes);
        assertRoundTrip(back, List.of("name", "register_no", "area", "listed"));
        assertEquals("Садиба; \"флігель\"\nз двором", back.rows().get(1).attributes().get("name"));
    }

    private static void assertRoundTrip(ImportedDataset back, List<String> names) {
        assertEquals(List.of(), back.fileErrors());
        assertEquals(names, back.attributeNames());
        assertEquals(3, back.rows().size());
        assertTrue(back.ok(), Exchange.keys(back));
        List<String> geometries = back.rows().stream().map(ImportedRow::geometry).toList();
        assertEquals(List.of(POINT, POLYGON_WITH_HOLE, MULTI_LINE), geometries);
        assertEquals("Будинок-музей І. П. Котляревського", back.rows().get(0).attributes().get("name"));
        assertEquals("5300-Пл", back.rows().get(0).attributes().get("register_no"));
        assertEquals("5000", back.rows().get(1).attributes().get("area"));
        assertEquals(4326, back.sourceSrid());
    }

    @Test
    void xlsxOpensInPoiWithLabelsNumbersDatesAndCoordinates() throws IOException {
        byte[] bytes = write(ExportFormat.XLSX);
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
            Sheet sheet = wb.getSheetAt(0);
            assertEquals("Об’єкти культурної спадщини Пол", sheet.getSheetName(), "31 characters, no ':'");
            Row header = sheet.getRow(0);
            List<String> labels = new java.util.ArrayList<>();
            header.forEach(c -> labels.add(c.getStringCellValue()));
            assertEquals(List.of("Назва", "Номер у реєстрі", "Площа, м²", "Дата взяття на облік", "Довгота", "Широта", "WKT"), labels);
            assertTrue(wb.getFontAt(header.getCell(0).getCellStyle().getFontIndex()).getBold());
            Row first = sheet.getRow(1);
            assertEquals("Будинок-музей І. П. Котляревського", first.getCell(0).getStringCellValue());
            assertEquals(CellType.NUMERIC, first.getCell(2).getCellType());
            assertEquals(120.5, first.getCell(2).getNumericCellValue());
            assertTrue(DateUtil.isCellDateFormatted(first.getCell(3)));
            assertEquals(LocalDate.of(1963, 8, 24), first.getCell(3).getLocalDateTimeCellValue().toLocalDate());
            assertEquals(34.5514, first.getCell(4).getNumericCellValue());
            assertEquals(49.5883, first.getCell(5).getNumericCellValue());
            assertEquals("POINT (34.5514 49.5883)", first.getCell(6).getStringCellValue());
            Row polygon = sheet.getRow(2);
            assertEquals(null, polygon.getCell(1));
            double lon = polygon.getCell(4).getNumericCellValue();
            double lat = polygon.getCell(5).getNumericCellValue();
            assertTrue(lon > 30 && lon < 31 && lat > 50 && lat < 51 && !(lon > 30.2 && lon < 30.4 && lat > 50.2 && lat < 50.4),
                    "a point inside the polygon, not in its hole: " + lon + " " + lat);
            assertEquals(4, sheet.getLastRowNum() + 1);
        }
    }

    /** Reads through the service as the GIS service does. */
    private static final class GisExchangeRead {
        static ImportedDataset read(ImportFormat format, byte[] bytes) {
            GisExchange exchange = Exchange.service();
            return exchange.read(format, new ByteArrayInputStream(bytes), ImportOptions.detect());
        }
    }
}
