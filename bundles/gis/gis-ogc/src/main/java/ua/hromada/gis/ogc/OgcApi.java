package ua.hromada.gis.ogc;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import ua.hromada.gis.api.GisException;
import ua.hromada.gis.api.GisFeature;
import ua.hromada.gis.api.GisFeatures;
import ua.hromada.gis.api.GisLayers;
import ua.hromada.gis.api.Layer;
import ua.hromada.gis.api.Page;
import ua.hromada.gis.api.ValidationError;
import ua.hromada.portal.api.PortalException;

/**
 * OGC API – Features Part 1 (Core, GeoJSON, OpenAPI 3.0) over the current community's public
 * layers: the resources, their parameters and the documents, independent of the servlet that
 * carries them. A layer that is not public is answered as one that does not exist.
 */
final class OgcApi {

    static final String GEOJSON = "application/geo+json";
    static final String JSON = "application/json";
    static final String OPENAPI = "application/vnd.oai.openapi+json;version=3.0";

    private static final Pattern COLLECTION = Pattern.compile("/collections/([^/]+)(/items(?:/([^/]+))?)?");
    private static final Pattern FEATURE_ID = Pattern.compile("[0-9]{1,18}");

    /** An answer: status, content type, JSON body. */
    record Answer(int status, String contentType, byte[] body) {
    }

    /**
     * What the API needs of one request.
     *
     * @param base       the API's absolute address, without a trailing slash (links are absolute)
     * @param path       the path after the API's address ("" or "/" for the landing page)
     * @param parameters the query parameters
     * @param community  the community the request is served for (extents are kept per community)
     */
    record Request(String base, String path, Map<String, String[]> parameters, Locale locale, String community) {
    }

    private final GisLayers layers;
    private final GisFeatures features;
    private final Texts texts;
    private final Clock clock;
    private final ZoneId zone;
    private final Extents extents;
    private final Metadata metadata;

    OgcApi(GisLayers layers, GisFeatures features, Texts texts, Clock clock, ZoneId zone) {
        this.layers = layers;
        this.features = features;
        this.texts = texts;
        this.clock = clock;
        this.zone = zone;
        this.extents = new Extents(features, clock);
        this.metadata = new Metadata(texts);
    }

    Answer handle(Request r) {
        try {
            return route(r);
        } catch (OgcError e) {
            return error(r.locale(), e);
        } catch (GisException e) {
            return error(r.locale(), refusal(e));
        }
    }

    private Answer route(Request r) {
        String path = r.path() == null || r.path().isEmpty() ? "/" : r.path();
        if (path.length() > 1 && path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        switch (path) {
        case "/":
            Params.check(r.parameters(), Set.of());
            return json(JSON, metadata.landing(r));
        case "/conformance":
            Params.check(r.parameters(), Set.of());
            return json(JSON, Metadata.conformance());
        case "/api":
            Params.check(r.parameters(), Set.of());
            return json(OPENAPI, new OpenApiDocument(texts, r).build(layers.publicLayers()));
        case "/collections":
            Params.check(r.parameters(), Set.of());
            List<Map<String, Object>> collections = new ArrayList<>();
            for (Layer layer : layers.publicLayers()) {
                collections.add(collection(r, layer));
            }
            return json(JSON, metadata.collections(r, collections));
        default:
            break;
        }
        Matcher m = COLLECTION.matcher(path);
        if (!m.matches()) {
            throw OgcError.notFound("ogc.error.path", path);
        }
        Layer layer = layers.findPublic(m.group(1)).orElseThrow(() -> OgcError.notFound("ogc.error.collection",
                m.group(1)));
        if (m.group(2) == null) {
            Params.check(r.parameters(), Set.of());
            return json(JSON, collection(r, layer));
        }
        if (m.group(3) == null) {
            return items(r, layer);
        }
        Params.check(r.parameters(), Set.of());
        return feature(r, layer, m.group(3));
    }

    private Map<String, Object> collection(Request r, Layer layer) {
        return metadata.collection(r, layer, extents.of(r.community(), layer, ItemsRequest.dateAttribute(layer)));
    }

    private Answer items(Request r, Layer layer) {
        ItemsRequest request = ItemsRequest.read(layer, r.parameters(), zone);
        Page<GisFeature> page = features.queryPublic(request.query);
        String items = Metadata.collectionUrl(r, layer) + "/items";
        List<Object> links = new ArrayList<>();
        links.add(Metadata.link(items + query(request.params.all(), null), "self", GEOJSON,
                texts.get(r.locale(), "ogc.link.items.self")));
        links.add(Metadata.link(Metadata.collectionUrl(r, layer), "collection", JSON, layer.title()));
        int offset = request.query.offset();
        int limit = request.query.limit();
        if (page.hasNext()) {
            links.add(Metadata.link(items + query(request.params.all(), offset + limit), "next", GEOJSON,
                    texts.get(r.locale(), "ogc.link.next")));
        }
        if (offset > 0) {
            links.add(Metadata.link(items + query(request.params.all(), Math.max(0, offset - limit)), "prev",
                    GEOJSON, texts.get(r.locale(), "ogc.link.prev")));
        }
        List<Object> list = new ArrayList<>(page.items().size());
        for (GisFeature f : page.items()) {
            list.add(feature(r, layer, f, false));
        }
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("type", "FeatureCollection");
        doc.put("features", list);
        doc.put("links", links);
        doc.put("timeStamp", clock.instant().truncatedTo(ChronoUnit.SECONDS).toString());
        doc.put("numberMatched", page.total());
        doc.put("numberReturned", page.items().size());
        return json(GEOJSON, doc);
    }

    private Answer feature(Request r, Layer layer, String id) {
        Optional<GisFeature> found = FEATURE_ID.matcher(id).matches()
                ? features.getPublic(Long.parseLong(id)).filter(f -> f.layerId() == layer.id())
                : Optional.empty();
        GisFeature f = found.orElseThrow(() -> OgcError.notFound("ogc.error.feature", id, layer.key()));
        return json(GEOJSON, feature(r, layer, f, true));
    }

    private Map<String, Object> feature(Request r, Layer layer, GisFeature f, boolean withLinks) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("type", "Feature");
        doc.put("id", f.id());
        doc.put("geometry", new Json.Raw(f.geometry()));
        Map<String, Object> properties = new LinkedHashMap<>();
        f.attributes().forEach((name, value) -> properties.put(name,
                value instanceof LocalDate d ? d.toString() : value));
        doc.put("properties", properties);
        if (withLinks) {
            String self = Metadata.collectionUrl(r, layer) + "/items/" + f.id();
            doc.put("links", List.of(Metadata.link(self, "self", GEOJSON, layer.title()),
                    Metadata.link(Metadata.collectionUrl(r, layer), "collection", JSON, layer.title())));
        }
        return doc;
    }

    /** The parameters as given with another offset (null: unchanged), as a query string. */
    private static String query(Map<String, String> params, Integer offset) {
        Map<String, String> q = new LinkedHashMap<>(params);
        if (offset != null) {
            q.put(ItemsRequest.OFFSET, String.valueOf(offset));
        }
        StringBuilder b = new StringBuilder();
        q.forEach((name, value) -> b.append(b.length() == 0 ? '?' : '&').append(Metadata.encode(name)).append('=')
                .append(Metadata.encode(value)));
        return b.toString();
    }

    /** A refusal of the GIS service: a value its type cannot read is the client's mistake. */
    private static OgcError refusal(GisException e) {
        if (e.reason() == PortalException.Reason.NOT_FOUND) {
            return OgcError.notFound(e.messageKey(), e.args());
        }
        if (!e.errors().isEmpty()) {
            ValidationError first = e.errors().get(0);
            return OgcError.badRequest(first.messageKey(), first.args().toArray());
        }
        return OgcError.badRequest(e.messageKey(), e.args());
    }

    Answer error(Locale locale, int status, String messageKey, Object... args) {
        return error(locale, OgcError.of(status, messageKey, args));
    }

    Answer error(Locale locale, OgcError e) {
        String message = texts.get(locale, e.messageKey(), e.args());
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("status", e.status());
        error.put("code", e.code());
        error.put("message", message);
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("error", error);
        // the OGC exception schema's members, for OGC clients
        doc.put("code", e.ogcCode());
        doc.put("description", message);
        return new Answer(e.status(), JSON, Json.write(doc));
    }

    private static Answer json(String contentType, Object doc) {
        return new Answer(200, contentType, Json.write(doc));
    }
}
