package ua.hromada.oks.open311;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.xml.parsers.DocumentBuilderFactory;

import org.w3c.dom.Element;
import org.w3c.dom.Node;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The field lists of the GeoReport v2 spec (wiki.open311.org/GeoReport_v2, "Response" tables),
 * and readers that turn an answer in either format back into ordered name/text maps so tests can
 * compare the two formats and check every name against the spec.
 */
final class SpecFields {

    static final List<String> SERVICE = List.of("service_code", "service_name", "description", "metadata", "type",
            "keywords", "group");
    static final List<String> SERVICE_DEFINITION = List.of("service_code", "attributes");
    static final List<String> ATTRIBUTE = List.of("variable", "code", "datatype", "required", "datatype_description",
            "order", "description", "values");
    /** GET requests / GET requests/{id}, in the spec's order. */
    static final List<String> REQUEST = List.of("service_request_id", "status", "status_notes", "service_name",
            "service_code", "description", "agency_responsible", "service_notice", "requested_datetime",
            "updated_datetime", "expected_datetime", "address", "address_id", "zipcode", "lat", "long", "media_url");
    /** Of the spec's request fields, those this API has no data for (no address register, no public media). */
    static final List<String> REQUEST_NOT_RETURNED = List.of("address_id", "zipcode", "media_url");
    /** POST requests with a realtime service: an id, never a token. */
    static final List<String> CREATED = List.of("service_request_id", "service_notice", "account_id");
    static final List<String> ERROR = List.of("code", "description");

    private static final ObjectMapper JSON = new ObjectMapper();

    private SpecFields() {
    }

    static List<String> expectedRequestFields() {
        List<String> out = new ArrayList<>(REQUEST);
        out.removeAll(REQUEST_NOT_RETURNED);
        return out;
    }

    /** The XML answer: root name and, per entry element, its children's names and texts in order. */
    record Xml(String root, String item, List<Map<String, String>> entries, Element rootElement) {
    }

    static Xml xml(byte[] body) {
        String text = new String(body, StandardCharsets.UTF_8);
        assertTrue(text.startsWith("<?xml version=\"1.0\" encoding=\"utf-8\"?>"), text);
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            Element root = f.newDocumentBuilder().parse(new ByteArrayInputStream(body)).getDocumentElement();
            List<Map<String, String>> entries = new ArrayList<>();
            // a list root has entries of one element name; an object root (service_definition) has fields
            List<String> names = new ArrayList<>();
            for (Node n = root.getFirstChild(); n != null; n = n.getNextSibling()) {
                if (n instanceof Element e) {
                    names.add(e.getTagName());
                    entries.add(children(e));
                }
            }
            String item = names.stream().distinct().count() == 1 ? names.get(0) : null;
            return new Xml(root.getTagName(), item, entries, root);
        } catch (Exception e) {
            throw new AssertionError("not well-formed XML: " + text, e);
        }
    }

    static Map<String, String> children(Element e) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element c) {
                assertTrue(!out.containsKey(c.getTagName()), "duplicate element " + c.getTagName());
                out.put(c.getTagName(), c.getTextContent());
            }
        }
        return out;
    }

    static JsonNode json(byte[] body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + new String(body, StandardCharsets.UTF_8), e);
        }
    }

    static List<String> names(JsonNode object) {
        List<String> out = new ArrayList<>();
        for (Iterator<String> it = object.fieldNames(); it.hasNext();) {
            out.add(it.next());
        }
        return out;
    }
}
