package ua.hromada.portal.shell.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class OriginCheckTest {

    private static final String OWN = "http://127.0.0.1:8181";
    private static final String PUBLIC = "https://portal.hromada.example/";

    @Test
    void appliesOnlyToApiWrites() {
        assertTrue(OriginCheck.applies("POST", "/api/documents"));
        assertTrue(OriginCheck.applies("delete", "/api/documents/7"));
        assertTrue(OriginCheck.applies("PUT", "/api/x"));
        assertFalse(OriginCheck.applies("GET", "/api/documents"));
        assertFalse(OriginCheck.applies("HEAD", "/api/documents"));
        assertFalse(OriginCheck.applies("OPTIONS", "/api/documents"));
        // Vaadin's own requests carry its CSRF token
        assertFalse(OriginCheck.applies("POST", "/"));
        assertFalse(OriginCheck.applies("POST", "/apix"));
    }

    @Test
    void ownOriginAndPublicUrlAreSameSite() {
        assertFalse(OriginCheck.crossSite("http://127.0.0.1:8181", null, OWN, PUBLIC));
        assertFalse(OriginCheck.crossSite("HTTP://127.0.0.1:8181", "same-origin", OWN, PUBLIC));
        // behind a TLS proxy the browser's origin is the public URL, the request's own is http
        assertFalse(OriginCheck.crossSite("https://portal.hromada.example", "same-origin", OWN, PUBLIC));
        assertFalse(OriginCheck.crossSite("https://portal.hromada.example:443", null, OWN, PUBLIC));
    }

    @Test
    void foreignOriginsAreCrossSite() {
        assertTrue(OriginCheck.crossSite("https://evil.example", null, OWN, PUBLIC));
        // another port of the same host is another origin although browsers call it same-site
        assertTrue(OriginCheck.crossSite("http://127.0.0.1:9999", "same-site", OWN, PUBLIC));
        assertTrue(OriginCheck.crossSite("http://portal.hromada.example", null, OWN, PUBLIC));
        assertTrue(OriginCheck.crossSite("https://portal.hromada.example.evil.example", null, OWN, PUBLIC));
        assertTrue(OriginCheck.crossSite("null", null, OWN, PUBLIC));
        assertTrue(OriginCheck.crossSite("not a url", null, OWN, PUBLIC));
    }

    @Test
    void withoutOriginTheFetchMetadataDecides() {
        assertTrue(OriginCheck.crossSite(null, "cross-site", OWN, PUBLIC));
        assertTrue(OriginCheck.crossSite(null, "same-site", OWN, PUBLIC));
        assertFalse(OriginCheck.crossSite(null, "same-origin", OWN, PUBLIC));
        assertFalse(OriginCheck.crossSite(null, "none", OWN, PUBLIC));
        // neither header: a program (curl, a script), not a page in a browser
        assertFalse(OriginCheck.crossSite(null, null, OWN, PUBLIC));
        assertFalse(OriginCheck.crossSite("", "", OWN, null));
    }

    @Test
    void normalizesOrigins() {
        assertEquals("https://a.example", OriginCheck.normalize("https://A.example:443/path?q"));
        assertEquals("http://a.example:8080", OriginCheck.normalize("http://a.example:8080/"));
        assertNull(OriginCheck.normalize("null"));
        assertNull(OriginCheck.normalize("/relative"));
    }
}
