package ua.hromada.gis.ogc;

import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardContextSelect;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import ua.hromada.gis.api.GisFeatures;
import ua.hromada.gis.api.GisLayers;
import ua.hromada.portal.api.ApiResponses;
import ua.hromada.portal.api.MessageBundle;
import ua.hromada.portal.api.PortalHttp;
import ua.hromada.portal.api.PortalSettings;
import ua.hromada.portal.api.community.Communities;

/**
 * OGC API – Features at {@code /api/gis/ogc/} for the public layers of the request's community
 * (the portal binds it from the host name before this servlet runs; a community without the GIS
 * module gets the portal's 404, as this bundle belongs to module {@code gis}). No sign-in; reads
 * only. The work is done by {@link OgcApi}; this class carries HTTP in and out and makes sure
 * nothing escapes as a stack trace.
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletPattern(OgcServlet.PATTERN)
@HttpWhiteboardContextSelect(PortalHttp.CONTEXT_SELECT)
public class OgcServlet extends HttpServlet {

    static final String PATH = "/api/gis/ogc";
    static final String PATTERN = PATH + "/*";
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(OgcServlet.class);

    private final transient Communities communities;
    private final transient List<MessageBundle> messageBundles = new CopyOnWriteArrayList<>();
    private final transient Texts texts = new Texts(() -> messageBundles);
    private final transient OgcApi api;

    @Activate
    public OgcServlet(@Reference(name = "layers") GisLayers layers, @Reference(name = "features") GisFeatures features,
            @Reference(name = "portal") PortalSettings portal, @Reference(name = "communities") Communities communities) {
        this.communities = communities;
        this.api = new OgcApi(layers, features, texts, Clock.systemUTC(), portal.timeZone());
    }

    /** Every module's texts: the GIS service explains a refused filter value with its own keys. */
    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addMessageBundle(MessageBundle bundle) {
        messageBundles.add(bundle);
    }

    void removeMessageBundle(MessageBundle bundle) {
        messageBundles.remove(bundle);
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String method = request.getMethod();
        Locale locale = Texts.locale(request.getHeader("Accept-Language"));
        response.setHeader("Access-Control-Allow-Origin", "*"); // web maps of any origin read public data
        if (method.equals("OPTIONS")) {
            response.setHeader("Allow", "GET, HEAD, OPTIONS");
            response.setHeader("Access-Control-Allow-Methods", "GET, HEAD, OPTIONS");
            response.setHeader("Access-Control-Allow-Headers", "Accept, Accept-Language");
            response.setStatus(204);
            return;
        }
        OgcApi.Answer answer;
        if (!method.equals("GET") && !method.equals("HEAD")) {
            response.setHeader("Allow", "GET, HEAD, OPTIONS");
            answer = api.error(locale, 405, "ogc.error.method", method);
        } else {
            Map<String, String[]> parameters = null;
            try {
                request.setCharacterEncoding("UTF-8");
                parameters = Map.copyOf(request.getParameterMap());
            } catch (RuntimeException | java.io.UnsupportedEncodingException e) {
                // e.g. a broken %-escape: the container cannot read the query
                LOG.debug("OGC API: unreadable query {}: {}", request.getQueryString(), e.toString());
            }
            try {
                answer = parameters == null ? api.error(locale, 400, "ogc.error.query")
                        : api.handle(new OgcApi.Request(base(request), request.getPathInfo(), parameters, locale,
                                communities.current().id()));
            } catch (RuntimeException e) {
                // the database or the GIS service failing: said so with a reference, never a stack trace
                String reference = UUID.randomUUID().toString().substring(0, 8);
                LOG.error("OGC API {} {} failed [{}]", method, request.getRequestURI(), reference, e);
                answer = api.error(locale, 503, "ogc.error.unavailable", reference);
                ApiResponses.retryLater(response, e);
            }
        }
        response.setStatus(answer.status());
        response.setContentType(answer.contentType());
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Content-Language", locale.getLanguage());
        response.setHeader("Cache-Control", "no-cache");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setContentLength(answer.body().length);
        if (!method.equals("HEAD")) {
            try {
                response.getOutputStream().write(answer.body());
            } catch (java.io.EOFException gone) {
                // the client closed the connection mid-answer (a map moved on, a tool stopped): not the portal's error
                LOG.debug("{}: client gone while the answer was written", request.getRequestURI());
            }
        }
    }

    /** The API's address as this request reached it (its host: the community it serves). */
    private static String base(HttpServletRequest request) {
        StringBuilder b = new StringBuilder(request.getScheme()).append("://").append(request.getServerName());
        int port = request.getServerPort();
        boolean defaultPort = port <= 0 || request.getScheme().equals("http") && port == 80
                || request.getScheme().equals("https") && port == 443;
        if (!defaultPort) {
            b.append(':').append(port);
        }
        String host = request.getServerName();
        if (host.indexOf(':') >= 0 && !host.startsWith("[")) {
            // an IPv6 address in a URL is bracketed
            b = new StringBuilder(request.getScheme()).append("://[").append(host).append(']');
            if (!defaultPort) {
                b.append(':').append(port);
            }
        }
        return b.append(request.getContextPath()).append(request.getServletPath()).toString();
    }
}
