package ua.hromada.oks.open311;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import ua.hromada.oks.api.ViolationQuery;
import ua.hromada.oks.service.OksMessages;
import ua.hromada.oks.service.OksTestSetup;
import ua.hromada.portal.api.community.Community;
import ua.hromada.portal.testing.TestPortalSettings;
import ua.hromada.portal.testing.TestServer;
import ua.hromada.portal.outbound.OutboundHttpImpl;

/**
 * One Open311 endpoint for two communities told apart by the host name (127.0.0.1: the default
 * one, localhost: Reshetylivka, as the portal binds a request's community): each answers with its
 * own API keys, jurisdiction and service group from its settings overlay, and sees only its own
 * requests.
 */
class Open311PerCommunityTest {

    private static final String SHARED_KEY = "9f2c41d7e08b5a63c1f4e2d9b7a60c35";
    private static final String OWN_KEY = "4b7e0c92d51f36a8e1c7d04b9a25f6e3";
    @AutoClose
    private static OksTestSetup oks;
    @AutoClose
    private static TestServer server;

    @BeforeAll
    static void start() throws Exception {
        oks = new OksTestSetup();
        oks.communities().add(new Community("reshetylivka", List.of("localhost"), Set.of(), Map.of(
                Open311Config.PID + "/apiKeys", OWN_KEY,
                Open311Config.PID + "/jurisdictionId", "reshetylivska-rada.gov.ua",
                Open311Config.PID + "/serviceGroup", "Благоустрій Решетилівки")));
        Open311Servlet servlet = new Open311Servlet(oks.violations(), oks.catalog(), new TestPortalSettings(() -> null),
                oks.communities(), new OutboundHttpImpl(), Map.of("apiKeys", SHARED_KEY, "jurisdictionId", "rada-poltava.gov.ua",
                        "rateLimit.address.burst", "0"));
        servlet.addMessageBundle(new OksMessages());
        // the portal binds each request's community from its host name before a servlet runs
        server = new TestServer().serveInCommunity("/api/open311/v2/*", servlet, oks.communities()).start();
    }

    private static String url(String host, String path) {
        return "http://" + host + ":" + server.port() + "/api/open311/v2/" + path;
    }

    private static HttpResponse<byte[]> get(String host, String path) throws Exception {
        return server.get(url(host, path));
    }

    private static HttpResponse<byte[]> post(String host, String key) throws Exception {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("api_key", key);
        form.put("service_code", "trees");
        form.put("lat", String.valueOf(OksTestSetup.LAT));
        form.put("long", String.valueOf(OksTestSetup.LON));
        form.put("description", "Гілля на тротуарі");
        return server.post(url(host, "requests.json"), "application/x-www-form-urlencoded; charset=utf-8",
                form.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&")));
    }

    @Test
    void eachCommunityAnswersWithItsOwnSettings() throws Exception {
        JsonNode own = SpecFields.json(get("localhost", "services.json").body());
        JsonNode shared = SpecFields.json(get("127.0.0.1", "services.json").body());
        assertEquals("Благоустрій Решетилівки", own.get(0).get("group").asText());
        assertEquals("Благоустрій", shared.get(0).get("group").asText());

        assertEquals(200, get("localhost", "services.json?jurisdiction_id=reshetylivska-rada.gov.ua").statusCode());
        assertEquals(404, get("localhost", "services.json?jurisdiction_id=rada-poltava.gov.ua").statusCode());
        assertEquals(404, get("127.0.0.1", "services.json?jurisdiction_id=reshetylivska-rada.gov.ua").statusCode());
        assertEquals(200, get("127.0.0.1", "services.json?jurisdiction_id=rada-poltava.gov.ua").statusCode());
    }

    @Test
    void anOverlayThatDoesNotReadKeepsOnlyItsKeysJurisdictionAndGroup() {
        oks.communities().add(new Community("mistyped", List.of(), Set.of(), Map.of(
                Open311Config.PID + "/apiKeys", OWN_KEY,
                Open311Config.PID + "/jurisdictionId", "mistyped.gov.ua",
                Open311Config.PID + "/discovery.type", "staging")));
        Open311Servlet servlet = new Open311Servlet(oks.violations(), oks.catalog(), new TestPortalSettings(() -> null),
                oks.communities(), new OutboundHttpImpl(), Map.of("apiKeys", SHARED_KEY, "jurisdictionId", "rada-poltava.gov.ua"));
        Open311Api api = oks.communities().callAs("mistyped", servlet::currentApi);
        assertEquals(1, api.keys().check(OWN_KEY).position(), "its own key, not the shared one");
        assertEquals(0, api.keys().check(SHARED_KEY).position());
        assertEquals(404, api.handle("GET", "/services.json", Map.of("jurisdiction_id",
                new String[] {"rada-poltava.gov.ua"}), null).status());
        assertEquals(200, api.handle("GET", "/services.json", Map.of("jurisdiction_id",
                new String[] {"mistyped.gov.ua"}), null).status());
        assertTrue(oks.communities().callAs("mistyped", servlet::currentApi) == api, "built once per community");
    }

    @Test
    void aCommunitysKeyPostsIntoItsOwnViolationsOnly() throws Exception {
        assertEquals(403, post("127.0.0.1", OWN_KEY).statusCode(), "its key is not the shared one");
        assertEquals(403, post("localhost", SHARED_KEY).statusCode(), "its own keys replace the shared ones");
        HttpResponse<byte[]> created = post("localhost", OWN_KEY);
        assertEquals(200, created.statusCode(), new String(created.body(), StandardCharsets.UTF_8));
        long id = SpecFields.json(created.body()).get(0).get("service_request_id").asLong();

        assertEquals(200, get("localhost", "requests/" + id + ".json").statusCode());
        assertEquals(404, get("127.0.0.1", "requests/" + id + ".json").statusCode(), "not the default community's");
        assertTrue(SpecFields.json(get("127.0.0.1", "requests.json").body()).isEmpty());
        assertEquals(List.of(id), oks.communities().callAs("reshetylivka", () -> oks.violations()
                .searchPublic(ViolationQuery.current()).stream().map(v -> v.id()).toList()));
    }
}
