package ua.hromada.oks.open311;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import ua.hromada.portal.testing.TestPortalSettings;
import ua.hromada.oks.api.ActionKind;
import ua.hromada.oks.api.ExecutorOrganisation;
import ua.hromada.oks.api.Reporter;
import ua.hromada.oks.api.ResponsibleGroup;
import ua.hromada.oks.api.StatusGroup;
import ua.hromada.oks.api.Urgency;
import ua.hromada.oks.api.Violation;
import ua.hromada.oks.api.ViolationType;
import ua.hromada.oks.api.Violator;
import ua.hromada.oks.api.WorkflowAction;

/** The documents in both formats against the spec's field lists, element names and encoding. */
class DocumentsTest {

    private static final ViolationType TREES = new ViolationType(3, "trees", "Дерева",
            "Аварійні, сухі, незаконно зрізані дерева", true);
    private static final ViolationType WASTE = new ViolationType(4, "waste", "Сміття <звалища> & «відходи»", "", true);
    private static final WorkflowAction SENT = new WorkflowAction(ActionKind.SENT, 2, "Направлено виконавцю",
            StatusGroup.SENT, ResponsibleGroup.EXECUTORS);
    private static final WorkflowAction CONFIRMED = new WorkflowAction(ActionKind.CONFIRMED, 5,
            "Виконання підтверджено", StatusGroup.DONE, ResponsibleGroup.ADMINISTRATORS);
    private static final WorkflowAction REPORTED = new WorkflowAction(ActionKind.REPORTED, 4,
            "Звітовано про виконання", StatusGroup.DONE, ResponsibleGroup.INSPECTORS);
    private static final WorkflowAction ARCHIVED = new WorkflowAction(ActionKind.ARCHIVED, 10, "Архівовано",
            StatusGroup.ARCHIVED, ResponsibleGroup.NONE);
    private static final ExecutorOrganisation ORG = new ExecutorOrganisation(8, "КП «Декоративні культури»",
            "dk@example.org", "0532 000000", true, List.of("petro.executor"));

    private final Texts texts = new Texts(List::of);
    private final Open311Config config = Open311Config.from(Map.of("apiKeys", "k1", "serviceGroup", "Благоустрій",
            "keywords.trees", "дерево, гілля, спил"), TestPortalSettings.KYIV);
    private final Documents documents = new Documents(config, texts);

    private static Violation violation(long id, WorkflowAction last, ExecutorOrganisation executor, String description) {
        return new Violation(id, "inna.inspector", "Інна Інспекторка", Instant.parse("2026-07-10T06:30:15.123Z"),
                LocalDate.of(2026, 7, 24), TREES, description, "вул. Соборності, 1", 49.5883, 34.5514, Urgency.NORMAL,
                executor, new Violator(Violator.Kind.PERSON, "Іван Порушник", "вул. Тиха, 2"),
                new Reporter("olena@example.org", "Олена", "Петренко", "+380501234567", "device-77"), last,
                Instant.parse("2026-07-11T09:00:00Z"), false);
    }

    @Test
    void servicesCarryTheSpecsFieldsInBothFormats() {
        Document doc = documents.services(List.of(TREES, WASTE));
        SpecFields.Xml xml = SpecFields.xml(Format.XML.write(doc));
        assertEquals("services", xml.root());
        assertEquals("service", xml.item());
        assertEquals(2, xml.entries().size());
        for (Map<String, String> s : xml.entries()) {
            assertEquals(SpecFields.SERVICE, List.copyOf(s.keySet()));
        }
        Map<String, String> trees = xml.entries().get(0);
        assertEquals("trees", trees.get("service_code"));
        assertEquals("Дерева", trees.get("service_name"));
        assertEquals("Аварійні, сухі, незаконно зрізані дерева", trees.get("description"));
        assertEquals("false", trees.get("metadata"));
        assertEquals("realtime", trees.get("type"));
        assertEquals("дерево, гілля, спил", trees.get("keywords"));
        assertEquals("Благоустрій", trees.get("group"));
        assertEquals("Сміття <звалища> & «відходи»", xml.entries().get(1).get("service_name"));
        assertEquals("", xml.entries().get(1).get("keywords"));

        JsonNode json = SpecFields.json(Format.JSON.write(doc));
        assertTrue(json.isArray());
        assertEquals(2, json.size());
        for (JsonNode s : json) {
            assertEquals(SpecFields.SERVICE, SpecFields.names(s));
        }
        assertEquals("trees", json.get(0).get("service_code").asText());
        assertTrue(json.get(0).get("metadata").isBoolean());
        assertFalse(json.get(0).get("metadata").asBoolean());
        assertEquals("realtime", json.get(0).get("type").asText());
        assertTrue(json.get(1).get("keywords").isNull());
        assertTrue(json.get(1).get("description").isNull(), "a blank description is null, as in the spec's examples");
    }

    @Test
    void theGroupDefaultsToTheBundlesText() {
        Documents plain = new Documents(Open311Config.from(Map.of(), TestPortalSettings.KYIV), texts);
        JsonNode json = SpecFields.json(Format.JSON.write(plain.services(List.of(TREES))));
        assertEquals(texts.get("open311.service.group"), json.get(0).get("group").asText());
        assertFalse(json.get(0).get("group").asText().startsWith("open311."));
    }

    @Test
    void aServiceDefinitionHasAnEmptyAttributeList() {
        Document doc = documents.serviceDefinition(TREES);
        SpecFields.Xml xml = SpecFields.xml(Format.XML.write(doc));
        assertEquals("service_definition", xml.root());
        assertEquals(SpecFields.SERVICE_DEFINITION, List.copyOf(SpecFields.children(xml.rootElement()).keySet()));
        assertEquals("trees", SpecFields.children(xml.rootElement()).get("service_code"));
        assertEquals("", SpecFields.children(xml.rootElement()).get("attributes"));

        JsonNode json = SpecFields.json(Format.JSON.write(doc));
        assertTrue(json.isObject(), "the spec's service definition is an object, not a list");
        assertEquals(SpecFields.SERVICE_DEFINITION, SpecFields.names(json));
        assertTrue(json.get("attributes").isArray());
        assertEquals(0, json.get("attributes").size());
    }

    @Test
    void nestedListsUseTheSpecsElementNames() {
        // the writer itself, with a filled attribute list as in the spec's DMV66 example
        Document.Node value = new Document.Node().put("key", "123").put("name", "Ford");
        Document.Node attribute = new Document.Node().put("variable", true).put("code", "WHISHETN")
                .put("datatype", "singlevaluelist").put("required", true).put("datatype_description", null)
                .put("order", 1).put("description", "What is the ticket/tag/DL number?")
                .put("values", new Document.NodeList("value", List.of(value)));
        Document doc = Document.object("service_definition", new Document.Node().put("service_code", "DMV66")
                .put("attributes", new Document.NodeList("attribute", List.of(attribute))));
        String xml = new String(Format.XML.write(doc), StandardCharsets.UTF_8);
        assertTrue(xml.contains("<attributes><attribute><variable>true</variable><code>WHISHETN</code>"
                + "<datatype>singlevaluelist</datatype><required>true</required><datatype_description/>"
                + "<order>1</order><description>What is the ticket/tag/DL number?</description>"
                + "<values><value><key>123</key><name>Ford</name></value></values></attribute></attributes>"), xml);
        JsonNode json = SpecFields.json(Format.JSON.write(doc));
        JsonNode a = json.get("attributes").get(0);
        assertEquals(SpecFields.ATTRIBUTE, SpecFields.names(a));
        assertTrue(a.get("datatype_description").isNull());
        assertEquals(1, a.get("order").asInt());
        assertEquals("Ford", a.get("values").get(0).get("name").asText());
    }

    @Test
    void requestsCarryTheSpecsFieldsAndNothingInternal() {
        Violation sent = violation(15, SENT, ORG, "Сухе дерево нависає над дорогою");
        Violation fresh = violation(16, new WorkflowAction(ActionKind.DETECTED, 1, "Виявлено порушення",
                StatusGroup.UNASSIGNED, ResponsibleGroup.INSPECTORS), null, " ");
        Document doc = documents.requests(List.of(sent, fresh));
        byte[] xmlBytes = Format.XML.write(doc);
        byte[] jsonBytes = Format.JSON.write(doc);
        SpecFields.Xml xml = SpecFields.xml(xmlBytes);
        assertEquals("service_requests", xml.root());
        assertEquals("request", xml.item());
        List<String> expected = SpecFields.expectedRequestFields();
        for (Map<String, String> r : xml.entries()) {
            assertEquals(expected, List.copyOf(r.keySet()));
            assertTrue(SpecFields.REQUEST.containsAll(r.keySet()));
        }
        Map<String, String> r = xml.entries().get(0);
        assertEquals("15", r.get("service_request_id"));
        assertEquals("open", r.get("status"));
        assertEquals("Направлено виконавцю", r.get("status_notes"));
        assertEquals("Дерева", r.get("service_name"));
        assertEquals("trees", r.get("service_code"));
        assertEquals("Сухе дерево нависає над дорогою", r.get("description"));
        assertEquals("КП «Декоративні культури»", r.get("agency_responsible"));
        assertEquals(texts.get("open311.notice.SENT"), r.get("service_notice"));
        // Kyiv is UTC+3 in July; whole seconds
        assertEquals("2026-07-10T09:30:15+03:00", r.get("requested_datetime"));
        assertEquals("2026-07-11T12:00:00+03:00", r.get("updated_datetime"));
        assertEquals("2026-07-24T23:59:59+03:00", r.get("expected_datetime"));
        assertEquals("вул. Соборності, 1", r.get("address"));
        assertEquals("49.5883", r.get("lat"));
        assertEquals("34.5514", r.get("long"));
        assertEquals("", xml.entries().get(1).get("agency_responsible"));
        assertEquals("", xml.entries().get(1).get("description"));

        JsonNode json = SpecFields.json(jsonBytes);
        assertTrue(json.isArray());
        for (JsonNode j : json) {
            assertEquals(expected, SpecFields.names(j));
        }
        JsonNode j = json.get(0);
        assertEquals(15, j.get("service_request_id").asLong());
        assertTrue(j.get("service_request_id").isIntegralNumber());
        assertEquals("open", j.get("status").asText());
        assertEquals("2026-07-24T23:59:59+03:00", j.get("expected_datetime").asText());
        assertEquals(49.5883, j.get("lat").asDouble());
        assertTrue(j.get("long").isNumber());
        assertTrue(json.get(1).get("agency_responsible").isNull());
        assertTrue(json.get(1).get("description").isNull());

        // neither format leaks the inspector, the reporter's contacts, the violator or the executor's people
        for (byte[] body : List.of(xmlBytes, jsonBytes)) {
            String text = new String(body, StandardCharsets.UTF_8);
            for (String secret : List.of("inna.inspector", "Інна", "olena@example.org", "Олена", "Петренко",
                    "+380501234567", "device-77", "Порушник", "dk@example.org", "petro.executor", "0532")) {
                assertFalse(text.contains(secret), secret + " leaked: " + text);
            }
        }
    }

    @Test
    void closedOnlyAfterConfirmationOrArchive() {
        assertEquals(Params.Status.OPEN, Documents.status(violation(1, SENT, ORG, "x")));
        assertEquals(Params.Status.OPEN, Documents.status(violation(1, REPORTED, ORG, "x")),
                "reported done but not yet confirmed is still open, though in the same status group");
        assertEquals(Params.Status.CLOSED, Documents.status(violation(1, CONFIRMED, ORG, "x")));
        assertEquals(Params.Status.CLOSED, Documents.status(violation(1, ARCHIVED, null, "x")));
        SpecFields.Xml xml = SpecFields.xml(Format.XML.write(documents.requests(List.of(violation(2, ARCHIVED, null, "x")))));
        assertEquals("closed", xml.entries().get(0).get("status"));
        assertEquals("Архівовано", xml.entries().get(0).get("status_notes"));
    }

    @Test
    void anEmptyListIsAnEmptyRootAndAnEmptyArray() {
        Document doc = documents.requests(List.of());
        assertTrue(new String(Format.XML.write(doc), StandardCharsets.UTF_8).endsWith("<service_requests></service_requests>"));
        assertEquals("[]", new String(Format.JSON.write(doc), StandardCharsets.UTF_8));
    }

    @Test
    void theAnswerToAPostIsAListWithTheNewId() {
        Document doc = documents.created(violation(77, SENT, null, "x"));
        SpecFields.Xml xml = SpecFields.xml(Format.XML.write(doc));
        assertEquals("service_requests", xml.root());
        assertEquals("request", xml.item());
        assertEquals(SpecFields.CREATED, List.copyOf(xml.entries().get(0).keySet()));
        assertEquals("77", xml.entries().get(0).get("service_request_id"));
        assertEquals(texts.get("open311.notice.created"), xml.entries().get(0).get("service_notice"));
        assertFalse(xml.entries().get(0).containsKey("token"));
        JsonNode json = SpecFields.json(Format.JSON.write(doc));
        assertEquals(1, json.size());
        assertEquals(SpecFields.CREATED, SpecFields.names(json.get(0)));
        assertEquals(77, json.get(0).get("service_request_id").asLong());
        assertTrue(json.get(0).get("account_id").isNull());
    }

    @Test
    void errorsAreTheSpecsListOfCodeAndDescription() {
        Document doc = Documents.errors(403, "Відсутній або недійсний api_key");
        String xmlText = new String(Format.XML.write(doc), StandardCharsets.UTF_8);
        assertEquals("<?xml version=\"1.0\" encoding=\"utf-8\"?><errors><error><code>403</code>"
                + "<description>Відсутній або недійсний api_key</description></error></errors>", xmlText);
        SpecFields.Xml xml = SpecFields.xml(xmlText.getBytes(StandardCharsets.UTF_8));
        assertEquals(SpecFields.ERROR, List.copyOf(xml.entries().get(0).keySet()));
        JsonNode json = SpecFields.json(Format.JSON.write(doc));
        assertEquals("[{\"code\":403,\"description\":\"Відсутній або недійсний api_key\"}]",
                new String(Format.JSON.write(doc), StandardCharsets.UTF_8));
        assertEquals(SpecFields.ERROR, SpecFields.names(json.get(0)));
    }

    @Test
    void textIsEscapedAndCharactersXmlCannotCarryAreDropped() {
        String nasty = "<script>alert(\"x\")</script> & ' ]]> \u0001\u0008 ок \uD83C\uDF33 \uD800 кінець";
        Violation v = violation(5, SENT, ORG, nasty);
        byte[] xmlBytes = Format.XML.write(documents.requests(List.of(v)));
        String raw = new String(xmlBytes, StandardCharsets.UTF_8);
        assertFalse(raw.contains("<script>"), raw);
        assertTrue(raw.contains("&lt;script&gt;"), raw);
        String expected = "<script>alert(\"x\")</script> & ' ]]>  ок \uD83C\uDF33  кінець";
        assertEquals(expected, SpecFields.xml(xmlBytes).entries().get(0).get("description"));
        assertEquals(expected, SpecFields.json(Format.JSON.write(documents.requests(List.of(v)))).get(0)
                .get("description").asText());
        List<String> lines = new ArrayList<>(List.of("рядок 1", "рядок 2"));
        Violation multi = violation(6, SENT, ORG, String.join("\n", lines));
        assertEquals("рядок 1\nрядок 2", SpecFields.xml(Format.XML.write(documents.requests(List.of(multi)))).entries()
                .get(0).get("description"));
    }

    @Test
    void formatsAreChosenByExtension() {
        assertEquals(Format.XML, Format.ofExtension("xml").orElseThrow());
        assertEquals(Format.JSON, Format.ofExtension("JSON").orElseThrow());
        assertTrue(Format.ofExtension("html").isEmpty());
        assertTrue(Format.ofExtension("").isEmpty());
        assertEquals("text/xml; charset=utf-8", Format.XML.contentType());
        assertEquals("application/json; charset=utf-8", Format.JSON.contentType());
    }
}
