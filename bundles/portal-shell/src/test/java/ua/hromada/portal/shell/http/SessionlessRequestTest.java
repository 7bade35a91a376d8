package ua.hromada.portal.shell.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.lang.reflect.Proxy;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

class SessionlessRequestTest {

    /** A request with a live session and a session cookie next to another cookie. */
    private static HttpServletRequest withSession() {
        HttpSession session = (HttpSession) Proxy.newProxyInstance(HttpSession.class.getClassLoader(),
                new Class<?>[] { HttpSession.class }, (p, m, a) -> null);
        Map<String, Object> answers = Map.of(
                "getSession", session,
                "getRequestedSessionId", "abc",
                "isRequestedSessionIdValid", true,
                "isRequestedSessionIdFromCookie", true,
                "getCookies", new Cookie[] { new Cookie("JSESSIONID", "abc"), new Cookie("lang", "uk") },
                "getHeader", "JSESSIONID=abc; lang=uk",
                "getHeaders", Collections.enumeration(List.of("JSESSIONID=abc; lang=uk")));
        return (HttpServletRequest) Proxy.newProxyInstance(HttpServletRequest.class.getClassLoader(),
                new Class<?>[] { HttpServletRequest.class }, (p, m, a) -> answers.get(m.getName()));
    }

    @Test
    void theSessionAndItsCookieAreGone() {
        SessionlessRequest request = new SessionlessRequest(withSession(), "JSESSIONID");
        assertNull(request.getSession(false));
        assertNull(request.getSession(true));
        assertNull(request.getSession());
        assertNull(request.getRequestedSessionId());
        assertFalse(request.isRequestedSessionIdValid());
        assertFalse(request.isRequestedSessionIdFromCookie());
        assertEquals(1, request.getCookies().length);
        assertEquals("lang", request.getCookies()[0].getName());
        assertEquals("lang=uk", request.getHeader("Cookie"));
        assertEquals(List.of("lang=uk"), Collections.list(request.getHeaders("cookie")));
    }
}
