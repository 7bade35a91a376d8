package ua.hromada.oks.service;

import static org.junit.jupiter.api.Assertions.*;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import ua.hromada.oks.api.TransitionRequest;

/** The violations as an open dataset: CSV and GeoJSON with public facts only. */
class ViolationsDatasetTest {

    @Test
    void csvAndGeoJsonCarryEveryViolationWithoutPersonalData() throws Exception {
        try (OksTestSetup oks = new OksTestSetup()) {
            var a = oks.register("Дерево, що впало: \"аварійне\"");
            oks.register("Сміття");
            oks.violations().transition(oks.inspector, a.id(), new TransitionRequest(ua.hromada.oks.api.ActionKind.SENT,
                    null, oks.org.id(), oks.today().plusDays(3), List.of()));
            ViolationsDataset dataset = new ViolationsDataset(new OksDatabase(oks.communityDataSource(), oks.communities(), Clock.systemUTC()));

            ByteArrayOutputStream csv = new ByteArrayOutputStream();
            dataset.write("CSV", csv);
            String text = csv.toString(StandardCharsets.UTF_8);
            String[] lines = text.split("\r\n");
            assertEquals(3, lines.length);
            assertTrue(lines[0].startsWith("id,registered_at,type,status_group"));
            assertTrue(lines[1].contains(",Дерева,Направлено,Направлено виконавцю,"), lines[1]);
            assertTrue(lines[1].contains("КП «Декоративні культури»"));
            assertFalse(text.contains("Інна Інспекторка"), "no inspector names");
            assertFalse(text.contains("inspector"));

            ByteArrayOutputStream geo = new ByteArrayOutputStream();
            dataset.write("GEOJSON", geo);
            JsonNode fc = new ObjectMapper().readTree(geo.toByteArray());
            assertEquals("FeatureCollection", fc.get("type").asText());
            assertEquals(2, fc.get("features").size());
            JsonNode f = fc.get("features").get(0);
            assertEquals(OksTestSetup.LON, f.get("geometry").get("coordinates").get(0).asDouble(), 1e-6);
            assertEquals(OksTestSetup.LAT, f.get("geometry").get("coordinates").get(1).asDouble(), 1e-6);
            assertEquals(a.id(), f.get("properties").get("id").asLong());
            assertEquals("Направлено", f.get("properties").get("status_group").asText());
            assertTrue(fc.get("features").get(1).get("properties").get("executor").isNull());

            assertThrows(IllegalArgumentException.class, () -> dataset.write("XML", new ByteArrayOutputStream()));
            assertTrue(dataset.lastModified().isAfter(java.time.Instant.EPOCH));
        }
    }
}
