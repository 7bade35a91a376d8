package ua.hromada.docsearch.ui.api;

import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import ua.hromada.docsearch.api.ActDraft;
import ua.hromada.docsearch.api.ActStatus;
import ua.hromada.docsearch.api.LinkType;

/**
 * Reads the {@code metadata} part of {@code POST /api/documents} into an {@link ActDraft}. Only
 * the shape is checked here (JSON, types, date format); the rules are the service's.
 */
public final class MetadataParser {

    private final ObjectMapper json = new ObjectMapper();

    /** Malformed metadata: field name to an English explanation. */
    public static final class BadMetadata extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient Map<String, String> fields;

        BadMetadata(Map<String, String> fields) {
            super("Bad metadata: " + fields);
            this.fields = Map.copyOf(fields);
        }

        public Map<String, String> fields() {
            return fields;
        }
    }

    public ActDraft parse(byte[] bytes) {
        JsonNode root;
        try {
            root = json.readTree(bytes);
        } catch (JsonProcessingException e) {
            throw new BadMetadata(Map.of("metadata", "The metadata part is not valid JSON."));
        } catch (IOException e) {
            throw new BadMetadata(Map.of("metadata", "The metadata part could not be read."));
        }
        if (root == null || !root.isObject()) {
            throw new BadMetadata(Map.of("metadata", "The metadata part must be a JSON object."));
        }
        Map<String, String> errors = new LinkedHashMap<>();
        String kind = text(root, "kind", errors);
        String number = text(root, "number", errors);
        String title = text(root, "title", errors);
        String body = text(root, "issuingBody", errors);
        LocalDate date = parsed(text(root, "date", errors), LocalDate::parse, "date",
                "Use the format yyyy-MM-dd, e.g. 2025-03-14.", errors);
        Integer convocation = integer(root, "convocation", errors);
        Integer session = integer(root, "session", errors);
        ActStatus status = parsed(text(root, "status", errors),
                s -> ActStatus.valueOf(s.toUpperCase(Locale.ROOT).replace('-', '_')), "status",
                "One of IN_FORCE, AMENDED, SUSPENDED, LOST_FORCE.", errors);
        Set<String> tags = new LinkedHashSet<>();
        JsonNode tagNode = root.get("tags");
        if (tagNode != null && !tagNode.isNull()) {
            if (!tagNode.isArray()) {
                errors.put("tags", "An array of strings.");
            } else {
                for (JsonNode t : tagNode) {
                    if (!t.isTextual()) {
                        errors.put("tags", "An array of strings.");
                    } else if (!t.asText().isBlank()) {
                        tags.add(t.asText().trim());
                    }
                }
            }
        }
        List<ActDraft.Link> links = links(root.get("links"), errors);
        if (!errors.isEmpty()) {
            throw new BadMetadata(errors);
        }
        // no status: the register's default (ActDraft)
        return new ActDraft(kind, number, date, title, body, convocation, session, status, tags, links);
    }

    /** The value of a text field, or null (absent, or unreadable: then the field's error is noted). */
    private static <T> T parsed(String text, java.util.function.Function<String, T> parser, String field,
            String message, Map<String, String> errors) {
        if (text == null) {
            return null;
        }
        try {
            return parser.apply(text);
        } catch (IllegalArgumentException | DateTimeParseException e) {
            errors.put(field, message);
            return null;
        }
    }

    private static List<ActDraft.Link> links(JsonNode node, Map<String, String> errors) {
        List<ActDraft.Link> links = new ArrayList<>();
        if (node == null || node.isNull()) {
            return links;
        }
        String shape = "An array of objects {\"actId\": number, \"type\": \"AMENDS\"|\"CANCELS\"}.";
        if (!node.isArray()) {
            errors.put("links", shape);
            return links;
        }
        for (JsonNode l : node) {
            JsonNode id = l.get("actId");
            JsonNode type = l.get("type");
            if (id == null || !id.canConvertToLong() || !id.isIntegralNumber() || type == null || !type.isTextual()) {
                errors.put("links", shape);
                continue;
            }
            try {
                links.add(new ActDraft.Link(id.asLong(), LinkType.valueOf(type.asText().toUpperCase(Locale.ROOT))));
            } catch (IllegalArgumentException e) {
                errors.put("links", shape);
            }
        }
        return links;
    }

    private static String text(JsonNode root, String field, Map<String, String> errors) {
        JsonNode node = root.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isTextual()) {
            errors.put(field, "A string.");
            return null;
        }
        String value = node.asText().trim();
        return value.isEmpty() ? null : value;
    }

    private static Integer integer(JsonNode root, String field, Map<String, String> errors) {
        JsonNode node = root.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (node.isIntegralNumber() && node.canConvertToInt()) {
            return node.asInt();
        }
        if (node.isTextual()) {
            try {
                return Integer.valueOf(node.asText().trim());
            } catch (NumberFormatException e) {
                // reported below
            }
        }
        errors.put(field, "A whole number.");
        return null;
    }
}
