package ua.hromada.gis.exchange.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import ua.hromada.gis.exchange.ImportFormat;
import ua.hromada.gis.exchange.ImportOptions;
import ua.hromada.gis.exchange.ImportedDataset;

/**
 * A hand-written DXF read through ogr2ogr; DXF has no coordinate system of its own. Its header
 * claims Windows-1252 (a drawing made on a non-Cyrillic system): the texts' bytes decide.
 */
class DxfImportTest {
    private static final String DXF = String.join("\n",
            "0", "SECTION", "2", "HEADER", "9", "$ACADVER", "1", "AC1015", "9", "$DWGCODEPAGE", "3", "ANSI_1252", "0", "ENDSEC",
            "0", "SECTION", "2", "ENTITIES",
            "0", "LINE", "8", "Дороги", "10", "340500.0", "20", "5494700.0", "30", "0.0", "11", "340600.0", "21", "5494800.0", "31", "0.0",
            "0", "POINT", "8", "Опори освітлення", "10", "340550.0", "20", "5494750.0", "30", "0.0",
            "0", "ENDSEC", "0", "EOF", "");

    @Test
    void entitiesWithTheUsersCoordinateSystemAndLayerNamesInWindows1251() {
        ImportedDataset d = Exchange.read(ImportFormat.DXF, DXF.getBytes(Exchange.CP1251), ImportOptions.detect().withSrid(6385));
        assertEquals(List.of(), d.fileErrors());
        assertEquals(6385, d.sourceSrid());
        assertEquals(2, d.rows().size());
        assertTrue(d.ok(), Exchange.keys(d));
        assertEquals("Дороги", d.rows().get(0).attributes().get("Layer"));
        assertEquals("Опори освітлення", d.rows().get(1).attributes().get("Layer"));
        assertEquals("{\"type\":\"LineString\",\"coordinates\":[[340500.0,5494700.0,0.0],[340600.0,5494800.0,0.0]]}",
                d.rows().get(0).geometry());
    }

    @Test
    void withoutACoordinateSystemTheUserIsAsked() {
        ImportedDataset d = Exchange.read(ImportFormat.DXF, DXF.getBytes(StandardCharsets.UTF_8), ImportOptions.detect());
        assertEquals(List.of("gis.exchange.dxf.chooseCrs"), Exchange.fileErrors(d));
        assertEquals("Дороги", d.rows().get(0).attributes().get("Layer"));
        Exchange.assertTexts(d);
    }
}
