package ua.hromada.gis.ogc;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import ua.hromada.gis.api.Layer;
import ua.hromada.gis.api.LayerMetadata;

/** The landing page, the conformance declaration and the collections' descriptions. */
final class Metadata {

    static final String CRS84 = "http://www.opengis.net/def/crs/OGC/1.3/CRS84";
    static final String GREGORIAN = "http://www.opengis.net/def/uom/ISO-8601/0/Gregorian";
    static final List<String> CONFORMANCE = List.of(
            "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core",
            "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/geojson",
            "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/oas30");

    private final Texts texts;

    Metadata(Texts texts) {
        this.texts = texts;
    }

    Map<String, Object> landing(OgcApi.Request r) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("title", texts.get(r.locale(), "ogc.landing.title"));
        doc.put("description", texts.get(r.locale(), "ogc.landing.description"));
        doc.put("links", List.of(
                link(r.base() + "/", "self", OgcApi.JSON, texts.get(r.locale(), "ogc.link.landing")),
                link(r.base() + "/api", "service-desc", OgcApi.OPENAPI, texts.get(r.locale(), "ogc.link.api")),
                link(r.base() + "/conformance", "conformance", OgcApi.JSON,
                        texts.get(r.locale(), "ogc.link.conformance")),
                link(r.base() + "/collections", "data", OgcApi.JSON, texts.get(r.locale(), "ogc.link.collections"))));
        return doc;
    }

    static Map<String, Object> conformance() {
        return Map.of("conformsTo", CONFORMANCE);
    }

    Map<String, Object> collections(OgcApi.Request r, List<Map<String, Object>> collections) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("links", List.of(link(r.base() + "/collections", "self", OgcApi.JSON,
                texts.get(r.locale(), "ogc.link.collections"))));
        doc.put("collections", collections);
        return doc;
    }

    Map<String, Object> collection(OgcApi.Request r, Layer layer, Extent extent) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("id", layer.key());
        doc.put("title", layer.title());
        String description = description(r, layer);
        if (description != null) {
            doc.put("description", description);
        }
        Map<String, Object> extentDoc = new LinkedHashMap<>();
        if (extent.hasBox()) {
            extentDoc.put("spatial", Map.of("bbox", List.of(extent.box()), "crs", CRS84));
        }
        if (extent.first() != null) {
            List<String> interval = new ArrayList<>();
            interval.add(start(extent.first()));
            interval.add(end(extent.last()));
            extentDoc.put("temporal", Map.of("interval", List.of(interval), "trs", GREGORIAN));
        }
        if (!extentDoc.isEmpty()) {
            doc.put("extent", extentDoc);
        }
        doc.put("itemType", "feature");
        doc.put("crs", List.of(CRS84));
        String url = collectionUrl(r, layer);
        doc.put("links", List.of(link(url, "self", OgcApi.JSON, layer.title()),
                link(url + "/items", "items", OgcApi.GEOJSON, texts.get(r.locale(), "ogc.link.items", layer.title()))));
        return doc;
    }

    /** The layer's metadata in words: source, date, licence, update frequency (null when none is known). */
    private String description(OgcApi.Request r, Layer layer) {
        LayerMetadata m = layer.metadata();
        List<String> parts = new ArrayList<>();
        if (m.source() != null && !m.source().isBlank()) {
            parts.add(texts.get(r.locale(), "ogc.collection.source", m.source()));
        }
        if (m.sourceDate() != null) {
            parts.add(texts.get(r.locale(), "ogc.collection.sourceDate", m.sourceDate().toString()));
        }
        if (m.licence() != null && !m.licence().isBlank()) {
            parts.add(texts.get(r.locale(), "ogc.collection.licence", m.licence()));
        }
        if (m.updateFrequency() != null && !m.updateFrequency().isBlank()) {
            parts.add(texts.get(r.locale(), "ogc.collection.updateFrequency", m.updateFrequency()));
        }
        return parts.isEmpty() ? null : String.join(" ", parts);
    }

    /** The first moment of a day and the last, as RFC 3339 in UTC (the dates have no time). */
    private static String start(LocalDate date) {
        return date + "T00:00:00Z";
    }

    private static String end(LocalDate date) {
        return date + "T23:59:59Z";
    }

    static String collectionUrl(OgcApi.Request r, Layer layer) {
        return r.base() + "/collections/" + encode(layer.key());
    }

    static Map<String, Object> link(String href, String rel, String type, String title) {
        Map<String, Object> link = new LinkedHashMap<>();
        link.put("href", href);
        link.put("rel", rel);
        link.put("type", type);
        link.put("title", title);
        return link;
    }

    /** A query string part; spaces as %20 (a plus reads as a plus in some clients' paths). */
    static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
