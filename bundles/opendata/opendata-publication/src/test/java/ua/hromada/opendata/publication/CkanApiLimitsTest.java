package ua.hromada.opendata.publication;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import ua.hromada.opendata.publication.PublicationFixture.Answer;
import ua.hromada.opendata.publication.ckan.CkanApi;

/**
 * What a client can get wrong on the CKAN API, over real HTTP: each is a 4xx in CKAN's format
 * (the envelope for query errors, CKAN's "Bad request - …" string for unreadable request data),
 * never a 500 and never a stack trace, and the API keeps answering afterwards.
 */
class CkanApiLimitsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    @AutoClose
    private static PublicationFixture f;

    @BeforeAll
    static void start() throws Exception {
        f = new PublicationFixture().serve();
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /** CKAN's error envelope with the status and __type; returns the error object. */
    private static JsonNode envelope(Answer a, int status, String type) throws Exception {
        assertEquals(status, a.status(), a.text());
        assertTrue(a.contentType().startsWith("application/json"), a.contentType());
        JsonNode body = JSON.readTree(a.body());
        Set<String> names = new TreeSet<>();
        body.fieldNames().forEachRemaining(names::add);
        assertEquals(Set.of("help", "success", "error"), names, a.text());
        assertFalse(body.get("success").asBoolean());
        assertEquals(type, body.get("error").get("__type").asText());
        assertFalse(a.text().contains("Exception") || a.text().contains("at ua.hromada"), a.text());
        return body.get("error");
    }

    /** CKAN's _finish_bad_request: a JSON string "Bad request - …" with the status. */
    private static String badRequest(Answer a, int status) throws Exception {
        assertEquals(status, a.status(), a.text());
        assertTrue(a.contentType().startsWith("application/json"), a.contentType());
        JsonNode body = JSON.readTree(a.body());
        assertTrue(body.isTextual(), a.text());
        assertTrue(body.asText().startsWith("Bad request - "), a.text());
        return body.asText();
    }

    /** package_search with one parameter, posted as ckanapi posts it. */
    private static Answer search(String name, String value) throws Exception {
        return f.post("/api/3/action/package_search", "application/json",
                JSON.writeValueAsString(java.util.Map.of(name, value)));
    }

    private static void stillAnswers() throws Exception {
        assertEquals(200, f.get("/api/3/action/package_search?rows=0").status());
    }

    @Test
    void aDeeplyNestedFilterIsASearchQueryErrorNotAStackOverflow() throws Exception {
        String deep = "(".repeat(20_000) + "tags:освіта" + ")".repeat(20_000);
        // the body the probe sent: as JSON, and as a form
        JsonNode json = envelope(f.post("/api/3/action/package_search", "application/json",
                JSON.writeValueAsString(java.util.Map.of("fq", deep))), 400, "Search Query Error");
        assertTrue(json.get("message").asText().startsWith("Search Query is invalid: "), json.toString());
        assertTrue(json.get("message").asText().length() < 300, "the query is not echoed whole");
        String nested = "(".repeat(3000) + "tags:a" + ")".repeat(3000);
        envelope(f.post("/api/3/action/package_search", "application/x-www-form-urlencoded", "fq=" + enc(nested)), 400,
                "Search Query Error");
        // in a GET too (kept under the container's 8 KB request line)
        envelope(f.get("/api/3/action/package_search?q=" + enc("tags:" + "(".repeat(300) + "a" + ")".repeat(300))), 400,
                "Search Query Error");
        envelope(search("fq", "a OR ".repeat(1100) + "b"), 400, "Search Query Error");
        envelope(search("q", "бюджет ".repeat(1500)), 400, "Search Query Error");
        envelope(f.get("/api/3/action/package_search?fq_list=" + enc(JSON.writeValueAsString(
                IntStream.range(0, 101).mapToObj(i -> "tags:t" + i).toList()))), 400, "Search Query Error");
        stillAnswers();
    }

    @Test
    void dateMathOverflowIsSolrsSearchError() throws Exception {
        for (String fq : new String[] { "metadata_modified:[NOW-999999999999DAY TO *]",
                "metadata_created:[* TO NOW+99999999999999999999YEARS]", "metadata_modified:NOW-9223372036854775807SECOND" }) {
            JsonNode e = envelope(f.get("/api/3/action/package_search?fq=" + enc(fq)), 409, "Search Error");
            assertTrue(e.get("message").asText().contains("Invalid Date Math String"), e.toString());
        }
        assertEquals(4, JSON.readTree(f.get("/api/3/action/package_search?fq="
                + enc("metadata_modified:[NOW-36500DAYS TO *]")).body()).get("result").get("count").asInt());
    }

    @Test
    void brokenPercentEncodingIsABadRequest() throws Exception {
        assertTrue(badRequest(f.getRaw("/api/3/action/package_search?q=%zz"), 400).contains("percent-encoding"));
        badRequest(f.getRaw("/api/3/action/package_show?id=%"), 400);
        badRequest(f.getRaw("/api/3/action/package_search?%e0%zz=1"), 400);
        badRequest(f.post("/api/3/action/package_search", "application/x-www-form-urlencoded", "q=%zz"), 400);
        stillAnswers();
    }

    @Test
    void oversizedBodiesAre413AndTheClientGetsTheAnswer() throws Exception {
        String tenMegabytes = "q=" + "x".repeat(10 * 1024 * 1024);
        // several times: the refused rest is read, so the answer is not lost in a reset connection
        for (int i = 0; i < 3; i++) {
            assertTrue(badRequest(f.post("/api/3/action/package_search", "application/x-www-form-urlencoded",
                    tenMegabytes), 413).contains("1 MB"));
        }
        badRequest(f.post("/api/3/action/package_search", "application/json",
                "{\"q\": \"" + "x".repeat(2 * 1024 * 1024) + "\"}"), 413);
        stillAnswers();
    }

    @Test
    void formsAndObjectsWithThousandsOfKeysAreRefused() throws Exception {
        String form = IntStream.range(0, 5000).mapToObj(i -> "k" + i + "=v").collect(Collectors.joining("&"));
        assertTrue(badRequest(f.post("/api/3/action/package_search", "application/x-www-form-urlencoded", form), 400)
                .contains("parameters"));
        String object = IntStream.range(0, 5000).mapToObj(i -> "\"k" + i + "\": 1")
                .collect(Collectors.joining(", ", "{", "}"));
        badRequest(f.post("/api/3/action/package_search", "application/json", object), 400);
        badRequest(f.get("/api/3/action/package_search?" + IntStream.range(0, 200).mapToObj(i -> "k" + i + "=1")
                .collect(Collectors.joining("&"))), 400);
        // a megabyte of separators is no parameter at all, and costs no million strings
        assertEquals(200, f.post("/api/3/action/package_search", "application/x-www-form-urlencoded",
                "&".repeat(1024 * 1024 - 10) + "rows=0").status());
        // deeply nested JSON is refused by the reader's own limits
        badRequest(f.post("/api/3/action/package_search", "application/json",
                "{\"q\": " + "[".repeat(5000) + "]".repeat(5000) + "}"), 400);
        stillAnswers();
    }

    @Test
    void requestDataTheWaysCkanTakesIt() throws Exception {
        // curl -d '{...}' sends JSON as a form: CKAN reads the lone field's name as JSON
        Answer curl = f.post("/api/3/action/package_show", "application/x-www-form-urlencoded", "{\"id\": \"schools\"}");
        assertEquals(200, curl.status(), curl.text());
        assertEquals("schools", JSON.readTree(curl.body()).get("result").get("name").asText());
        // body values win over the query string
        Answer form = f.post("/api/3/action/package_show?id=budget-2026", "application/x-www-form-urlencoded",
                "id=schools");
        assertEquals("schools", JSON.readTree(form.body()).get("result").get("name").asText());
        badRequest(f.post("/api/3/action/package_show", "multipart/form-data; boundary=x",
                "--x\r\nContent-Disposition: form-data; name=\"id\"\r\n\r\nschools\r\n--x--\r\n"), 400);
    }

    @Test
    void anUnexpectedFailureIsCkansInternalErrorEnvelope() throws Exception {
        CkanApi.Answer a = new CkanApi(f.publication).internalError("package_search", "0123abcd");
        JsonNode error = envelope(new Answer(a.status(), "application/json", a.body(), null), 500,
                "Internal Server Error");
        assertEquals("Internal Server Error [0123abcd]", error.get("message").asText());
        assertTrue(JSON.readTree(a.body()).get("help").asText().endsWith("help_show?name=package_search"));
    }
}
