package ua.hromada.oks.open311;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import ua.hromada.oks.api.ActionEffect;
import ua.hromada.oks.api.ActionKind;
import ua.hromada.oks.api.ResponsibleGroup;
import ua.hromada.oks.api.StatusGroup;
import ua.hromada.oks.api.StepInputs.Input;
import ua.hromada.oks.api.TransitionRequest;
import ua.hromada.oks.api.Violation;
import ua.hromada.oks.api.WorkflowAction;
import ua.hromada.oks.api.WorkflowAction.Role;
import ua.hromada.oks.service.OksMessages;
import ua.hromada.oks.service.OksTestSetup;
import ua.hromada.portal.testing.TestPortalSettings;
import ua.hromada.portal.testing.TestServer;
import ua.hromada.portal.outbound.OutboundHttpImpl;

/**
 * The servlet over real HTTP (the Jetty 12 the portal runs on) in front of the real OKS service
 * on PostgreSQL: every endpoint in both formats against the spec's field lists, the workflow seen
 * through the API, and every refusal in the spec's error format with the right status.
 */
class Open311OnOksServiceTest {

    private static final String KEY = "9f2c41d7e08b5a63c1f4e2d9b7a60c35";
    /** The shipped placeholder of earlier versions: configured, but never accepted. */
    private static final String PLACEHOLDER = "CHANGE-ME-open311-placeholder-key";
    private static final ZoneId KYIV = ZoneId.of("Europe/Kyiv");
    @AutoClose
    private static OksTestSetup oks;
    @AutoClose
    private static TestServer server;
    private static String base;
    private static int port;
    /** The portal's public.url as PortalSettings gives it (known once Jetty has a port). */
    private static volatile String publicUrl;

    @BeforeAll
    static void start() throws Exception {
        oks = new OksTestSetup();
        Open311Servlet servlet = new Open311Servlet(oks.violations(), oks.catalog(), new TestPortalSettings(() -> publicUrl),
                oks.communities(), new OutboundHttpImpl(),
                Map.of("apiKeys", "another-app-key-0c6e1b9d2f7a48e5, " + PLACEHOLDER + ", " + KEY,
                        "jurisdictionId", "rada-poltava.gov.ua",
                        "keywords.trees", "дерево, гілля", "rateLimit.address.burst", "0"));
        servlet.addMessageBundle(new OksMessages());
        // the same API with the shipped rate limits, for the 429 over HTTP
        Open311Servlet limited = new Open311Servlet(oks.violations(), oks.catalog(), new TestPortalSettings(() -> publicUrl),
                oks.communities(), new OutboundHttpImpl(),
                Map.of("apiKeys", KEY, "rateLimit.address.perHour", "30"));
        server = new TestServer().serve("/api/open311/v2/*", servlet).serve("/limited/api/open311/v2/*", limited).start();
        base = server.address() + "/api/open311/v2/";
        port = server.port();
        publicUrl = server.address() + "/";
    }

    record Answer(int status, String contentType, byte[] body) {
        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    private static Answer answer(HttpResponse<byte[]> r) {
        return new Answer(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), r.body());
    }

    private static Answer get(String path) throws Exception {
        return answer(server.get(base + path));
    }

    private static Answer post(String path, Map<String, String> form) throws Exception {
        return post(path, "application/x-www-form-urlencoded; charset=utf-8", form.entrySet().stream()
                .map(e -> enc(e.getKey()) + "=" + enc(e.getValue())).collect(Collectors.joining("&")));
    }

    private static Answer post(String path, String contentType, String body) throws Exception {
        return answer(server.post(base + path, contentType, body));
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static Map<String, String> report(String... overrides) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("api_key", KEY);
        form.put("jurisdiction_id", "rada-poltava.gov.ua");
        form.put("service_code", "trees");
        form.put("lat", String.valueOf(OksTestSetup.LAT));
        form.put("long", String.valueOf(OksTestSetup.LON));
        form.put("address_string", "вул. Соборності, 1");
        form.put("description", "Гілля дерева лежить на тротуарі — «небезпечно» & <терміново>");
        form.put("email", "olena.reporter@example.org");
        form.put("first_name", "Олена");
        form.put("last_name", "Петренко");
        form.put("phone", "+380501234567");
        form.put("device_id", "device-xyz-77");
        for (int i = 0; i < overrides.length; i += 2) {
            if (overrides[i + 1] == null) {
                form.remove(overrides[i]);
            } else {
                form.put(overrides[i], overrides[i + 1]);
            }
        }
        return form;
    }

    private static long create(String format) throws Exception {
        Answer a = post("requests." + format, report());
        assertEquals(200, a.status(), a.text());
        if (format.equals("json")) {
            return SpecFields.json(a.body()).get(0).get("service_request_id").asLong();
        }
        return Long.parseLong(SpecFields.xml(a.body()).entries().get(0).get("service_request_id"));
    }

    /** Asserts the spec's error document in the format and returns its description. */
    private static String error(Answer a, int status, String format) {
        assertEquals(status, a.status(), a.text());
        if (format.equals("json")) {
            assertTrue(a.contentType().startsWith("application/json"), a.contentType());
            JsonNode json = SpecFields.json(a.body());
            assertTrue(json.isArray() && json.size() == 1, a.text());
            assertEquals(SpecFields.ERROR, SpecFields.names(json.get(0)));
            assertEquals(status, json.get(0).get("code").asInt());
            return json.get(0).get("description").asText();
        }
        assertTrue(a.contentType().startsWith("text/xml"), a.contentType());
        SpecFields.Xml xml = SpecFields.xml(a.body());
        assertEquals("errors", xml.root());
        assertEquals("error", xml.item());
        assertEquals(SpecFields.ERROR, List.copyOf(xml.entries().get(0).keySet()));
        assertEquals(String.valueOf(status), xml.entries().get(0).get("code"));
        String description = xml.entries().get(0).get("description");
        assertFalse(description.contains("open311.error"), "a text, not a key: " + description);
        assertFalse(description.contains("Exception"), description);
        return description;
    }

    @Test
    void theDiscoveryDocumentNamesThisEndpointAndItsFormats() throws Exception {
        Answer jsonAnswer = get("discovery.json");
        assertEquals(200, jsonAnswer.status(), jsonAnswer.text());
        JsonNode json = SpecFields.json(jsonAnswer.body());
        assertEquals(List.of("changeset", "contact", "key_service", "endpoints"), SpecFields.names(json));
        assertEquals(1, json.get("endpoints").size());
        JsonNode endpoint = json.get("endpoints").get(0);
        assertEquals(List.of("specification", "url", "changeset", "type", "formats"), SpecFields.names(endpoint));
        assertEquals("http://wiki.open311.org/GeoReport_v2", endpoint.get("specification").asText());
        // the address the app used, up to the version: services.json etc. are found below it
        assertEquals(base.substring(0, base.length() - 1), endpoint.get("url").asText());
        assertEquals("production", endpoint.get("type").asText());
        assertEquals("text/xml", endpoint.get("formats").get(0).asText());
        assertEquals("application/json", endpoint.get("formats").get(1).asText());
        Instant changeset = Instant.from(DateTimeFormatter.ISO_OFFSET_DATE_TIME.parse(json.get("changeset").asText()));
        assertFalse(changeset.isAfter(Instant.now()), "the changeset is the time the configuration was applied");
        assertEquals(json.get("changeset").asText(), endpoint.get("changeset").asText());
        HttpResponse<byte[]> services = server.get(endpoint.get("url").asText() + "/services.json");
        assertEquals(200, services.statusCode(), "the named endpoint serves the services");

        Answer xmlAnswer = get("discovery.xml");
        assertEquals(200, xmlAnswer.status());
        org.w3c.dom.Element root = javax.xml.parsers.DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new java.io.ByteArrayInputStream(xmlAnswer.body())).getDocumentElement();
        assertEquals("discovery", root.getTagName());
        org.w3c.dom.NodeList formats = root.getElementsByTagName("format");
        assertEquals(2, formats.getLength());
        assertEquals("text/xml", formats.item(0).getTextContent());
        assertEquals(base.substring(0, base.length() - 1), root.getElementsByTagName("url").item(0).getTextContent());
        assertEquals(1, root.getElementsByTagName("endpoint").getLength());

        error(post("discovery.json", Map.of("a", "b")), 400, "json");
    }

    @Test
    void aForgedHostHeaderDoesNotMoveTheDiscoveryDocument() throws Exception {
        // java.net.http will not send a Host header of its own choosing: a plain socket does
        String answer;
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", port)) {
            socket.getOutputStream().write(("GET /api/open311/v2/discovery.json HTTP/1.1\r\nHost: evil.example.org\r\n"
                    + "X-Forwarded-Host: evil.example.org\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
        assertTrue(answer.startsWith("HTTP/1.1 200"), answer);
        JsonNode json = SpecFields.json(answer.substring(answer.indexOf("\r\n\r\n") + 4).getBytes(StandardCharsets.UTF_8));
        assertEquals(publicUrl + "api/open311/v2", json.get("endpoints").get(0).get("url").asText());
        assertFalse(answer.contains("evil.example.org"), answer);
    }

    @Test
    void theDiscoverySettingsAreCheckedAndAPublicAddressWins() {
        Open311Config config = Open311Config.from(Map.of("discovery.type", "test",
                "discovery.publicUrl", "https://rada.example.org/api/open311/v2/",
                "discovery.contact", "Відділ цифрового розвитку", "discovery.keyService", "Ключ — на запит до відділу"), TestPortalSettings.KYIV);
        Open311Api api = new Open311Api(oks.violations(), oks.catalog(), config, new Texts(List::of),
                java.time.Clock.systemUTC(), new OutboundHttpImpl());
        JsonNode json = SpecFields.json(api.handle("GET", "/discovery.json", Map.of(), null,
                "http://127.0.0.1:8181/api/open311/v2", Open311Api.Caller.LOCAL).body());
        assertEquals("Відділ цифрового розвитку", json.get("contact").asText());
        assertEquals("Ключ — на запит до відділу", json.get("key_service").asText());
        assertEquals("https://rada.example.org/api/open311/v2", json.get("endpoints").get(0).get("url").asText());
        assertEquals("test", json.get("endpoints").get(0).get("type").asText());
        assertThrowsIllegalArgument(() -> Open311Config.from(Map.of("discovery.type", "staging"), TestPortalSettings.KYIV));
        assertThrowsIllegalArgument(() -> Open311Config.from(Map.of("discovery.publicUrl", "ftp://rada.example.org"), TestPortalSettings.KYIV));
    }

    private static void assertThrowsIllegalArgument(Runnable r) {
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, r::run);
    }

    @Test
    void servicesListTheActiveViolationTypesInBothFormats() throws Exception {
        Answer xmlAnswer = get("services.xml");
        assertEquals(200, xmlAnswer.status());
        assertEquals("text/xml;charset=utf-8", xmlAnswer.contentType().replace(" ", "").toLowerCase());
        SpecFields.Xml xml = SpecFields.xml(xmlAnswer.body());
        assertEquals("services", xml.root());
        assertEquals("service", xml.item());
        Map<String, String> trees = xml.entries().stream().filter(s -> "trees".equals(s.get("service_code")))
                .findFirst().orElseThrow();
        assertEquals(SpecFields.SERVICE, List.copyOf(trees.keySet()));
        assertEquals(oks.type("trees").name(), trees.get("service_name"));
        assertEquals("false", trees.get("metadata"));
        assertEquals("realtime", trees.get("type"));
        assertEquals("дерево, гілля", trees.get("keywords"));

        Answer jsonAnswer = get("services.json");
        assertEquals(200, jsonAnswer.status());
        assertTrue(jsonAnswer.contentType().startsWith("application/json"));
        JsonNode json = SpecFields.json(jsonAnswer.body());
        assertEquals(xml.entries().size(), json.size(), "both formats list the same services");
        assertEquals(oks.catalog().types(false).size(), json.size());
        for (JsonNode s : json) {
            assertEquals(SpecFields.SERVICE, SpecFields.names(s));
        }
    }

    @Test
    void aServiceDefinitionAndAnUnknownCode() throws Exception {
        SpecFields.Xml xml = SpecFields.xml(get("services/trees.xml").body());
        assertEquals("service_definition", xml.root());
        assertEquals("trees", SpecFields.children(xml.rootElement()).get("service_code"));
        JsonNode json = SpecFields.json(get("services/trees.json").body());
        assertEquals(SpecFields.SERVICE_DEFINITION, SpecFields.names(json));
        assertEquals(0, json.get("attributes").size());

        assertTrue(error(get("services/no-such-type.xml"), 404, "xml").contains("no-such-type"));
        error(get("services/no-such-type.json"), 404, "json");
    }

    @Test
    void aPostedReportEntersTheWorkflowWithoutAnExecutorAndReadsBackPerSpec() throws Exception {
        Answer created = post("requests.json", report());
        assertEquals(200, created.status(), created.text());
        JsonNode answer = SpecFields.json(created.body()).get(0);
        assertEquals(SpecFields.CREATED, SpecFields.names(answer));
        long id = answer.get("service_request_id").asLong();
        assertFalse(answer.get("service_notice").asText().isBlank());

        // in the service: "Виявлено порушення", no executor, the reporter kept for the inspectors
        Violation v = oks.violations().findPublic(id).orElseThrow();
        assertEquals(ActionKind.DETECTED, v.lastAction().kind());
        assertNull(v.executor());
        assertEquals("trees", v.type().code());
        assertEquals("olena.reporter@example.org", v.reporter().email());
        assertEquals("Олена", v.reporter().firstName());
        assertEquals("device-xyz-77", v.reporter().deviceId());
        assertEquals("Гілля дерева лежить на тротуарі — «небезпечно» & <терміново>", v.description());

        for (String format : List.of("xml", "json")) {
            Answer one = get("requests/" + id + "." + format);
            assertEquals(200, one.status(), one.text());
            Map<String, String> r;
            if (format.equals("xml")) {
                SpecFields.Xml xml = SpecFields.xml(one.body());
                assertEquals("service_requests", xml.root());
                assertEquals("request", xml.item());
                assertEquals(1, xml.entries().size(), "GET requests/{id} answers a one-element list");
                r = xml.entries().get(0);
            } else {
                JsonNode json = SpecFields.json(one.body());
                assertTrue(json.isArray());
                assertEquals(1, json.size());
                assertEquals(id, json.get(0).get("service_request_id").asLong());
                r = new LinkedHashMap<>();
                for (String name : SpecFields.names(json.get(0))) {
                    JsonNode n = json.get(0).get(name);
                    r.put(name, n.isNull() ? "" : n.asText());
                }
            }
            assertEquals(SpecFields.expectedRequestFields(), List.copyOf(r.keySet()));
            assertEquals(String.valueOf(id), r.get("service_request_id"));
            assertEquals("open", r.get("status"));
            assertEquals(v.lastAction().name(), r.get("status_notes"));
            assertEquals(v.type().name(), r.get("service_name"));
            assertEquals("trees", r.get("service_code"));
            assertEquals(v.description(), r.get("description"));
            assertEquals("", r.get("agency_responsible"));
            assertEquals(w3c(v.createdAt()), r.get("requested_datetime"));
            assertEquals(w3c(v.lastActionAt()), r.get("updated_datetime"));
            assertEquals(w3c(v.deadline().plusDays(1).atStartOfDay(KYIV).minusSeconds(1).toInstant()),
                    r.get("expected_datetime"));
            assertEquals("вул. Соборності, 1", r.get("address"));
            assertEquals(OksTestSetup.LAT, Double.parseDouble(r.get("lat")), 1e-9);
            assertEquals(OksTestSetup.LON, Double.parseDouble(r.get("long")), 1e-9);
            for (String secret : List.of("olena.reporter", "Олена", "Петренко", "+380501234567", "device-xyz-77",
                    "open311\"", "<inspector")) {
                assertFalse(one.text().contains(secret), secret + " leaked: " + one.text());
            }
        }
    }

    @Test
    void anXmlPostAnswersXmlAndMediaUrlReachesTheInspector() throws Exception {
        Answer created = post("requests.xml", report("media_url", "https://photos.example.org/p/1.jpg",
                "description", null));
        assertEquals(200, created.status(), created.text());
        SpecFields.Xml xml = SpecFields.xml(created.body());
        assertEquals("service_requests", xml.root());
        assertEquals(SpecFields.CREATED, List.copyOf(xml.entries().get(0).keySet()));
        long id = Long.parseLong(xml.entries().get(0).get("service_request_id"));
        assertTrue(oks.violations().findPublic(id).orElseThrow().description()
                .contains("https://photos.example.org/p/1.jpg"));
    }

    @Test
    void theWorkflowShowsThroughTheApi() throws Exception {
        long id = create("xml");
        oks.violations().transition(oks.inspector, id, new TransitionRequest(ActionKind.SENT, "Прошу усунути",
                oks.org.id(), oks.today().plusDays(5), List.of()));
        Map<String, String> sent = SpecFields.xml(get("requests/" + id + ".xml").body()).entries().get(0);
        assertEquals("open", sent.get("status"));
        assertEquals("Направлено виконавцю", sent.get("status_notes"));
        assertEquals(oks.org.name(), sent.get("agency_responsible"));
        assertEquals(w3c(oks.today().plusDays(6).atStartOfDay(KYIV).minusSeconds(1).toInstant()),
                sent.get("expected_datetime"));

        oks.violations().transition(oks.executor, id, TransitionRequest.of(ActionKind.ACCEPTED));
        oks.violations().transition(oks.executor, id, OksTestSetup.report());
        assertEquals("open", SpecFields.json(get("requests/" + id + ".json").body()).get(0).get("status").asText(),
                "reported but not confirmed is still open");
        oks.violations().transition(oks.inspector, id, TransitionRequest.of(ActionKind.CONFIRMED));
        JsonNode closed = SpecFields.json(get("requests/" + id + ".json").body()).get(0);
        assertEquals("closed", closed.get("status").asText());
        assertEquals("Виконання підтверджено", closed.get("status_notes").asText());
        for (String leak : List.of("inspector", "executor\"", "Інна", "Петро")) {
            assertFalse(closed.toString().contains(leak), leak);
        }

        String window = "start_date=" + enc(w3c(Instant.now().minus(Duration.ofDays(1)))) + "&end_date="
                + enc(w3c(Instant.now().plus(Duration.ofDays(1))));
        assertTrue(ids(get("requests.json?status=closed&" + window)).contains(id));
        assertFalse(ids(get("requests.json?status=open&" + window)).contains(id));
        assertTrue(ids(get("requests.json?status=open,closed&service_code=trees&" + window)).contains(id));
        assertFalse(ids(get("requests.json?service_code=waste&" + window)).contains(id));
        assertTrue(ids(get("requests.json")).contains(id), "the default window is the last 90 days");
        assertFalse(ids(get("requests.json?end_date=2020-01-01T00:00:00Z")).contains(id));
        SpecFields.Xml list = SpecFields.xml(get("requests.xml?service_request_id=" + id + ",999999").body());
        assertEquals(1, list.entries().size(), "ids that do not exist are left out of a list");
        assertEquals(SpecFields.expectedRequestFields(), List.copyOf(list.entries().get(0).keySet()));
    }

    @Test
    void anArchivedCaseIsClosedAndListedAsSuch() throws Exception {
        long id = create("json");
        oks.violations().transition(oks.admin, id, new TransitionRequest(ActionKind.ARCHIVED, "Дубль", null, null,
                List.of()));
        Map<String, String> r = SpecFields.xml(get("requests/" + id + ".xml").body()).entries().get(0);
        assertEquals("closed", r.get("status"));
        assertEquals("Архівовано", r.get("status_notes"));
        assertFalse(r.containsValue("Дубль"), "journal comments stay internal");
        assertTrue(ids(get("requests.json?status=closed")).contains(id));
        assertFalse(ids(get("requests.json?status=open")).contains(id));
        assertTrue(ids(get("requests.json")).contains(id), "the archive is part of the default list");
    }

    @Test
    void anActionAddedWithTheConfirmEffectClosesTheRequest() throws Exception {
        // an inspectorate's own closing step («Сплачено штраф»), straight after the detection
        WorkflowAction paid = oks.catalog().saveAction(oks.admin, new WorkflowAction("", 21, "Сплачено штраф",
                StatusGroup.DONE, ResponsibleGroup.INSPECTORS, ActionEffect.CONFIRM, true, Set.of(Role.INSPECTOR),
                Set.of("DETECTED"), Set.of(Input.COMMENT), Set.of(), null, 0));
        long id = create("json");
        assertEquals("open", SpecFields.json(get("requests/" + id + ".json").body()).get(0).get("status").asText());
        oks.violations().transition(oks.inspector, id, TransitionRequest.of(paid.key()));
        JsonNode closed = SpecFields.json(get("requests/" + id + ".json").body()).get(0);
        assertEquals("closed", closed.get("status").asText(), closed.toString());
        assertEquals("Сплачено штраф", closed.get("status_notes").asText());
        assertTrue(ids(get("requests.json?status=closed")).contains(id));
        assertFalse(ids(get("requests.json?status=open")).contains(id));
    }

    private static List<Long> ids(Answer a) {
        assertEquals(200, a.status(), a.text());
        JsonNode json = SpecFields.json(a.body());
        return java.util.stream.StreamSupport.stream(json.spliterator(), false)
                .map(n -> n.get("service_request_id").asLong()).toList();
    }

    private static String w3c(Instant instant) {
        return DateTimeFormatter.ISO_OFFSET_DATE_TIME
                .format(instant.truncatedTo(java.time.temporal.ChronoUnit.SECONDS).atZone(KYIV).toOffsetDateTime());
    }

    @Test
    void withoutAValidKeyNothingIsRegistered() throws Exception {
        long before = oks.violations().searchPublic(ua.hromada.oks.api.ViolationQuery.current().page(0, 10_000)).size();
        String noKey = error(post("requests.xml", report("api_key", null)), 403, "xml");
        assertTrue(noKey.contains("api_key"), noKey);
        error(post("requests.json", report("api_key", "wrong")), 403, "json");
        error(post("requests.json", report("api_key", KEY + "x")), 403, "json");
        // configured, but a placeholder: refused like any unknown key
        assertTrue(error(post("requests.json", report("api_key", PLACEHOLDER)), 403, "json").contains("api_key"));
        // a bad key is reported before any other mistake
        error(post("requests.json", report("api_key", "wrong", "lat", "abc")), 403, "json");
        assertEquals(before, oks.violations().searchPublic(ua.hromada.oks.api.ViolationQuery.current().page(0, 10_000)).size());
    }

    @Test
    void aKeyInTheQueryStringIsRefusedEvenWhenValid() throws Exception {
        long before = oks.violations().searchPublic(ua.hromada.oks.api.ViolationQuery.current().page(0, 10_000)).size();
        String inAddress = error(post("requests.json?api_key=" + enc(KEY), report("api_key", null)), 400, "json");
        assertTrue(inAddress.contains("api_key") && inAddress.contains("тілі форми"), inAddress);
        // in both places: the one in the address is still refused
        error(post("requests.xml?api_key=" + enc(KEY), report()), 400, "xml");
        error(post("requests.json?api%5Fkey=" + enc(KEY), report("api_key", null)), 400, "json");
        assertEquals(before, oks.violations().searchPublic(ua.hromada.oks.api.ViolationQuery.current().page(0, 10_000)).size());
        // reading with a key in the address grants nothing and harms nothing: still a plain read
        assertEquals(200, get("services.json?api_key=" + enc(KEY)).status());
    }

    @Test
    void aClientOverItsLimitGets429WithRetryAfter() throws Exception {
        String limited = base.replace("/api/open311/v2/", "/limited/api/open311/v2/");
        List<Integer> statuses = new java.util.ArrayList<>();
        HttpResponse<byte[]> last = null;
        for (int i = 0; i < 12; i++) {
            // valid key, no service_code: a 400 when it gets through, nothing is registered
            last = server.post(limited + "requests.json", "application/x-www-form-urlencoded", "api_key=" + KEY);
            statuses.add(last.statusCode());
        }
        assertEquals(java.util.Collections.nCopies(10, 400), statuses.subList(0, 10), statuses.toString());
        assertEquals(List.of(429, 429), statuses.subList(10, 12));
        assertEquals("120", last.headers().firstValue("Retry-After").orElse(""), "30 per hour: a token in 2 minutes");
        assertTrue(error(answer(last), 429, "json").contains("120"));
    }

    @Test
    void malformedReportsAre400WithAUkrainianReason() throws Exception {
        assertTrue(error(post("requests.json", report("lat", "abc")), 400, "json").contains("lat"));
        assertTrue(error(post("requests.xml", report("long", "200")), 400, "xml").contains("long"));
        assertTrue(error(post("requests.json", report("service_code", "no-such-type")), 400, "json")
                .contains("no-such-type"));
        assertTrue(error(post("requests.json", report("service_code", null)), 400, "json").contains("service_code"));
        String pointNeeded = error(post("requests.xml", report("lat", null, "long", null)), 400, "xml");
        assertTrue(pointNeeded.contains("lat") && pointNeeded.contains("long"), pointNeeded);
        assertTrue(error(post("requests.json", report("description", "д".repeat(4001))), 400, "json")
                .contains("4000"));
        // the service's own rules, in its own words: a point outside the community
        assertEquals("Точка поза територією громади.",
                error(post("requests.json", report("lat", "50.45", "long", "30.52")), 400, "json"));
        assertTrue(error(post("requests.json", "application/json", "{\"service_code\":\"trees\"}"), 400, "json")
                .contains("x-www-form-urlencoded"));
    }

    @Test
    void anOversizedFormIsA400NotA500() throws Exception {
        // larger than the container's form limit: refused while parsing, answered by the servlet
        String body = "api_key=" + KEY + "&service_code=trees&lat=49.5&long=34.5&description=" + "x".repeat(600_000);
        // again and again: the refused rest of the body is read, so the client always gets the
        // 400 (before, the connection was reset under it about one time in six)
        for (int i = 0; i < 20; i++) {
            String description = error(post("requests.json", "application/x-www-form-urlencoded", body), 400, "xml");
            assertTrue(description.matches(".*[0-9a-f]{8}.*"), description);
        }
    }

    @Test
    void malformedQueriesAre400() throws Exception {
        assertTrue(error(get("requests.json?start_date=yesterday"), 400, "json").contains("start_date"));
        assertTrue(error(get("requests.xml?end_date=2026-01-01T00:00:00"), 400, "xml").contains("end_date"));
        assertTrue(error(get("requests.xml?start_date=2026-01-01T00:00:00Z&end_date=2026-06-01T00:00:00Z"), 400,
                "xml").contains("90"));
        error(get("requests.json?status=pending"), 400, "json");
        error(get("requests.json?service_code=no-such-type"), 400, "json");
        error(get("requests.json?service_request_id=1,abc"), 400, "json");
    }

    @Test
    void unknownResourcesFormatsAndJurisdictions() throws Exception {
        assertTrue(error(get("requests/99999999.json"), 404, "json").contains("99999999"));
        error(get("requests/99999999.xml"), 404, "xml");
        error(get("requests/abc.xml"), 404, "xml");
        assertTrue(error(get("requests.html"), 400, "xml").contains("html"));
        error(get("services"), 400, "xml");
        error(get("tokens/123.json"), 404, "json");
        error(get("nothing.json"), 404, "json");
        error(get("a/b/c.json"), 404, "json");
        assertTrue(error(get("services.json?jurisdiction_id=kyivcity.gov.ua"), 404, "json").contains("kyivcity"));
        assertEquals(200, get("services.json?jurisdiction_id=rada-poltava.gov.ua").status());
        assertEquals(200, get("services.json?jurisdiction_id=").status(), "an empty optional argument is not sent");
        error(post("services.json", report()), 400, "json");
        HttpResponse<byte[]> delete = server.send(HttpRequest.newBuilder(URI.create(base + "requests/1.json")).DELETE()
                .build());
        error(answer(delete), 400, "json");
    }

    @Test
    void utf8InAndOut() throws Exception {
        long id = create("json");
        Answer a = get("requests/" + id + ".xml");
        assertTrue(a.text().startsWith("<?xml version=\"1.0\" encoding=\"utf-8\"?>"));
        assertTrue(a.text().contains("«небезпечно» &amp; &lt;терміново&gt;"), a.text());
    }
}
