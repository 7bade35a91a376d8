package ua.hromada.oks.open311;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A GeoReport response as one neutral tree, written as XML or JSON by {@link Format}. The spec's
 * JSON is the "Spark convention" mapping of its XML: a list root ({@code <services><service>})
 * becomes a JSON array of objects, a nested list ({@code <attributes><attribute>}) an array field,
 * and an empty element {@code null}. Building the tree once keeps both formats identical.
 *
 * @param root     XML root element (e.g. {@code services}, {@code service_definition})
 * @param item     XML element of each list entry (e.g. {@code service}); null for an object root
 * @param entries  the list entries (list root), or exactly one entry (object root)
 */
public record Document(String root, String item, List<Node> entries) {

    public Document {
        entries = List.copyOf(entries);
    }

    /** A list root: XML {@code <root><item>..</item>..</root>}, JSON {@code [{..},..]}. */
    public static Document list(String root, String item, List<Node> entries) {
        return new Document(root, item, entries);
    }

    /** An object root: XML {@code <root>..</root>}, JSON {@code {..}}. */
    public static Document object(String root, Node node) {
        return new Document(root, null, List.of(node));
    }

    public boolean isList() {
        return item != null;
    }

    /**
     * An element with ordered fields. A value is a String, Number, Boolean, null (empty element /
     * JSON null), a {@link NodeList} or a {@link ValueList}.
     */
    public static final class Node {
        private final Map<String, Object> fields = new LinkedHashMap<>();

        public Node put(String name, Object value) {
            if (!(value == null || value instanceof String || value instanceof Number || value instanceof Boolean
                    || value instanceof NodeList || value instanceof ValueList)) {
                throw new IllegalArgumentException("unsupported value for " + name + ": " + value.getClass());
            }
            fields.put(name, value);
            return this;
        }

        public Map<String, Object> fields() {
            return Collections.unmodifiableMap(fields);
        }
    }

    /** A nested list: XML {@code <name><item>..</item></name>}, JSON {@code "name":[..]}. */
    public record NodeList(String item, List<Node> nodes) {
        public NodeList {
            nodes = List.copyOf(new ArrayList<>(nodes));
        }
    }

    /** A nested list of texts: XML {@code <name><item>text</item></name>}, JSON {@code "name":["text"]}. */
    public record ValueList(String item, List<String> values) {
        public ValueList {
            values = List.copyOf(values);
        }
    }
}
