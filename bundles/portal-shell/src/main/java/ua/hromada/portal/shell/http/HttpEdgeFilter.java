package ua.hromada.portal.shell.http;

import ua.hromada.portal.api.PortalHttp;
import ua.hromada.portal.shell.core.PortalConfig;
import java.io.IOException;
import java.util.Locale;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardContextSelect;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardFilterPattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import ua.hromada.portal.api.ApiResponses;
import ua.hromada.portal.api.community.Communities;
import ua.hromada.portal.api.community.Community;

/**
 * The portal's HTTP edge, in front of every servlet of the {@code hromada} context (the Vaadin
 * pages and every module API): the browser-protection headers, no TRACE, 404 for addresses
 * nothing serves and for the pages and APIs of a module the host's community does not have, and
 * no session-cookie authentication for cross-site API writes (CSRF).
 */
@Component(service = Filter.class, configurationPid = PortalConfig.PID,
        property = "service.ranking:Integer=1000")
@HttpWhiteboardFilterPattern("/*")
@HttpWhiteboardContextSelect(PortalHttp.CONTEXT_SELECT)
public class HttpEdgeFilter implements Filter {

    private static final Logger LOG = LoggerFactory.getLogger(HttpEdgeFilter.class);
    static final String ALLOWED_METHODS = "GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS";

    @Reference
    private PageRoutes routes;
    @Reference
    private ServletModules servletModules;
    @Reference
    private Communities communities;

    private volatile SecurityHeaders headers = new SecurityHeaders(null);
    private volatile String publicUrl;

    @Activate
    @Modified
    void configure(PortalConfig config) {
        headers = new SecurityHeaders(config.security_csp());
        publicUrl = config.public_url();
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) req;
        HttpServletResponse response = (HttpServletResponse) res;
        try {
            filter(request, response, chain);
        } catch (IOException e) {
            if (!ClientGone.is(e)) {
                throw e;
            }
            // the client hung up while its answer was written: nothing to answer, nothing failed here
            LOG.debug("{} {}: the client closed the connection ({})", request.getMethod(), request.getRequestURI(), e.toString());
        } catch (RuntimeException e) {
            if (ClientGone.is(e)) {
                LOG.debug("{} {}: the client closed the connection ({})", request.getMethod(), request.getRequestURI(), e.toString());
                return;
            }
            if (!path(request).startsWith("/api/")) {
                throw e;
            }
            // an API's failure its servlet did not catch (e.g. PostgreSQL restarting): JSON, 503 with
            // Retry-After when the database is out of reach, never the container's HTML error page
            LOG.error("{} {} failed [{}]", request.getMethod(), request.getRequestURI(),
                    ApiResponses.failure(response, e), e);
        }
    }

    private void filter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        headers.headers().forEach(response::setHeader);
        String method = request.getMethod().toUpperCase(Locale.ROOT);
        if ("TRACE".equals(method)) {
            // TRACE echoes the request, cookies included, back to any script that can send it
            response.setHeader("Allow", ALLOWED_METHODS);
            response.sendError(HttpServletResponse.SC_METHOD_NOT_ALLOWED);
            return;
        }
        String path = path(request);
        // the portal servlet is mapped to /*; an address that reached it matched no other servlet
        boolean toPortalServlet = request.getServletPath().isEmpty();
        // the community of the host name, as the portal resolves it for the whole request
        Community community = communities.forHost(request.getServerName());
        if (!toPortalServlet && servletModules.moduleOf(path).map(m -> !community.moduleEnabled(m)).orElse(false)) {
            // a module this community does not have: its APIs and public files are not there
            ApiResponses.error(response, HttpServletResponse.SC_NOT_FOUND, "not_found",
                    "No API answers at this address.");
            return;
        }
        if (toPortalServlet && (path.equals("/api") || path.startsWith("/api/"))) {
            ApiResponses.error(response, HttpServletResponse.SC_NOT_FOUND, "not_found",
                    "No API answers at this address.");
            return;
        }
        if (OriginCheck.applies(method, path) && request.getRequestedSessionId() != null
                && OriginCheck.crossSite(request.getHeader("Origin"), request.getHeader("Sec-Fetch-Site"),
                        ownOrigin(request), community.setting(PortalConfig.PID, "public.url").orElse(publicUrl))) {
            LOG.debug("Cross-site {} {} from origin {}: session cookie ignored", method, path,
                    request.getHeader("Origin"));
            chain.doFilter(new SessionlessRequest(request, sessionCookieName(request)), response);
            return;
        }
        if (toPortalServlet && PageRequests.isPageNavigation(method, path, request.getQueryString())
                && !routes.isKnownRoute(path, community)) {
            // Vaadin serves its page for any address and shows the not-found view in it; the
            // status says the truth to browsers, crawlers and scanners
            response.setStatus(HttpServletResponse.SC_NOT_FOUND);
            chain.doFilter(request, new StatusKeepingResponse(response));
            return;
        }
        chain.doFilter(request, response);
    }

    static String path(HttpServletRequest request) {
        String servletPath = request.getServletPath();
        String pathInfo = request.getPathInfo();
        String path = (servletPath == null ? "" : servletPath) + (pathInfo == null ? "" : pathInfo);
        return path.isEmpty() ? "/" : path;
    }

    private static String ownOrigin(HttpServletRequest request) {
        return request.getScheme() + "://" + request.getServerName() + ":" + request.getServerPort();
    }

    private static String sessionCookieName(HttpServletRequest request) {
        String name = request.getServletContext().getSessionCookieConfig().getName();
        return name == null || name.isBlank() ? "JSESSIONID" : name;
    }

    /** Keeps the 404 the filter set when the page handler reports its usual 200. */
    private static final class StatusKeepingResponse extends HttpServletResponseWrapper {
        StatusKeepingResponse(HttpServletResponse response) {
            super(response);
        }

        @Override
        public void setStatus(int status) {
            if (status != SC_OK) {
                super.setStatus(status);
            }
        }
    }
}
