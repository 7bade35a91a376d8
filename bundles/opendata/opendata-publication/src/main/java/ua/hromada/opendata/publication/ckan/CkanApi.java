package ua.hromada.opendata.publication.ckan;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import ua.hromada.opendata.publication.Organization;
import ua.hromada.opendata.publication.Publication;
import ua.hromada.opendata.publication.PublicationSettings;
import ua.hromada.opendata.publication.PublishedDataset;
import ua.hromada.opendata.publication.Snapshot;

/**
 * CKAN's read-only Action API (version 3) over the published registry: the actions, their
 * parameters and answers as CKAN 2.9+ gives them, in its envelope
 * {@code {"help", "success", "result"}} or {@code {"help", "success": false, "error": {"__type", ...}}}
 * with CKAN's statuses: 404 Not Found Error, 409 Validation Error and Search Error, 400 Search
 * Query Error (a query over the limits of {@link SolrQuery}), 400 (a JSON string) for an unknown
 * action, and 500 Internal Server Error in the envelope (never a stack trace) for anything else.
 */
public final class CkanApi {

    /** An answer: HTTP status and the UTF-8 JSON body. */
    public record Answer(int status, byte[] body) {
    }

    /** A refused parameter: field -> messages, as CKAN's ValidationError. */
    static final class ValidationError extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final Map<String, List<String>> errors;

        ValidationError(String field, String message) {
            super(field + ": " + message);
            this.errors = Map.of(field, List.of(message));
        }
    }

    /** CKAN's NotFound; the message is appended to "Not found". */
    static final class NotFound extends RuntimeException {
        private static final long serialVersionUID = 1L;

        NotFound(String message) {
            super(message);
        }
    }

    static final Map<String, String> HELP = new LinkedHashMap<>();
    static {
        HELP.put("package_list", "Return a list of the names of the site's datasets (packages).\n\n"
                + ":param limit: if given, the list of datasets will be broken into pages of at most limit datasets "
                + "per page (optional)\n:type limit: int\n:param offset: when limit is given, the offset to start "
                + "returning packages from\n:type offset: int\n\n:rtype: list of strings");
        HELP.put("package_show", "Return the metadata of a dataset (package) and its resources.\n\n"
                + ":param id: the id or name of the dataset\n:type id: string\n\n:rtype: dictionary");
        HELP.put("package_search", "Searches for packages satisfying a given search criteria.\n\n"
                + ":param q: the solr query (free words, or field:value with the fields of fq). Optional. "
                + "Default: \"*:*\"\n:param fq: any filter queries to apply on organization, owner_org, tags, "
                + "res_format, name, id, license_id, groups, metadata_modified, metadata_created (Solr syntax: "
                + "+/-, AND/OR/NOT, parentheses, \"quotes\", prefix*, [from TO to])\n:param fq_list: additional filter "
                + "queries (list of strings)\n:param sort: sorting of the search results: score, metadata_modified, "
                + "metadata_created, name, title_string or id with asc or desc, comma-separated. Default: "
                + "'score desc, metadata_modified desc'\n:param rows: the maximum number of matching rows (datasets) "
                + "to return (up to 1000, default 10)\n:param start: the offset in the complete result for where the "
                + "set of returned datasets should begin\n:param facet: whether to enable faceted results. Default: "
                + "True\n:param facet.field: the fields to facet upon (JSON list): organization, tags, res_format, "
                + "license_id, groups\n:param facet.limit: the maximum number of values the facet fields return; a "
                + "negative value means unlimited. Default: 50\n:param facet.mincount: the minimum counts for facet "
                + "fields to be included in the results\n\n:rtype: dictionary with count, results, facets, "
                + "search_facets and sort");
        HELP.put("organization_list", "Return a list of the names of the site's organizations.\n\n"
                + ":param sort: sorting of the search results: name, title or package_count with asc or desc. "
                + "Default: 'title asc'\n:param limit: the maximum number of organizations returned\n"
                + ":param offset: when limit is given, the offset to start returning organizations from\n"
                + ":param all_fields: return group dictionaries instead of just names. Default: False\n\n"
                + ":rtype: list of strings or dictionaries");
        HELP.put("organization_show", "Return the details of an organization (a data manager).\n\n"
                + ":param id: the id or name of the organization\n:param include_datasets: include a truncated list "
                + "of the organization's datasets. Default: False\n\n:rtype: dictionary");
        HELP.put("resource_show", "Return the metadata of a resource.\n\n:param id: the id of the resource\n\n"
                + ":rtype: dictionary");
        HELP.put("tag_list", "Return a list of the site's tags.\n\n:param query: a tag name query to search for, "
                + "if given only tags whose names contain this string will be returned\n:param all_fields: return "
                + "full tag dictionaries instead of just names. Default: False\n\n:rtype: list of strings or "
                + "dictionaries");
        HELP.put("help_show", "Return the help string for a particular API action.\n\n:param name: Action function "
                + "name (eg `package_search`)\n\n:rtype: string");
        HELP.put("status_show", "Return a dictionary with information about the site's configuration.\n\n"
                + ":rtype: dictionary");
    }

    private final Publication publication;
    private final ObjectMapper json;
    /** Per community: each answers from its own copy of the registry (regional hosting). */
    private final Map<String, AnswerCache> searches = new java.util.concurrent.ConcurrentHashMap<>();

    public CkanApi(Publication publication) {
        this.publication = publication;
        this.json = publication.json();
    }

    /** Runs an action with its parameters (strings; lists and objects as JSON text). */
    public Answer handle(String action, Map<String, String> params) {
        if (action == null || !HELP.containsKey(action)) {
            // CKAN answers an unknown action with a bare JSON string
            return new Answer(400, bytes(json.getNodeFactory().textNode("Bad request - Action name not known: "
                    + (action == null ? "" : action))));
        }
        String help = publication.settings().url("/api/3/action/help_show?name=" + action);
        try {
            Snapshot s = publication.snapshot();
            CkanJson ckan = new CkanJson(json, s.settings());
            return switch (action) {
                case "package_search" -> cachedSearch(s, help, params);
                case "package_show" -> {
                    PublishedDataset d = s.dataset(required(params, "id", "name_or_id"))
                            .orElseThrow(() -> new NotFound(null));
                    yield ok(help, g -> g.writeRawValue(s.packageRaw(d.index())));
                }
                case "package_list" -> packageList(s, help, params);
                case "organization_list" -> organizationList(s, ckan, help, params);
                case "organization_show" -> organizationShow(s, ckan, help, params);
                case "resource_show" -> {
                    Snapshot.Located r = s.distribution(required(params, "id", "id"))
                            .orElseThrow(() -> new NotFound("Resource was not found."));
                    yield ok(help, ckan.resource(r.dataset(), r.distribution()));
                }
                case "tag_list" -> tagList(s, ckan, help, params);
                case "status_show" -> ok(help, status(s.settings()));
                default -> {
                    String name = required(params, "name", "name");
                    String text = HELP.get(name);
                    if (text == null) {
                        throw new NotFound("Action function not found");
                    }
                    yield ok(help, json.getNodeFactory().textNode(text));
                }
            };
        } catch (NotFound e) {
            ObjectNode error = json.createObjectNode();
            error.put("message", e.getMessage() == null ? "Not found" : "Not found: " + e.getMessage());
            error.put("__type", "Not Found Error");
            return error(404, help, error);
        } catch (ValidationError e) {
            ObjectNode error = json.createObjectNode();
            error.put("__type", "Validation Error");
            error.put("message", e.getMessage());
            e.errors.forEach((field, messages) -> {
                ArrayNode a = error.putArray(field);
                messages.forEach(a::add);
            });
            return error(409, help, error);
        } catch (SearchError e) {
            ObjectNode error = json.createObjectNode();
            error.put("__type", "Search Error");
            error.put("message", "Search error: " + e.getMessage());
            return error(409, help, error);
        } catch (SearchQueryError e) {
            ObjectNode error = json.createObjectNode();
            error.put("__type", "Search Query Error");
            error.put("message", "Search Query is invalid: " + e.getMessage());
            return error(400, help, error);
        }
    }

    /**
     * CKAN's answer to an unexpected failure: 500 with {@code "__type": "Internal Server Error"} in
     * the envelope and the reference the log line carries, nothing of the failure itself.
     */
    public Answer internalError(String action, String reference) {
        ObjectNode error = json.createObjectNode();
        error.put("__type", "Internal Server Error");
        error.put("message", "Internal Server Error [" + reference + "]");
        String help;
        try {
            help = HELP.containsKey(action) ? publication.settings().url("/api/3/action/help_show?name=" + action)
                    : null;
        } catch (RuntimeException e) {
            help = null; // the settings are what failed: the envelope still goes out
        }
        return error(500, help, error);
    }

    /**
     * CKAN's error envelope with 503 while PostgreSQL is out of reach (restarted, down) or, {@code busy},
     * no pooled connection was free in time (overload): the client may ask again shortly; the
     * reference is the log line's.
     */
    public Answer databaseUnavailable(String action, String reference, boolean busy) {
        ObjectNode error = json.createObjectNode();
        error.put("__type", "Service Unavailable");
        error.put("message", busy ? "Портал перевантажений, спробуйте ще раз за хвилину [" + reference
                + "] / The portal is overloaded, try again in a minute."
                : "База даних тимчасово недоступна, спробуйте за хвилину [" + reference
                + "] / The database is unavailable for a moment.");
        String help;
        try {
            help = HELP.containsKey(action) ? publication.settings().url("/api/3/action/help_show?name=" + action)
                    : null;
        } catch (RuntimeException e) {
            help = null;
        }
        return error(503, help, error);
    }

    // ------------------------------------------------------------------ actions

    /** Harvesters and the public page repeat their queries: the same parameters, the same bytes. */
    private Answer cachedSearch(Snapshot s, String help, Map<String, String> params) {
        int entries = s.settings().searchCacheEntries();
        String key = new java.util.TreeMap<>(params).toString();
        AnswerCache cache = searches.computeIfAbsent(publication.community(), c -> new AnswerCache());
        Answer cached = entries > 0 ? cache.get(s.version(), key) : null;
        if (cached != null) {
            return cached;
        }
        Answer answer = packageSearch(s, help, params);
        // the communities' caches share one memory budget: a regional node holds no more than a single one
        cache.put(s.version(), key, answer, entries, AnswerCache.MAX_BYTES / Math.max(1, searches.size()));
        return answer;
    }

    private Answer packageSearch(Snapshot s, String help, Map<String, String> p) {
        int rows = Math.min(natural(p, "rows", 10), 1000);
        int start = natural(p, "start", 0);
        List<String> fq = new ArrayList<>();
        if (p.get("fq") != null) {
            fq.add(p.get("fq"));
        }
        fq.addAll(stringList(p, "fq_list"));
        boolean facet = !"false".equalsIgnoreCase(p.getOrDefault("facet", "true"));
        // each field once: a list repeating one a thousand times would count it a thousand times
        List<String> facetFields = facet ? List.copyOf(new java.util.LinkedHashSet<>(stringList(p, "facet.field")))
                : List.of();
        int facetLimit = integer(p, "facet.limit", 50);
        int facetMin = integer(p, "facet.mincount", 1);
        PackageSearch.Result r = PackageSearch.run(s, new PackageSearch.Query(p.get("q"), fq, p.get("sort"), rows,
                start, facetFields, facetLimit, facetMin));
        return ok(help, g -> {
            g.writeStartObject();
            g.writeNumberField("count", r.count());
            g.writeObjectFieldStart("facets");
            for (Map.Entry<String, List<PackageSearch.FacetCount>> f : r.facets().entrySet()) {
                g.writeObjectFieldStart(f.getKey());
                for (PackageSearch.FacetCount c : f.getValue()) {
                    g.writeNumberField(c.name(), c.count());
                }
                g.writeEndObject();
            }
            g.writeEndObject();
            g.writeArrayFieldStart("results");
            for (int i : r.indexes()) {
                g.writeRawValue(s.packageRaw(i));
            }
            g.writeEndArray();
            g.writeStringField("sort", r.sort());
            g.writeObjectFieldStart("search_facets");
            for (Map.Entry<String, List<PackageSearch.FacetCount>> f : r.facets().entrySet()) {
                g.writeObjectFieldStart(f.getKey());
                g.writeStringField("title", f.getKey());
                g.writeArrayFieldStart("items");
                for (PackageSearch.FacetCount c : f.getValue()) {
                    g.writeStartObject();
                    g.writeNumberField("count", c.count());
                    g.writeStringField("display_name", c.displayName());
                    g.writeStringField("name", c.name());
                    g.writeEndObject();
                }
                g.writeEndArray();
                g.writeEndObject();
            }
            g.writeEndObject();
            g.writeEndObject();
        });
    }

    private Answer packageList(Snapshot s, String help, Map<String, String> p) {
        Integer limit = p.containsKey("limit") ? natural(p, "limit", 0) : null;
        int offset = natural(p, "offset", 0);
        ArrayNode names = json.createArrayNode();
        int[] order = s.order(Snapshot.SortKey.NAME);
        int end = limit == null ? order.length : (int) Math.min(order.length, (long) offset + limit);
        for (int i = limit == null ? 0 : offset; i < end; i++) {
            names.add(s.datasets().get(order[i]).name());
        }
        return ok(help, names);
    }

    private Answer organizationList(Snapshot s, CkanJson ckan, String help, Map<String, String> p) {
        boolean allFields = bool(p, "all_fields");
        String sort = p.getOrDefault("sort", "title asc").strip();
        String[] parts = sort.split("\\s+");
        String field = parts[0].toLowerCase(Locale.ROOT);
        boolean desc = parts.length > 1 && parts[1].equalsIgnoreCase("desc");
        Comparator<Organization> cmp = switch (field) {
            case "name" -> Comparator.comparing(Organization::name);
            case "title" -> Comparator.comparing(Organization::title, String.CASE_INSENSITIVE_ORDER)
                    .thenComparing(Organization::name);
            case "package_count" -> Comparator.comparingInt(Organization::packageCount)
                    .thenComparing(Organization::name);
            default -> throw new ValidationError("sort", "Cannot sort by field `" + field + "`");
        };
        if (desc) {
            cmp = cmp.reversed();
        }
        List<Organization> orgs = new ArrayList<>(s.organizations());
        orgs.sort(cmp);
        int offset = natural(p, "offset", 0);
        int limit = p.containsKey("limit") ? natural(p, "limit", 0) : Integer.MAX_VALUE;
        ArrayNode out = json.createArrayNode();
        for (int i = offset; i < orgs.size() && i - offset < limit; i++) {
            if (allFields) {
                out.add(ckan.organization(orgs.get(i), true));
            } else {
                out.add(orgs.get(i).name());
            }
        }
        return ok(help, out);
    }

    private Answer organizationShow(Snapshot s, CkanJson ckan, String help, Map<String, String> p) {
        Organization o = s.organization(required(p, "id", "id"))
                .orElseThrow(() -> new NotFound("Organization was not found."));
        ObjectNode n = ckan.organization(o, true);
        if (bool(p, "include_datasets")) {
            ArrayNode packages = n.putArray("packages");
            int[] order = s.order(Snapshot.SortKey.NAME);
            for (int i : order) {
                PublishedDataset d = s.datasets().get(i);
                if (d.organization() == o && packages.size() < 1000) {
                    try {
                        packages.add(json.readTree(s.packageJson(i)));
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
            }
        }
        return ok(help, n);
    }

    private Answer tagList(Snapshot s, CkanJson ckan, String help, Map<String, String> p) {
        String query = Optional.ofNullable(p.get("query")).or(() -> Optional.ofNullable(p.get("q")))
                .map(q -> q.strip().toLowerCase(Locale.ROOT)).orElse("");
        boolean allFields = bool(p, "all_fields");
        List<String> tags = new ArrayList<>(s.tagCounts().keySet());
        tags.sort(Comparator.naturalOrder());
        ArrayNode out = json.createArrayNode();
        for (String t : tags) {
            if (query.isEmpty() || t.toLowerCase(Locale.ROOT).contains(query)) {
                if (allFields) {
                    ObjectNode n = ckan.tag(t);
                    n.remove("display_name");
                    n.remove("state");
                    out.add(n);
                } else {
                    out.add(t);
                }
            }
        }
        return ok(help, out);
    }

    private ObjectNode status(PublicationSettings settings) {
        ObjectNode n = json.createObjectNode();
        n.put("ckan_version", "2.9");
        n.put("site_url", settings.baseUrl());
        n.put("site_description", settings.catalogDescription());
        n.put("site_title", settings.catalogTitle());
        n.putNull("error_emails_to");
        n.put("locale_default", settings.language());
        n.putArray("extensions");
        return n;
    }

    // ------------------------------------------------------------------ parameters

    private static String required(Map<String, String> p, String name, String errorKey) {
        String v = p.get(name);
        if (v == null || v.isBlank()) {
            throw new ValidationError(errorKey, "Missing value");
        }
        return v.strip();
    }

    private static int integer(Map<String, String> p, String name, int dflt) {
        String v = p.get(name);
        if (v == null || v.isBlank()) {
            return dflt;
        }
        try {
            return Integer.parseInt(v.strip());
        } catch (NumberFormatException e) {
            throw new ValidationError(name, "Invalid integer");
        }
    }

    private static int natural(Map<String, String> p, String name, int dflt) {
        int v = integer(p, name, dflt);
        if (v < 0) {
            throw new ValidationError(name, "Must be a natural number");
        }
        return v;
    }

    private static boolean bool(Map<String, String> p, String name) {
        String v = p.get(name);
        return v != null && (v.equalsIgnoreCase("true") || v.equals("1") || v.equalsIgnoreCase("yes")
                || v.equalsIgnoreCase("on"));
    }

    /** A JSON list of strings (CKAN's convert_to_json_if_string + list_of_strings), or one bare string. */
    private List<String> stringList(Map<String, String> p, String name) {
        String v = p.get(name);
        if (v == null || v.isBlank()) {
            return List.of();
        }
        String t = v.strip();
        if (!t.startsWith("[")) {
            return List.of(t);
        }
        JsonNode node;
        try {
            node = json.readTree(t);
        } catch (IOException e) {
            throw new ValidationError(name, "Could not parse as valid JSON");
        }
        List<String> out = new ArrayList<>();
        for (JsonNode item : node) {
            if (!item.isTextual()) {
                throw new ValidationError(name, "Not a list of strings");
            }
            out.add(item.asText());
        }
        return out;
    }

    // ------------------------------------------------------------------ envelope

    @FunctionalInterface
    interface Body {
        void write(JsonGenerator g) throws IOException;
    }

    private Answer ok(String help, JsonNode result) {
        return ok(help, g -> g.writeTree(result));
    }

    private Answer ok(String help, Body result) {
        return new Answer(200, envelope(help, true, "result", result));
    }

    private Answer error(int status, String help, ObjectNode error) {
        return new Answer(status, envelope(help, false, "error", g -> g.writeTree(error)));
    }

    private byte[] envelope(String help, boolean success, String field, Body body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(32 * 1024);
        try (JsonGenerator g = json.getFactory().createGenerator(out)) {
            g.writeStartObject();
            g.writeStringField("help", help);
            g.writeBooleanField("success", success);
            g.writeFieldName(field);
            body.write(g);
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private byte[] bytes(JsonNode node) {
        try {
            return json.writeValueAsBytes(node);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
