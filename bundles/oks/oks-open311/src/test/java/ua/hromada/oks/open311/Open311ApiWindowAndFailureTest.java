package ua.hromada.oks.open311;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import ua.hromada.portal.testing.TestPortalSettings;
import ua.hromada.oks.api.Violation;
import ua.hromada.oks.service.OksTestSetup;
import ua.hromada.portal.outbound.OutboundHttpImpl;

/**
 * {@link Open311Api} on the real service with the service's own clock: the spec's default window
 * of 90 days moves with time, and a failing database is a 400 with a reference, never a 500.
 */
class Open311ApiWindowAndFailureTest {

    private static Map<String, String[]> none() {
        return new HashMap<>();
    }

    @Test
    void theDefaultWindowIsTheLast90Days() {
        try (OksTestSetup oks = new OksTestSetup()) {
            Open311Api api = new Open311Api(oks.violations(), oks.catalog(), Open311Config.from(Map.of(), TestPortalSettings.KYIV),
                    new Texts(List::of), oks.clock(), new OutboundHttpImpl());
            Violation v = oks.register("Сухе дерево");
            assertEquals(List.of(v.id()), ids(api.handle("GET", "/requests.json", none(), null)));
            oks.clock().advance(Duration.ofDays(89));
            assertEquals(List.of(v.id()), ids(api.handle("GET", "/requests.json", none(), null)));
            oks.clock().advance(Duration.ofDays(2));
            assertEquals(List.of(), ids(api.handle("GET", "/requests.json", none(), null)));
            // still there by id, and in a window that covers it
            assertEquals(List.of(v.id()), ids(api.handle("GET", "/requests/" + v.id() + ".json", none(), null)));
            Map<String, String[]> window = new HashMap<>();
            window.put("start_date", new String[] { v.createdAt().minusSeconds(60).toString() });
            assertEquals(List.of(v.id()), ids(api.handle("GET", "/requests.json", window, null)));
        }
    }

    @Test
    void aBrokenDatabaseIsTheSpecsGeneralErrorWithAReference() {
        try (OksTestSetup oks = new OksTestSetup()) {
            Open311Api api = new Open311Api(oks.violations(), oks.catalog(), Open311Config.from(Map.of(), TestPortalSettings.KYIV),
                    new Texts(List::of), oks.clock(), new OutboundHttpImpl());
            oks.execute("DROP SCHEMA oks CASCADE");
            for (String path : List.of("/services.xml", "/requests.xml", "/requests/1.xml")) {
                Open311Api.Response r = api.handle("GET", path, none(), null);
                assertEquals(400, r.status());
                String text = new String(r.body(), StandardCharsets.UTF_8);
                SpecFields.Xml xml = SpecFields.xml(r.body());
                assertEquals("errors", xml.root());
                String description = xml.entries().get(0).get("description");
                assertTrue(description.matches(".*код [0-9a-f]{8}.*"), description);
                assertFalse(text.contains("SQL") || text.contains("Exception") || text.contains("oks."), text);
            }
        }
    }

    private static List<Long> ids(Open311Api.Response r) {
        assertEquals(200, r.status(), new String(r.body(), StandardCharsets.UTF_8));
        JsonNode json = SpecFields.json(r.body());
        return java.util.stream.StreamSupport.stream(json.spliterator(), false)
                .map(n -> n.get("service_request_id").asLong()).toList();
    }
}
