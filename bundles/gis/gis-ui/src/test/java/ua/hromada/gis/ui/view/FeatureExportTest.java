package ua.hromada.gis.ui.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import ua.hromada.gis.api.FeatureInput;
import ua.hromada.gis.api.FeatureQuery;
import ua.hromada.gis.api.Layer;
import ua.hromada.gis.exchange.ExportFormat;
import ua.hromada.gis.exchange.ExportLayer;
import ua.hromada.gis.exchange.internal.ExchangeConfig;
import ua.hromada.gis.exchange.internal.GisExchangeService;
import ua.hromada.gis.service.GisTestSetup;
import ua.hromada.portal.testing.ShippedConfig;

/** The export of what the objects view's filter shows, read from the service page by page. */
class FeatureExportTest {
    private final GisTestSetup gis = new GisTestSetup();

    @AfterEach
    void close() {
        gis.close();
    }

    @Test
    void theFilteredObjectsOfEveryPageAreWrittenOnce() throws Exception {
        Layer heritage = gis.layer("heritage");
        List<FeatureInput> inputs = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            inputs.add(new FeatureInput(AttributeValues.point(34.5 + i / 100.0, 49.5), Map.of("name", "Об'єкт " + i,
                    "category", i % 2 == 0 ? "місцевого значення" : "національного значення")));
        }
        gis.features().createAll(gis.editor, heritage.id(), inputs);
        FeatureQuery local = FeatureQuery.all(heritage.id()).where(Map.of("category", "місцевого значення"));

        ExportLayer export = FeatureExport.of(gis.features(), gis.editor, heritage, local, 2);
        assertEquals(List.of("name", "category", "register_number", "address"),
                export.columns().stream().map(c -> c.name()).toList());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new GisExchangeService(ShippedConfig.as(ExchangeConfig.class, Map.of())).write(ExportFormat.CSV, export, out);
        List<String> lines = out.toString(StandardCharsets.UTF_8).lines().toList();
        assertEquals(1 + 4, lines.size(), "a header and the four objects of local significance (pages of 2): " + lines);
        for (int i : new int[] {0, 2, 4, 6}) {
            assertEquals(1, lines.stream().filter(l -> l.contains("Об'єкт " + i)).count(), "object " + i + " once");
        }
        assertTrue(lines.stream().noneMatch(l -> l.contains("національного")));
        assertEquals("heritage.xlsx", FeatureExport.fileName(heritage, ExportFormat.XLSX.extension()));
    }
}
