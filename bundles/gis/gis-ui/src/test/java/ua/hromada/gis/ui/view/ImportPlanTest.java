package ua.hromada.gis.ui.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import ua.hromada.gis.api.FeatureInput;
import ua.hromada.gis.api.FeatureQuery;
import ua.hromada.gis.api.GisException;
import ua.hromada.gis.api.Layer;
import ua.hromada.gis.exchange.GisExchange;
import ua.hromada.gis.exchange.ImportFormat;
import ua.hromada.gis.exchange.ImportOptions;
import ua.hromada.gis.exchange.ImportedDataset;
import ua.hromada.gis.exchange.internal.ExchangeConfig;
import ua.hromada.gis.exchange.internal.GisExchangeService;
import ua.hromada.gis.service.GisTestSetup;
import ua.hromada.portal.api.jobs.JobProgress;
import ua.hromada.portal.testing.ShippedConfig;

/** The import wizard's mapping and preview on the real reader and the real GIS services (PostGIS). */
class ImportPlanTest {
    private final GisTestSetup gis = new GisTestSetup();
    private final GisExchange exchange = new GisExchangeService(ShippedConfig.as(ExchangeConfig.class, Map.of()));
    private final Layer heritage = gis.layer("heritage");

    @AfterEach
    void close() {
        gis.close();
    }

    private ImportedDataset read(ImportFormat format, String text, ImportOptions options) {
        return exchange.read(format, new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), options);
    }

    private static String point(String properties, double lon, double lat) {
        return "{\"type\":\"Feature\",\"properties\":{" + properties + "},\"geometry\":{\"type\":\"Point\",\"coordinates\":["
                + lon + "," + lat + "]}}";
    }

    @Test
    void fileAttributesAreMatchedByNameOrLabelIgnoringCase() {
        Map<String, String> m = ImportPlan.defaultMapping(heritage,
                List.of("NAME", "Номер у державному реєстрі", "адреса", "other"));
        assertEquals("NAME", m.get("name"));
        assertEquals("Номер у державному реєстрі", m.get("register_number"));
        assertNull(m.get("category"), "no column of that name or label");
        assertEquals(heritage.attributes().size(), m.size(), "every layer attribute has an entry");
    }

    @Test
    void everyRowCarriesTheFilesAndTheLayersErrorsAndNothingIsSavedUnlessBadRowsAreDropped() {
        String geojson = "{\"type\":\"FeatureCollection\",\"features\":["
                + point("\"Name\":\"Садиба Котляревського\",\"register_number\":\"R-1\"", 34.55, 49.59) + ","
                + point("\"Name\":\"\",\"category\":\"всесвітнього значення\"", 34.56, 49.58) + ","
                + "{\"type\":\"Feature\",\"properties\":{\"Name\":\"Без геометрії\"},\"geometry\":{\"type\":\"Point\"}},"
                + point("\"Name\":\"Друга садиба\",\"register_number\":\"R-1\"", 34.57, 49.57) + ","
                + point("\"Name\":\"Ротонда\",\"category\":\"місцевого значення\"", 34.58, 49.56) + "]}";
        ImportedDataset ds = read(ImportFormat.GEOJSON, geojson, ImportOptions.detect());
        assertTrue(ds.fileErrors().isEmpty(), ds.fileErrors().toString());
        Map<String, String> mapping = ImportPlan.defaultMapping(heritage, ds.attributeNames());
        List<ImportPlan.Row> rows = ImportPlan.preview(gis.features(), gis.editor, heritage, ds, mapping,
                FeatureInput.WGS84, JobProgress.NONE);

        assertEquals(5, rows.size());
        assertTrue(rows.get(0).ok(), rows.get(0).problems().toString());
        assertEquals("Садиба Котляревського", rows.get(0).input().attributes().get("name"));
        assertEquals(List.of("gis.error.required", "gis.error.choice"), keys(rows.get(1)));
        assertEquals(List.of("name", "category"), rows.get(1).problems().stream().map(ImportPlan.Problem::field).toList());
        assertTrue(!rows.get(2).ok() && rows.get(2).problems().get(0).key().startsWith("gis.exchange."),
                "the reader's own error: " + rows.get(2).problems());
        assertEquals(List.of("gis.error.uniqueInBatch"), keys(rows.get(3)), "the register number repeats in the file");
        assertTrue(rows.get(4).ok());

        assertEquals(List.of(), ImportPlan.toSave(rows, false), "bad rows and none dropped: nothing to save");
        assertThrows(GisException.class, () -> gis.features().createAll(gis.editor, heritage.id(),
                rows.stream().map(ImportPlan.Row::input).toList()), "the service refuses the whole file too");
        assertEquals(0, gis.features().count(gis.editor, FeatureQuery.all(heritage.id())), "nothing half saved");

        List<FeatureInput> good = ImportPlan.toSave(rows, true);
        assertEquals(2, good.size());
        gis.features().createAll(gis.editor, heritage.id(), good);
        assertEquals(2, gis.features().count(gis.editor, FeatureQuery.all(heritage.id())));
    }

    @Test
    void csvColumnsChosenByThePersonAndAMappingChangedByHand() {
        String csv = "назва;x;y;номер\nБудинок Капніста;34.551;49.588;Р-7\nВежа;34.552;49.589;\n";
        ImportedDataset ds = read(ImportFormat.CSV, csv, ImportOptions.detect().withLonLat("x", "y").withSrid(4326));
        assertTrue(ds.ok(), ds.fileErrors() + " " + ds.rows());
        Map<String, String> mapping = new java.util.LinkedHashMap<>(ImportPlan.defaultMapping(heritage, ds.attributeNames()));
        assertEquals("назва", mapping.get("name"), "the label «Назва» matches the column «назва»");
        assertNull(mapping.get("register_number"));
        mapping.put("register_number", "номер");
        List<ImportPlan.Row> rows = ImportPlan.preview(gis.features(), gis.editor, heritage, ds, mapping,
                FeatureInput.WGS84, JobProgress.NONE);
        assertTrue(rows.stream().allMatch(ImportPlan.Row::ok), rows.toString());
        assertEquals("Р-7", rows.get(0).input().attributes().get("register_number"));
        assertNull(rows.get(1).input().attributes().get("register_number"), "an empty cell is no value");
        assertEquals(4326, rows.get(0).input().srid());
        assertEquals(2, ImportPlan.toSave(rows, false).size(), "all good: every row is saved");
    }

    private static List<String> keys(ImportPlan.Row row) {
        return row.problems().stream().map(ImportPlan.Problem::key).toList();
    }
}
