package ua.hromada.portal.shell.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;

class SecurityHeadersTest {

    @Test
    void defaultPolicyKeepsEverythingSameOriginButWhatVaadinNeeds() {
        Map<String, String> h = new SecurityHeaders("  ").headers();
        String csp = h.get("Content-Security-Policy");
        assertEquals(SecurityHeaders.DEFAULT_CSP, csp);
        assertTrue(csp.contains("default-src 'self'"));
        assertTrue(csp.contains("frame-ancestors 'self'"));
        assertTrue(csp.contains("object-src 'none'"));
        assertEquals("SAMEORIGIN", h.get("X-Frame-Options"));
        assertEquals("nosniff", h.get("X-Content-Type-Options"));
        assertEquals("strict-origin-when-cross-origin", h.get("Referrer-Policy"));
    }

    @Test
    void anAdminPolicyStillForbidsForeignFraming() {
        String csp = new SecurityHeaders("default-src 'self' 'unsafe-inline'").headers().get("Content-Security-Policy");
        assertEquals("default-src 'self' 'unsafe-inline'; frame-ancestors 'self'", csp);
        String own = new SecurityHeaders("default-src 'self'; frame-ancestors 'none'").headers()
                .get("Content-Security-Policy");
        assertEquals("default-src 'self'; frame-ancestors 'none'", own);
    }
}
