package ua.hromada.oks.open311;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import ua.hromada.portal.testing.TestPortalSettings;
import ua.hromada.portal.testing.MutableClock;
import ua.hromada.portal.outbound.OutboundHttpImpl;

/**
 * What guards POST requests, without a database: the rules a configured key must meet, the
 * token buckets (on a clock the test moves), the client address behind proxies, and the order the
 * API applies them in. The limits are checked before the OKS service is asked anything, so these
 * requests are deliberately incomplete (no service_code) and end in a 400 when they get through.
 */
class Open311PostGuardTest {

    private static final String KEY = "3b8e0f6a91c2d74e5f0a1b2c3d4e5f60";
    private static final String OTHER_KEY = "d1c2b3a4f5e6d7c8b9a0f1e2d3c4b5a6";

    @Test
    void placeholderShortAndUniformKeysAreNeverAccepted() {
        assertTrue(ApiKeys.weakness("CHANGE-ME-open311-placeholder-key").contains("placeholder"));
        assertTrue(ApiKeys.weakness("my-placeholder-key-for-the-open311-api").contains("placeholder"));
        assertTrue(ApiKeys.weakness("test-key-for-an-app").contains("shorter than 24"));
        assertTrue(ApiKeys.weakness("abababababababababababababababab").contains("different characters"));
        assertNull(ApiKeys.weakness(KEY));

        ApiKeys keys = new ApiKeys(List.of("CHANGE-ME-open311-placeholder-key", "short-key", KEY));
        assertEquals(1, keys.usable());
        ApiKeys.Check placeholder = keys.check("CHANGE-ME-open311-placeholder-key");
        assertTrue(placeholder.refused());
        assertFalse(placeholder.accepted());
        assertEquals(1, placeholder.position());
        assertTrue(keys.check("short-key").refused());
        assertEquals(new ApiKeys.Check(3, null), keys.check(" " + KEY + " "));
        assertTrue(keys.check(KEY).accepted());
        assertEquals(ApiKeys.Check.UNKNOWN, keys.check(KEY + "x"));
        assertEquals(ApiKeys.Check.UNKNOWN, keys.check(""));
        assertEquals(ApiKeys.Check.UNKNOWN, keys.check(null));
    }

    @Test
    void aBucketGivesItsBurstThenRefillsWithTheClock() {
        MutableClock clock = new MutableClock();
        RateLimiter limiter = new RateLimiter(new RateLimiter.Limit(3, 60), 100, clock);
        for (int i = 0; i < 3; i++) {
            assertEquals(0, limiter.acquire("10.0.0.1"), "request " + (i + 1) + " of the burst");
        }
        assertEquals(60, limiter.acquire("10.0.0.1"), "60 per hour: the next token in a minute");
        assertEquals(0, limiter.acquire("10.0.0.2"), "another client has its own bucket");
        clock.advance(Duration.ofSeconds(30));
        assertEquals(30, limiter.acquire("10.0.0.1"), "half a token after half a minute");
        clock.advance(Duration.ofSeconds(30));
        assertEquals(0, limiter.acquire("10.0.0.1"));
        assertEquals(60, limiter.acquire("10.0.0.1"));
        // a wall clock set back gives nothing and takes nothing
        clock.advance(Duration.ofHours(-2));
        assertEquals(60, limiter.acquire("10.0.0.1"));
        assertThrows(IllegalArgumentException.class, () -> new RateLimiter.Limit(5, 0));
        assertThrows(IllegalArgumentException.class, () -> new RateLimiter.Limit(-1, 10));
    }

    @Test
    void aLimitOfBurstZeroIsOff() {
        RateLimiter off = new RateLimiter(new RateLimiter.Limit(0, 0), 10, new MutableClock());
        for (int i = 0; i < 1000; i++) {
            assertEquals(0, off.acquire("10.0.0.1"));
        }
        assertEquals(0, off.size(), "nothing is kept for a limit that is off");
    }

    @Test
    void aFloodOfAddressesCannotGrowTheMemoryBeyondItsBound() {
        MutableClock clock = new MutableClock();
        RateLimiter limiter = new RateLimiter(new RateLimiter.Limit(10, 60), 1000, clock);
        for (int i = 0; i < 50_000; i++) {
            limiter.acquire("client-" + i);
        }
        assertEquals(1000, limiter.size(), "the least recently seen went");
        // a bucket refilled completely is forgotten: after 10 minutes (10 tokens at 60/h) all are idle
        clock.advance(Duration.ofMinutes(10));
        limiter.acquire("one-more");
        assertEquals(1, limiter.size());
        // a client that is not refilled yet keeps its bucket: forgetting it would hand it a new burst
        for (int i = 0; i < 10; i++) {
            assertEquals(0, limiter.acquire("busy"));
        }
        assertTrue(limiter.acquire("busy") > 0);
        clock.advance(Duration.ofMinutes(1));
        limiter.acquire("late");
        assertEquals(0, limiter.acquire("busy"), "one token back after a minute");
        assertTrue(limiter.acquire("busy") > 0, "and only one: the bucket was kept");
    }

    @Test
    void theClientIsTheTcpPeerUnlessAConfiguredProxyForwardsIt() {
        ClientAddress direct = new ClientAddress(List.of());
        assertEquals("203.0.113.7", direct.of("203.0.113.7", List.of("198.51.100.1")),
                "X-Forwarded-For from anyone is the client's own word: ignored");
        assertEquals("127.0.0.1", direct.of("[::ffff:127.0.0.1]", List.of()));

        ClientAddress proxied = new ClientAddress(List.of("127.0.0.1", "10.0.0.0/8"));
        assertEquals("198.51.100.1", proxied.of("127.0.0.1", List.of("198.51.100.1")));
        // the client wrote the left part; the proxies appended the right part
        assertEquals("198.51.100.1", proxied.of("127.0.0.1", List.of("1.2.3.4, 198.51.100.1, 10.1.2.3")));
        assertEquals("198.51.100.1", proxied.of("127.0.0.1", List.of("1.2.3.4", "198.51.100.1")),
                "several headers are one list");
        assertEquals("10.1.2.3", proxied.of("127.0.0.1", List.of("not-an-address, 10.1.2.3")),
                "garbage stops the walk at the last proxy");
        assertEquals("127.0.0.1", proxied.of("127.0.0.1", List.of()));
        assertEquals("203.0.113.7", proxied.of("203.0.113.7", List.of("198.51.100.1")), "not a trusted proxy");
        // IPv6: one /64 is one client
        assertEquals(direct.of("2001:db8:1:2:aaaa::1", List.of()), direct.of("[2001:db8:1:2:bbbb::99]", List.of()));
        assertFalse(direct.of("2001:db8:1:2::1", List.of()).equals(direct.of("2001:db8:1:3::1", List.of())));
        // which texts are addresses: IpNetworkTest (portal-api)
        assertThrows(IllegalArgumentException.class, () -> new ClientAddress(List.of("proxy.example.org")));
        assertThrows(IllegalArgumentException.class, () -> new ClientAddress(List.of("10.0.0.0/33")));
    }

    private static Open311Api api(MutableClock clock, Map<String, String> settings) {
        Map<String, String> all = new HashMap<>(Map.of("apiKeys", "CHANGE-ME-open311-placeholder-key, " + KEY + ", "
                + OTHER_KEY));
        all.putAll(settings);
        // the services are not reached: every request here stops at a guard or at the missing service_code
        return new Open311Api(null, null, Open311Config.from(all, TestPortalSettings.KYIV), new Texts(List::of), clock, new OutboundHttpImpl());
    }

    private static Open311Api.Response post(Open311Api api, String key, String client) {
        Map<String, String[]> form = new HashMap<>();
        if (key != null) {
            form.put("api_key", new String[] { key });
        }
        return api.handle("POST", "/requests.json", form, "application/x-www-form-urlencoded", null,
                new Open311Api.Caller(client, false));
    }

    private static JsonNode error(Open311Api.Response r, int status) {
        assertEquals(status, r.status(), new String(r.body(), StandardCharsets.UTF_8));
        JsonNode json = SpecFields.json(r.body());
        assertEquals(status, json.get(0).get("code").asInt());
        return json.get(0);
    }

    @Test
    void aClientOverItsLimitGets429WithRetryAfterInTheSpecsFormat() {
        MutableClock clock = new MutableClock();
        Open311Api api = api(clock, Map.of());
        for (int i = 0; i < 10; i++) {
            error(post(api, KEY, "198.51.100.1"), 400); // through both guards; no service_code
        }
        Open311Api.Response over = post(api, KEY, "198.51.100.1");
        JsonNode e = error(over, 429);
        assertEquals(60, over.retryAfterSeconds(), "the shipped 60 per hour: a token a minute");
        assertTrue(e.get("description").asText().contains("60"), e.toString());
        // wrong keys cost the client's tokens too, so guessing is as slow as reporting
        error(post(api, "guess-" + KEY, "198.51.100.2"), 403);
        for (int i = 0; i < 9; i++) {
            error(post(api, "guess", "198.51.100.2"), 403);
        }
        error(post(api, KEY, "198.51.100.2"), 429);
        // another client is not affected; the first one gets a token back after a minute
        error(post(api, KEY, "198.51.100.3"), 400);
        clock.advance(Duration.ofSeconds(60));
        error(post(api, KEY, "198.51.100.1"), 400);
        error(post(api, KEY, "198.51.100.1"), 429);
    }

    @Test
    void aKeyOverItsLimitGets429WhateverTheClientsAddress() {
        MutableClock clock = new MutableClock();
        Open311Api api = api(clock, Map.of("rateLimit.key.burst", "5", "rateLimit.key.perHour", "10"));
        for (int i = 0; i < 5; i++) {
            error(post(api, KEY, "198.51.100." + i), 400);
        }
        Open311Api.Response over = post(api, KEY, "198.51.100.200");
        error(over, 429);
        assertEquals(360, over.retryAfterSeconds(), "10 per hour: a token every 6 minutes");
        error(post(api, OTHER_KEY, "198.51.100.201"), 400);
    }

    @Test
    void aPlaceholderKeyIsRefusedAndAKeyInTheAddressTooBeforeAnythingElse() {
        Open311Api api = api(new MutableClock(), Map.of());
        assertTrue(error(post(api, "CHANGE-ME-open311-placeholder-key", "198.51.100.1"), 403).get("description")
                .asText().contains("api_key"));
        Map<String, String[]> form = new HashMap<>(Map.of("api_key", new String[] { KEY }));
        JsonNode inQuery = error(api.handle("POST", "/requests.json", form, "application/x-www-form-urlencoded", null,
                new Open311Api.Caller("198.51.100.1", true)), 400);
        assertTrue(inQuery.get("description").asText().contains("тілі форми"), inQuery.toString());
        // a form of another type is still the spec's 400, the key check does not run before it
        error(api.handle("POST", "/requests.json", form, "application/json", null,
                new Open311Api.Caller("198.51.100.1", false)), 400);
    }

    @Test
    void limitsAreCheckedWhenTheConfigurationIsRead() {
        assertThrows(IllegalArgumentException.class,
                () -> Open311Config.from(Map.of("rateLimit.address.burst", "ten"), TestPortalSettings.KYIV));
        assertThrows(IllegalArgumentException.class,
                () -> Open311Config.from(Map.of("rateLimit.key.burst", "5", "rateLimit.key.perHour", "0"), TestPortalSettings.KYIV));
        assertThrows(IllegalArgumentException.class, () -> Open311Config.from(Map.of("rateLimit.maxAddresses", "0"), TestPortalSettings.KYIV));
        assertThrows(IllegalArgumentException.class, () -> Open311Config.from(Map.of("trustedProxies", "nginx"), TestPortalSettings.KYIV));
        Open311Config shipped = Open311Config.from(Map.of(), TestPortalSettings.KYIV);
        assertEquals(new RateLimiter.Limit(10, 60), shipped.limits().perAddress());
        assertEquals(new RateLimiter.Limit(200, 2000), shipped.limits().perKey());
    }

    @Test
    void theQueryStringIsSearchedForTheKeyAsAFormWouldDecodeIt() {
        assertTrue(Open311Servlet.queryHas("api_key=x", "api_key"));
        assertTrue(Open311Servlet.queryHas("a=1&api%5Fkey=x", "api_key"));
        assertTrue(Open311Servlet.queryHas("api_key", "api_key"));
        assertFalse(Open311Servlet.queryHas("apikey=x&b=api_key", "api_key"));
        assertFalse(Open311Servlet.queryHas(null, "api_key"));
        assertFalse(Open311Servlet.queryHas("%zz=1", "api_key"));
    }
}
