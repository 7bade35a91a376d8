package ua.hromada.portal.shell.http;

import java.util.Arrays;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.stream.Collectors;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpSession;

/**
 * A request that looks as if it carried no session: what a cross-site write to an API sees, so
 * the session cookie a browser attached on its own authenticates nothing. An API that accepts
 * its own credentials (an Open311 API key) still works; a session-only API answers 401.
 * {@code getSession(true)} returns null too: no API must start a session for such a request.
 */
final class SessionlessRequest extends HttpServletRequestWrapper {

    private final String cookieName;

    SessionlessRequest(HttpServletRequest request, String cookieName) {
        super(request);
        this.cookieName = cookieName;
    }

    @Override
    public HttpSession getSession(boolean create) {
        return null;
    }

    @Override
    public HttpSession getSession() {
        return null;
    }

    @Override
    public String getRequestedSessionId() {
        return null;
    }

    @Override
    public boolean isRequestedSessionIdValid() {
        return false;
    }

    @Override
    public boolean isRequestedSessionIdFromCookie() {
        return false;
    }

    @Override
    public String changeSessionId() {
        throw new IllegalStateException("No session on a cross-site request");
    }

    @Override
    public Cookie[] getCookies() {
        Cookie[] cookies = super.getCookies();
        if (cookies == null) {
            return null;
        }
        Cookie[] kept = Arrays.stream(cookies).filter(c -> !cookieName.equalsIgnoreCase(c.getName()))
                .toArray(Cookie[]::new);
        return kept.length == 0 ? null : kept;
    }

    @Override
    public String getHeader(String name) {
        if (!"Cookie".equalsIgnoreCase(name)) {
            return super.getHeader(name);
        }
        String header = withoutSessionCookie(super.getHeader(name));
        return header == null || header.isEmpty() ? null : header;
    }

    @Override
    public Enumeration<String> getHeaders(String name) {
        if (!"Cookie".equalsIgnoreCase(name)) {
            return super.getHeaders(name);
        }
        List<String> kept = Collections.list(super.getHeaders(name)).stream().map(this::withoutSessionCookie)
                .filter(h -> h != null && !h.isEmpty()).toList();
        return Collections.enumeration(kept);
    }

    private String withoutSessionCookie(String header) {
        if (header == null) {
            return null;
        }
        return Arrays.stream(header.split(";")).map(String::strip)
                .filter(part -> !part.regionMatches(true, 0, cookieName + "=", 0, cookieName.length() + 1))
                .collect(Collectors.joining("; "));
    }
}
