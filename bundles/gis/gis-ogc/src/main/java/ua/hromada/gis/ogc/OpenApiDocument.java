package ua.hromada.gis.ogc;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import ua.hromada.gis.api.AttributeDefinition;
import ua.hromada.gis.api.AttributeType;
import ua.hromada.gis.api.FeatureQuery;
import ua.hromada.gis.api.Layer;

/**
 * The API's OpenAPI 3.0 definition (conformance class oas30): the generic resources, and for each
 * public layer its items path with the parameters that layer takes (its attributes, and
 * {@code datetime} when it has a date), so clients such as GDAL and QGIS know which filters the
 * server evaluates.
 */
final class OpenApiDocument {

    private final Texts texts;
    private final OgcApi.Request r;

    OpenApiDocument(Texts texts, OgcApi.Request r) {
        this.texts = texts;
        this.r = r;
    }

    Map<String, Object> build(List<Layer> layers) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("openapi", "3.0.3");
        doc.put("info", Map.of("title", text("ogc.landing.title"), "description", text("ogc.landing.description"),
                "version", "1.0.0"));
        doc.put("servers", List.of(Map.of("url", r.base())));
        Map<String, Object> paths = new LinkedHashMap<>();
        paths.put("/", get(text("ogc.api.landing"), "getLandingPage", List.of(), OgcApi.JSON));
        paths.put("/conformance", get(text("ogc.api.conformance"), "getConformanceDeclaration", List.of(),
                OgcApi.JSON));
        paths.put("/api", get(text("ogc.api.api"), "getApiDescription", List.of(), OgcApi.OPENAPI));
        paths.put("/collections", get(text("ogc.api.collections"), "getCollections", List.of(), OgcApi.JSON));
        paths.put("/collections/{collectionId}", get(text("ogc.api.collection"), "describeCollection",
                List.of(ref("collectionId")), OgcApi.JSON));
        paths.put("/collections/{collectionId}/items", get(text("ogc.api.items"), "getFeatures",
                List.of(ref("collectionId"), ref("limit"), ref("offset"), ref("bbox"), ref("datetime")),
                OgcApi.GEOJSON));
        paths.put("/collections/{collectionId}/items/{featureId}", get(text("ogc.api.feature"), "getFeature",
                List.of(ref("collectionId"), ref("featureId")), OgcApi.GEOJSON));
        for (Layer layer : layers) {
            List<Object> parameters = new ArrayList<>(List.of(ref("limit"), ref("offset"), ref("bbox")));
            if (ItemsRequest.dateAttribute(layer).isPresent()) {
                parameters.add(ref("datetime"));
            }
            for (AttributeDefinition a : layer.attributes()) {
                if (!ItemsRequest.RESERVED.contains(a.name())) {
                    parameters.add(attribute(a));
                }
            }
            paths.put("/collections/" + layer.key() + "/items", get(text("ogc.api.items.of", layer.title()),
                    "getFeatures_" + layer.key().replace('-', '_'), parameters, OgcApi.GEOJSON));
        }
        doc.put("paths", paths);
        doc.put("components", Map.of("parameters", parameters(), "responses", Map.of(
                "Error", response(text("ogc.api.error"), OgcApi.JSON))));
        return doc;
    }

    private String text(String key, Object... args) {
        return texts.get(r.locale(), key, args);
    }

    private Map<String, Object> get(String summary, String operationId, List<Object> parameters, String type) {
        Map<String, Object> op = new LinkedHashMap<>();
        op.put("summary", summary);
        op.put("operationId", operationId);
        List<Object> all = new ArrayList<>(parameters);
        all.add(ref("f"));
        op.put("parameters", all);
        Map<String, Object> responses = new LinkedHashMap<>();
        responses.put("200", response(summary, type));
        responses.put("400", Map.of("$ref", "#/components/responses/Error"));
        responses.put("404", Map.of("$ref", "#/components/responses/Error"));
        op.put("responses", responses);
        return Map.of("get", op);
    }

    private static Map<String, Object> response(String description, String type) {
        return Map.of("description", description, "content", Map.of(type, Map.of("schema", Map.of("type", "object"))));
    }

    private static Map<String, Object> ref(String parameter) {
        return Map.of("$ref", "#/components/parameters/" + parameter);
    }

    private Map<String, Object> parameters() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("collectionId", parameter("collectionId", "path", true, text("ogc.api.param.collectionId"),
                Map.of("type", "string")));
        p.put("featureId", parameter("featureId", "path", true, text("ogc.api.param.featureId"),
                Map.of("type", "integer")));
        p.put("limit", parameter("limit", "query", false, text("ogc.api.param.limit"), Map.of("type", "integer",
                "minimum", 1, "maximum", FeatureQuery.MAX_LIMIT, "default", ItemsRequest.DEFAULT_LIMIT)));
        p.put("offset", parameter("offset", "query", false, text("ogc.api.param.offset"), Map.of("type", "integer",
                "minimum", 0, "default", 0)));
        Map<String, Object> bbox = parameter("bbox", "query", false, text("ogc.api.param.bbox"), Map.of("type",
                "array", "minItems", 4, "maxItems", 4, "items", Map.of("type", "number")));
        bbox.put("style", "form");
        bbox.put("explode", false);
        p.put("bbox", bbox);
        p.put("datetime", parameter("datetime", "query", false, text("ogc.api.param.datetime"),
                Map.of("type", "string")));
        p.put("f", parameter("f", "query", false, text("ogc.api.param.f"), Map.of("type", "string", "enum",
                List.of("json"))));
        return p;
    }

    private Map<String, Object> attribute(AttributeDefinition a) {
        Map<String, Object> schema = new LinkedHashMap<>();
        if (a.type() == AttributeType.NUMBER) {
            schema.put("type", "number");
        } else {
            schema.put("type", "string");
            if (a.type() == AttributeType.DATE) {
                schema.put("format", "date");
            }
            if (a.type() == AttributeType.CHOICE) {
                schema.put("enum", a.choices());
            }
        }
        return parameter(a.name(), "query", false, a.label(), schema);
    }

    private static Map<String, Object> parameter(String name, String in, boolean required, String description,
            Map<String, Object> schema) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("name", name);
        p.put("in", in);
        p.put("required", required);
        p.put("description", description);
        p.put("schema", schema);
        return p;
    }
}
