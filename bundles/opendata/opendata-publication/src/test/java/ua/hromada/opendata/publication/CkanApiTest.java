package ua.hromada.opendata.publication;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import ua.hromada.opendata.api.Dataset;
import ua.hromada.opendata.publication.PublicationFixture.Answer;

/**
 * The CKAN Action API over real HTTP in front of the real registry on PostgreSQL: the envelope,
 * every action's dictionary shapes (CKAN 2.9+ key sets), package_search's q / fq / sort / rows /
 * start / facets, the error types and statuses CKAN gives, and the download endpoint the
 * resources point at.
 */
class CkanApiTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    @AutoClose
    private static PublicationFixture f;

    /** Keys of CKAN 2.9's package dictionary, plus data.gov.ua's four top-level passport fields. */
    static final Set<String> PACKAGE_KEYS = Set.of("author", "author_email", "creator_user_id", "extras", "groups", "id",
            "isopen", "license_id", "license_title", "license_url", "maintainer", "maintainer_email",
            "metadata_created", "metadata_modified", "name", "notes", "num_resources", "num_tags", "organization",
            "owner_org", "private", "relationships_as_object", "relationships_as_subject", "resources", "state", "tags",
            "title", "type", "url", "version", "language", "purpose_of_collecting_information", "tag_string",
            "update_frequency");
    static final Set<String> RESOURCE_KEYS = Set.of("cache_last_updated", "cache_url", "created", "datastore_active",
            "description", "format", "hash", "id", "last_modified", "metadata_modified", "mimetype", "mimetype_inner",
            "name", "package_id", "position", "resource_type", "size", "state", "url", "url_type");
    static final Set<String> ORGANIZATION_SUMMARY_KEYS = Set.of("approval_status", "created", "description", "id",
            "image_url", "is_organization", "name", "state", "title", "type");
    static final Set<String> ORGANIZATION_KEYS = Set.of("approval_status", "created", "description", "display_name",
            "extras", "groups", "id", "image_display_url", "image_url", "is_organization", "name", "num_followers",
            "package_count", "state", "tags", "title", "type");
    static final Set<String> TAG_KEYS = Set.of("display_name", "id", "name", "state", "vocabulary_id");
    static final String CKAN_TIME = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{6}";

    @BeforeAll
    static void start() throws Exception {
        f = new PublicationFixture().serve();
    }

    private static JsonNode ok(String action, String query) throws Exception {
        Answer a = f.get("/api/3/action/" + action + (query.isEmpty() ? "" : "?" + query));
        assertEquals(200, a.status(), a.text());
        assertTrue(a.contentType().startsWith("application/json"), a.contentType());
        JsonNode body = JSON.readTree(a.body());
        assertEquals(Set.of("help", "success", "result"), names(body), a.text());
        assertTrue(body.get("success").asBoolean());
        assertEquals("https://data.example.org/api/3/action/help_show?name=" + action, body.get("help").asText());
        return body.get("result");
    }

    /** Asserts CKAN's error envelope and returns the error object. */
    private static JsonNode error(Answer a, int status, String type) throws Exception {
        assertEquals(status, a.status(), a.text());
        JsonNode body = JSON.readTree(a.body());
        assertEquals(Set.of("help", "success", "error"), names(body), a.text());
        assertFalse(body.get("success").asBoolean());
        assertEquals(type, body.get("error").get("__type").asText());
        return body.get("error");
    }

    private static Set<String> names(JsonNode node) {
        Set<String> out = new TreeSet<>();
        node.fieldNames().forEachRemaining(out::add);
        return out;
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static List<String> names(JsonNode result, String field) {
        List<String> out = new ArrayList<>();
        result.get(field).forEach(p -> out.add(p.get("name").asText()));
        return out;
    }

    @Test
    void packageListNamesOnlyPublishedDatasetsInNameOrder() throws Exception {
        JsonNode result = ok("package_list", "");
        assertEquals(List.of("budget-2025", "budget-2026", "kindergartens", "schools"),
                JSON.convertValue(result, List.class));
        assertEquals(List.of("budget-2026", "kindergartens"), JSON.convertValue(ok("package_list", "limit=2&offset=1"),
                List.class));
    }

    @Test
    void packageShowHasCkansPackageDictionary() throws Exception {
        JsonNode p = ok("package_show", "id=budget-2026");
        assertEquals(PACKAGE_KEYS, names(p));
        assertEquals("budget-2026", p.get("name").asText());
        assertEquals("Бюджет міста на 2026 рік", p.get("title").asText());
        assertEquals(f.budget2026.description(), p.get("notes").asText());
        assertTrue(p.get("metadata_created").asText().matches(CKAN_TIME), p.get("metadata_created").asText());
        assertTrue(p.get("metadata_modified").asText().matches(CKAN_TIME));
        assertEquals("2024-03-01T08:30:00.000000", p.get("metadata_created").asText(),
                "the first publication's date and time (10:30 in Kyiv), in UTC as CKAN keeps its times");
        assertEquals("CC-BY-4.0", p.get("license_id").asText());
        assertEquals("https://creativecommons.org/licenses/by/4.0/", p.get("license_url").asText());
        assertEquals("Щороку", p.get("update_frequency").asText(), "data.gov.ua: the national wording");
        assertEquals(f.budget2026.purpose(), p.get("purpose_of_collecting_information").asText());
        assertEquals("uk", p.get("language").asText());
        assertEquals(f.budget2026.responsiblePerson(), p.get("maintainer").asText());
        assertEquals("Департамент фінансів", p.get("author").asText());
        assertEquals("https://data.example.org/vidkryti-dani?nabir=budget-2026", p.get("url").asText());
        assertEquals(2, p.get("num_tags").asInt());
        for (JsonNode tag : p.get("tags")) {
            assertEquals(TAG_KEYS, names(tag));
        }
        assertEquals(List.of("бюджет", "фінанси"), names(p, "tags"));
        JsonNode org = p.get("organization");
        assertEquals(ORGANIZATION_SUMMARY_KEYS, names(org));
        assertEquals(f.finance.edrpou(), org.get("name").asText());
        assertEquals("Департамент фінансів", org.get("title").asText());
        assertEquals(org.get("id").asText(), p.get("owner_org").asText());

        // extras: passport fields CKAN has no key for, as {key, value} strings
        java.util.Map<String, String> extras = new java.util.TreeMap<>();
        p.get("extras").forEach(e -> {
            assertEquals(Set.of("key", "value"), names(e));
            extras.put(e.get("key").asText(), e.get("value").asText());
        });
        assertEquals("Щороку", extras.get("update_frequency"));
        assertEquals(f.budget2026.legalBasis(), extras.get("legal_basis"));
        assertEquals("2024-03-01T08:30:00.000000", extras.get("first_published"), "date and time, CKAN's form");
        assertTrue(extras.get("last_modified").matches(CKAN_TIME), extras.get("last_modified"));
        assertEquals(f.finance.edrpou(), extras.get("publisherIdentifier"));
        assertTrue(extras.get("structure").contains("\"name\":\"id\""), extras.get("structure"));

        // resources: the uploaded CSV (served by the download endpoint), then the passport's link
        assertEquals(2, p.get("num_resources").asInt());
        JsonNode csv = p.get("resources").get(0);
        assertEquals(RESOURCE_KEYS, names(csv));
        assertEquals("CSV", csv.get("format").asText());
        assertEquals("text/csv", csv.get("mimetype").asText());
        assertEquals(PublicationFixture.CSV.length, csv.get("size").asLong());
        assertEquals(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(PublicationFixture.CSV)),
                csv.get("hash").asText());
        assertEquals("upload", csv.get("url_type").asText());
        assertEquals("https://data.example.org/api/opendata/resources/" + f.budgetCsv.id() + "/download",
                csv.get("url").asText());
        assertEquals(p.get("id").asText(), csv.get("package_id").asText());
        assertEquals(0, csv.get("position").asInt());
        JsonNode link = p.get("resources").get(1);
        assertEquals("https://example.org/budget-2026.csv", link.get("url").asText());
        assertTrue(link.get("url_type").isNull());
        assertEquals("CSV", link.get("format").asText());

        // by id as well
        assertEquals(p, ok("package_show", "id=" + p.get("id").asText()));
    }

    @Test
    void packageShowErrors() throws Exception {
        JsonNode notFound = error(f.get("/api/3/action/package_show?id=no-such-dataset"), 404, "Not Found Error");
        assertEquals("Not found", notFound.get("message").asText());
        error(f.get("/api/3/action/package_show?id=draft-dataset"), 404, "Not Found Error");
        JsonNode missing = error(f.get("/api/3/action/package_show"), 409, "Validation Error");
        assertEquals("Missing value", missing.get("name_or_id").get(0).asText());
    }

    @Test
    void theDownloadEndpointServesTheBytesWithTypeAndChecksum() throws Exception {
        JsonNode csv = ok("package_show", "id=budget-2026").get("resources").get(0);
        Answer a = f.get(csv.get("url").asText().replace("https://data.example.org", ""));
        assertEquals(200, a.status());
        assertTrue(a.contentType().startsWith("text/csv"), a.contentType());
        assertEquals(new String(PublicationFixture.CSV, StandardCharsets.UTF_8), a.text());
        assertEquals(csv.get("hash").asText(), a.response().headers().firstValue("X-Checksum-SHA256").orElseThrow());
        assertEquals("\"" + csv.get("hash").asText() + "\"", a.response().headers().firstValue("ETag").orElseThrow());
        assertTrue(a.response().headers().firstValue("Content-Disposition").orElseThrow().contains("budget-2026.csv"));
        // the draft's file is not public; an unknown id neither
        long draftResource = f.od.registry().resources(f.draft.id()).get(0).id();
        assertEquals(404, f.get("/api/opendata/resources/" + draftResource + "/download").status());
        assertEquals(404, f.get("/api/opendata/resources/999999/download").status());
        assertEquals(404, f.get("/api/opendata/resources/abc/download").status());
        // an external resource redirects to its address
        Answer redirect = f.get("/api/opendata/resources/" + f.schoolsJson.id() + "/download");
        assertEquals(302, redirect.status());
        assertEquals("https://example.org/schools.json",
                redirect.response().headers().firstValue("Location").orElseThrow());
    }

    @Test
    void packageSearchDefaultsPagingAndSort() throws Exception {
        JsonNode r = ok("package_search", "");
        assertEquals(Set.of("count", "facets", "results", "sort", "search_facets"), names(r));
        assertEquals(4, r.get("count").asInt());
        assertEquals("score desc, metadata_modified desc", r.get("sort").asText());
        assertEquals(4, r.get("results").size());
        for (JsonNode p : r.get("results")) {
            assertEquals(PACKAGE_KEYS, names(p));
        }
        assertEquals(List.of("kindergartens", "schools"), names(ok("package_search",
                "sort=" + enc("title_string asc") + "&rows=2&start=2"), "results"));
        assertEquals(List.of("schools", "kindergartens", "budget-2026", "budget-2025"),
                names(ok("package_search", "sort=" + enc("name desc")), "results"));
        JsonNode page = ok("package_search", "sort=" + enc("name asc") + "&rows=1&start=3");
        assertEquals(4, page.get("count").asInt(), "count is the whole result, not the page");
        assertEquals(List.of("schools"), names(page, "results"));
        assertEquals(0, ok("package_search", "start=10").get("results").size());
        assertEquals(0, ok("package_search", "rows=0").get("results").size());
        assertEquals(4, ok("package_search", "rows=5000").get("results").size(), "rows above 1000 are capped, not refused");
        // metadata_modified desc: the last change first
        f.od.registry().saveDataset(f.od.steward, retitled(f.budget2025, "Бюджет міста на 2025 рік"));
        f.publication.registryChanged();
        assertEquals("budget-2025", ok("package_search", "sort=" + enc("metadata_modified desc"))
                .get("results").get(0).get("name").asText());
        assertEquals("Бюджет міста на 2025 рік", ok("package_show", "id=budget-2025").get("title").asText());
    }

    private static Dataset retitled(Dataset d, String title) {
        Dataset c = f.od.registry().dataset(d.id()).orElseThrow();
        return new Dataset(c.id(), c.identifier(), title, c.description(), c.language(), c.formats(), c.compression(),
                c.firstPublishedAt(), c.lastModifiedAt(), c.actualityDate(), c.frequency(), c.keywords(), c.links(),
                c.responsiblePerson(), c.responsibleEmail(), c.legalBasis(), c.purpose(), c.managerId(), null, c.tags(),
                c.structure(), c.obligationId(), c.published(), c.providerModule(), c.updatedAt());
    }

    @Test
    void packageSearchQueryWordsAndSolrSyntax() throws Exception {
        JsonNode budget = ok("package_search", "q=" + enc("бюджет"));
        assertEquals(2, budget.get("count").asInt());
        assertEquals(Set.of("budget-2025", "budget-2026"), Set.copyOf(names(budget, "results")));
        // word prefixes stand in for stemming: "заклад освіт" finds "закладів ... освіти"; both words needed
        assertEquals(Set.of("schools"), Set.copyOf(names(ok("package_search", "q=" + enc("заклад освіт")), "results")));
        assertEquals(0, ok("package_search", "q=" + enc("космос")).get("count").asInt());
        assertEquals(4, ok("package_search", "q=" + enc("*:*")).get("count").asInt());
        assertEquals(Set.of("kindergartens", "schools"),
                Set.copyOf(names(ok("package_search", "q=" + enc("tags:освіта")), "results")));
        // the title weighs more than the rest: "освіти" is in the schools' title, only a tag of the kindergartens
        assertEquals(List.of("schools", "kindergartens"), names(ok("package_search", "q=" + enc("освіт")), "results"));
    }

    @Test
    void packageSearchScoreOrderWithTiesAndPages() throws Exception {
        // both budgets have the word in the title (equal scores): the next sort key decides
        assertEquals(List.of("budget-2025", "budget-2026"), names(ok("package_search", "q=" + enc("бюджет")
                + "&sort=" + enc("score desc, name asc")), "results"));
        assertEquals(List.of("budget-2026", "budget-2025"), names(ok("package_search", "q=" + enc("бюджет")
                + "&sort=" + enc("score desc, name desc")), "results"));
        assertEquals(List.of("kindergartens", "schools"), names(ok("package_search", "q=" + enc("освіт")
                + "&sort=" + enc("score asc")), "results"));
        assertEquals(List.of("kindergartens"), names(ok("package_search", "q=" + enc("освіт") + "&rows=1&start=1"),
                "results"));
    }

    @Test
    void packageSearchFilters() throws Exception {
        String finance = f.finance.edrpou();
        assertEquals(Set.of("budget-2025", "budget-2026"), Set.copyOf(names(ok("package_search", "fq="
                + enc("organization:" + finance)), "results")));
        assertEquals(Set.of("kindergartens", "schools"), Set.copyOf(names(ok("package_search", "fq="
                + enc("tags:\"освіта\"")), "results")));
        assertEquals(Set.of("schools"), Set.copyOf(names(ok("package_search", "fq=" + enc("res_format:JSON")),
                "results")));
        assertEquals(Set.of("kindergartens"), Set.copyOf(names(ok("package_search", "fq="
                + enc("+tags:освіта -res_format:JSON")), "results")));
        assertEquals(Set.of("budget-2026", "kindergartens", "schools"), Set.copyOf(names(ok("package_search", "fq="
                + enc("tags:(освіта OR фінанси)")), "results")));
        assertEquals(Set.of("budget-2026"), Set.copyOf(names(ok("package_search", "fq="
                + enc("organization:" + finance + " AND tags:фінанси")), "results")));
        assertEquals(4, ok("package_search", "fq=" + enc("metadata_modified:[2020-01-01T00:00:00Z TO *]"))
                .get("count").asInt());
        assertEquals(0, ok("package_search", "fq=" + enc("metadata_modified:[* TO 2020-01-01T00:00:00Z]"))
                .get("count").asInt());
        assertEquals(Set.of("budget-2026"), Set.copyOf(names(ok("package_search", "fq=" + enc("organization:"
                + finance) + "&fq_list=" + enc("[\"res_format:CSV\", \"tags:фінанси\"]")), "results")));
        assertEquals(2, ok("package_search", "q=" + enc("бюджет") + "&fq=" + enc("organization:" + finance))
                .get("count").asInt());
    }

    @Test
    void packageSearchFacets() throws Exception {
        JsonNode r = ok("package_search", "facet.field=" + enc("[\"organization\",\"tags\",\"res_format\"]") + "&rows=0");
        JsonNode facets = r.get("facets");
        assertEquals(Set.of("organization", "tags", "res_format"), names(facets));
        assertEquals(2, facets.get("organization").get(f.finance.edrpou()).asInt());
        assertEquals(2, facets.get("organization").get(f.education.edrpou()).asInt());
        assertEquals(2, facets.get("tags").get("освіта").asInt(), "the draft does not count");
        assertEquals(2, facets.get("tags").get("бюджет").asInt());
        assertEquals(1, facets.get("tags").get("діти").asInt());
        assertEquals(4, facets.get("res_format").get("CSV").asInt(), "every passport links a CSV file");
        assertEquals(1, facets.get("res_format").get("XLSX").asInt());
        JsonNode org = r.get("search_facets").get("organization");
        assertEquals(Set.of("title", "items"), names(org));
        assertEquals("organization", org.get("title").asText());
        for (JsonNode item : org.get("items")) {
            assertEquals(Set.of("count", "display_name", "name"), names(item));
        }
        assertEquals("Департамент фінансів", org.get("items").get(0).get("display_name").asText());
        JsonNode limited = ok("package_search", "facet.field=" + enc("[\"tags\"]") + "&facet.limit=1&fq="
                + enc("organization:" + f.education.edrpou()));
        assertEquals(1, limited.get("search_facets").get("tags").get("items").size());
        assertEquals("освіта", limited.get("search_facets").get("tags").get("items").get(0).get("name").asText(),
                "the most frequent value first");
        assertEquals(0, ok("package_search", "").get("facets").size(), "no facet.field, no facets");
    }

    @Test
    void packageSearchRefusals() throws Exception {
        JsonNode rows = error(f.get("/api/3/action/package_search?rows=many"), 409, "Validation Error");
        assertEquals("Invalid integer", rows.get("rows").get(0).asText());
        JsonNode start = error(f.get("/api/3/action/package_search?start=-5"), 409, "Validation Error");
        assertEquals("Must be a natural number", start.get("start").get(0).asText());
        error(f.get("/api/3/action/package_search?facet.field=" + enc("[tags")), 409, "Validation Error");
        JsonNode syntax = error(f.get("/api/3/action/package_search?fq=" + enc("tags:(освіта")), 409, "Search Error");
        assertTrue(syntax.get("message").asText().startsWith("Search error:"), syntax.toString());
        error(f.get("/api/3/action/package_search?fq=" + enc("colour:blue")), 409, "Search Error");
        error(f.get("/api/3/action/package_search?sort=" + enc("popularity desc")), 409, "Search Error");
        error(f.get("/api/3/action/package_search?sort=name"), 409, "Search Error");
        error(f.get("/api/3/action/package_search?facet.field=" + enc("[\"colour\"]")), 409, "Search Error");
    }

    @Test
    void organizationsAndTags() throws Exception {
        assertEquals(List.of(f.finance.edrpou(), f.education.edrpou()), JSON.convertValue(ok("organization_list", ""),
                List.class), "managers with published datasets, by title; the idle one is not published");
        JsonNode all = ok("organization_list", "all_fields=true&sort=" + enc("name desc"));
        assertEquals(f.education.edrpou(), all.get(0).get("name").asText());
        for (JsonNode o : all) {
            assertEquals(ORGANIZATION_KEYS, names(o));
            assertEquals(2, o.get("package_count").asInt());
        }
        JsonNode org = ok("organization_show", "id=" + f.education.edrpou());
        assertEquals(ORGANIZATION_KEYS, names(org));
        assertEquals("Управління освіти", org.get("title").asText());
        assertEquals(org, ok("organization_show", "id=" + org.get("id").asText()));
        JsonNode withDatasets = ok("organization_show", "id=" + f.education.edrpou() + "&include_datasets=true");
        assertEquals(List.of("kindergartens", "schools"), names(withDatasets, "packages"));
        JsonNode notFound = error(f.get("/api/3/action/organization_show?id=nobody"), 404, "Not Found Error");
        assertTrue(notFound.get("message").asText().startsWith("Not found"));
        error(f.get("/api/3/action/organization_show?id=" + f.idle.edrpou()), 404, "Not Found Error");

        assertEquals(List.of("бюджет", "діти", "освіта", "фінанси"), JSON.convertValue(ok("tag_list", ""), List.class));
        assertEquals(List.of("освіта"), JSON.convertValue(ok("tag_list", "query=" + enc("осв")), List.class));
        for (JsonNode t : ok("tag_list", "all_fields=true")) {
            assertEquals(Set.of("id", "name", "vocabulary_id"), names(t));
        }
    }

    @Test
    void resourceShow() throws Exception {
        JsonNode pkg = ok("package_show", "id=schools");
        JsonNode resource = pkg.get("resources").get(0);
        JsonNode shown = ok("resource_show", "id=" + resource.get("id").asText());
        assertEquals(resource, shown);
        assertEquals(RESOURCE_KEYS, names(shown));
        assertEquals("https://example.org/schools.json", shown.get("url").asText());
        assertEquals("JSON", shown.get("format").asText());
        assertEquals("application/json", shown.get("mimetype").asText());
        JsonNode notFound = error(f.get("/api/3/action/resource_show?id=00000000-0000-0000-0000-000000000000"), 404,
                "Not Found Error");
        assertEquals("Not found: Resource was not found.", notFound.get("message").asText());
    }

    @Test
    void unknownActionsHelpAndPost() throws Exception {
        Answer unknown = f.get("/api/3/action/package_create");
        assertEquals(400, unknown.status());
        assertEquals("\"Bad request - Action name not known: package_create\"", unknown.text());
        assertTrue(ok("help_show", "name=package_search").asText().contains(":param fq:"));
        assertEquals("Відкриті дані Полтави", ok("status_show", "").get("site_title").asText());
        // ckanapi posts a JSON object
        Answer posted = f.post("/api/3/action/package_search", "application/json", "{\"fq\": \"tags:освіта\", "
                + "\"rows\": 1, \"facet.field\": [\"tags\"], \"sort\": \"name asc\"}");
        assertEquals(200, posted.status(), posted.text());
        JsonNode r = JSON.readTree(posted.body()).get("result");
        assertEquals(2, r.get("count").asInt());
        assertEquals(List.of("kindergartens"), names(r, "results"));
        assertEquals(2, r.get("facets").get("tags").get("освіта").asInt());
        Answer form = f.post("/api/3/action/package_show", "application/x-www-form-urlencoded", "id=schools");
        assertEquals(200, form.status());
        Answer broken = f.post("/api/3/action/package_search", "application/json", "{not json");
        assertEquals(400, broken.status());
        assertTrue(broken.text().startsWith("\"Bad request"));
    }

    @Test
    void aRegistryChangeIsSeenAfterTheListenerIsTold() throws Exception {
        int before = ok("package_search", "rows=0").get("count").asInt();
        Dataset added = f.od.registry().saveDataset(f.od.steward, new Dataset(0, "parks", "Парки і сквери", "Опис",
                "uk", List.of("CSV"), null, (java.time.LocalDateTime) null, null, null,
                ua.hromada.opendata.api.UpdateFrequency.YEARLY, List.of(),
                List.of(), "Іван", "park@example.org", "Закон", "Мета", f.education.id(), null, List.of("парки"),
                List.of(), null, true, null, null));
        assertNotNull(added);
        assertEquals(before, ok("package_search", "rows=0").get("count").asInt(), "the copy is kept until told");
        f.publication.registryChanged();
        assertEquals(before + 1, ok("package_search", "rows=0").get("count").asInt());
        assertEquals("Парки і сквери", ok("package_show", "id=parks").get("title").asText());
        // unpublish again so the other tests see the fixture as it was
        Dataset saved = f.od.registry().dataset(added.id()).orElseThrow();
        f.od.registry().saveDataset(f.od.steward, new Dataset(saved.id(), saved.identifier(), saved.title(),
                saved.description(), saved.language(), saved.formats(), null, (java.time.LocalDateTime) null, null, null,
                saved.frequency(),
                List.of(), List.of(), saved.responsiblePerson(), saved.responsibleEmail(), saved.legalBasis(),
                saved.purpose(), saved.managerId(), null, saved.tags(), List.of(), null, false, null, null));
        f.publication.registryChanged();
        assertEquals(before, ok("package_search", "rows=0").get("count").asInt());
    }
}
