package ua.hromada.gis.exchange.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;

import ua.hromada.gis.exchange.ImportFormat;
import ua.hromada.gis.exchange.ImportOptions;
import ua.hromada.gis.exchange.ImportedDataset;

class KmlImportTest {
    private static final String KML = """
            <kml xmlns="http://www.opengis.net/kml/2.2">
             <Document><name>Пам’ятки</name>
              <Folder>
               <Placemark><name>Біла альтанка</name><description><![CDATA[<b>1903</b>]]></description>
                <ExtendedData><Data name="категорія"><displayName>Категорія</displayName><value>місцевого значення</value></Data></ExtendedData>
                <Point><coordinates>34.5467,49.5889,0</coordinates></Point>
               </Placemark>
               <Placemark><name>Вулиця</name>
                <ExtendedData><SchemaData schemaUrl="#s"><SimpleData name="тип">пішохідна</SimpleData></SchemaData></ExtendedData>
                <LineString><coordinates>
                  34.55,49.58 34.56,49.59
                </coordinates></LineString>
               </Placemark>
               <Placemark><name>Парк з ставком</name>
                <Polygon><outerBoundaryIs><LinearRing><coordinates>30,50 31,50 31,51 30,51 30,50</coordinates></LinearRing></outerBoundaryIs>
                 <innerBoundaryIs><LinearRing><coordinates>30.2,50.2 30.4,50.2 30.4,50.4 30.2,50.2</coordinates></LinearRing></innerBoundaryIs>
                </Polygon>
               </Placemark>
               <Placemark><name>Комплекс</name>
                <MultiGeometry><Point><coordinates>30,50</coordinates></Point><Point><coordinates>31,51</coordinates></Point></MultiGeometry>
               </Placemark>
               <Placemark><name>Зламана</name><Point><coordinates>34.5;49.5</coordinates></Point></Placemark>
               <Placemark><name>Без геометрії</name></Placemark>
               <Placemark><name>Після помилок</name><Point><coordinates>35,50</coordinates></Point></Placemark>
              </Folder>
             </Document>
            </kml>
            """;

    @Test
    void placemarksWithEachGeometryAndTheirData() {
        ImportedDataset d = Exchange.read(ImportFormat.KML, KML);
        assertEquals(List.of(), d.fileErrors());
        assertEquals(4326, d.sourceSrid());
        assertEquals(List.of("name", "description", "категорія", "тип"), d.attributeNames());
        assertEquals(7, d.rows().size());
        assertTrue(d.rows().get(0).ok());
        assertEquals("{\"type\":\"Point\",\"coordinates\":[34.5467,49.5889,0.0]}", d.rows().get(0).geometry());
        assertEquals("місцевого значення", d.rows().get(0).attributes().get("категорія"));
        assertEquals("<b>1903</b>", d.rows().get(0).attributes().get("description"));
        assertEquals("пішохідна", d.rows().get(1).attributes().get("тип"));
        assertEquals("{\"type\":\"LineString\",\"coordinates\":[[34.55,49.58],[34.56,49.59]]}", d.rows().get(1).geometry());
        assertTrue(d.rows().get(2).ok(), Exchange.keys(d));
        assertTrue(d.rows().get(2).geometry().contains("[[30.2,50.2],[30.4,50.2],[30.4,50.4],[30.2,50.2]]"));
        assertEquals("{\"type\":\"MultiPoint\",\"coordinates\":[[30.0,50.0],[31.0,51.0]]}", d.rows().get(3).geometry());
        assertEquals(List.of("gis.exchange.row.badCoordinate"), Exchange.rowErrors(d, 4));
        assertEquals(List.of("gis.exchange.row.noGeometry"), Exchange.rowErrors(d, 5));
        assertTrue(d.rows().get(6).ok());
        assertEquals(7, d.rows().get(6).number());
        Exchange.assertTexts(d);
    }

    @Test
    void windows1251WithoutDeclarationIsDetectedAndAWrongDeclarationRefused() {
        String kml = "<kml><Placemark><name>Фонтан «Диво»</name><Point><coordinates>34.55,49.58</coordinates></Point></Placemark></kml>";
        ImportedDataset d = Exchange.read(ImportFormat.KML, kml.getBytes(Exchange.CP1251), ImportOptions.detect());
        assertTrue(d.ok(), d.fileErrors().toString());
        assertEquals("Фонтан «Диво»", d.rows().get(0).attributes().get("name"));
        byte[] lying = ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>" + kml).getBytes(Exchange.CP1251);
        ImportedDataset refused = Exchange.read(ImportFormat.KML, lying, ImportOptions.detect());
        assertEquals(List.of("gis.exchange.file.badEncoding"), Exchange.fileErrors(refused));
        assertEquals(List.of("UTF-8"), refused.fileErrors().get(0).args());
        byte[] declared = ("<?xml version=\"1.0\" encoding=\"windows-1251\"?>" + kml).getBytes(Exchange.CP1251);
        assertEquals("Фонтан «Диво»", Exchange.read(ImportFormat.KML, declared, ImportOptions.detect()).rows().get(0).attributes().get("name"));
    }

    @Test
    void kmzIsUnpacked() throws IOException {
        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(zip)) {
            out.putNextEntry(new ZipEntry("files/icon.png"));
            out.write(new byte[] {1, 2, 3});
            out.putNextEntry(new ZipEntry("doc.kml"));
            out.write(KML.getBytes(StandardCharsets.UTF_8));
        }
        ImportedDataset d = Exchange.read(ImportFormat.KML, zip.toByteArray(), ImportOptions.detect());
        assertEquals(7, d.rows().size());
        assertEquals(List.of(), d.fileErrors());
    }

    @Test
    void brokenFiles() {
        ImportedDataset truncated = Exchange.read(ImportFormat.KML, KML.substring(0, 300));
        assertEquals(List.of("gis.exchange.file.badXml"), Exchange.fileErrors(truncated));
        assertEquals(List.of(), truncated.rows(), "nothing of a broken file is kept");
        Exchange.assertTexts(truncated);
        assertEquals(List.of("gis.exchange.kml.notKml"), Exchange.fileErrors(Exchange.read(ImportFormat.KML, "<gpx><wpt/></gpx>")));
        ImportedDataset entity = Exchange.read(ImportFormat.KML,
                "<?xml version=\"1.0\"?><!DOCTYPE kml [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><kml><Placemark><name>&x;</name></Placemark></kml>");
        assertEquals(List.of("gis.exchange.file.badXml"), Exchange.fileErrors(entity), "no external entities");
    }
}
