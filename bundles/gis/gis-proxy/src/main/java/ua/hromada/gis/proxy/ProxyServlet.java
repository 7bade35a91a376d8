package ua.hromada.gis.proxy;

import java.io.IOException;
import java.net.URI;
import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardContextSelect;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import ua.hromada.gis.api.ExternalLayer;
import ua.hromada.gis.api.GisException;
import ua.hromada.gis.api.GisExternalLayers;
import ua.hromada.gis.api.http.GisMapServers;
import ua.hromada.portal.api.ApiResponses;
import ua.hromada.portal.api.CurrentUser;
import ua.hromada.portal.api.MessageBundle;
import ua.hromada.portal.api.PortalException.Reason;
import ua.hromada.portal.api.PortalHttp;
import ua.hromada.portal.api.PortalUser;
import ua.hromada.portal.api.outbound.OutboundHttp;

/**
 * The images of proxied external layers at {@code /api/gis/proxy/{key}/wms} (WMS GetMap and
 * GetLegendGraphic) and {@code /api/gis/proxy/{key}/{z}/{x}/{y}} (WMTS and XYZ tiles), for the
 * request's community (bound from the host name before this servlet runs; a community without the
 * GIS module gets the portal's 404). Only layers registered as proxied are served: a public one to
 * anyone, an employees' one to a signed-in user with a gis permission (401 / 403 otherwise). What
 * is fetched is decided by {@link UpstreamAddress}, how by {@link Upstream}; errors are the portal's
 * JSON errors in Ukrainian (English when the client prefers it).
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletPattern(ProxyServlet.PATTERN)
@HttpWhiteboardContextSelect(PortalHttp.CONTEXT_SELECT)
public class ProxyServlet extends HttpServlet {

    static final String PATTERN = "/api/gis/proxy/*";
    /** How long a browser may keep an image (the services' own maps change seldom). */
    static final int MAX_AGE_SECONDS = 3600;
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(ProxyServlet.class);
    private static final Locale UKRAINIAN = Locale.forLanguageTag("uk");

    private final transient GisExternalLayers layers;
    private final transient CurrentUser currentUser;
    private final transient Upstream upstream;
    private final transient MessageBundle texts = MessageBundle.of("i18n.gis-proxy", ProxyServlet.class.getClassLoader());

    @Activate
    public ProxyServlet(@Reference(name = "layers") GisExternalLayers layers,
            @Reference(name = "currentUser") CurrentUser currentUser, @Reference(name = "http") OutboundHttp http,
            @Reference(name = "servers") GisMapServers servers) {
        this(layers, currentUser, new Upstream(http, servers.policy(), Upstream.TIMEOUT, Upstream.MAX_BYTES));
    }

    /** For tests: a short deadline, a small size limit, the tests' allowed networks. */
    ProxyServlet(GisExternalLayers layers, CurrentUser currentUser, Upstream upstream) {
        this.layers = layers;
        this.currentUser = currentUser;
        this.upstream = upstream;
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Locale locale = locale(request.getHeader("Accept-Language"));
        String method = request.getMethod();
        try {
            if (!method.equals("GET") && !method.equals("HEAD")) {
                response.setHeader("Allow", "GET, HEAD");
                throw new ProxyError(405, "proxy.error.method", method);
            }
            ProxyPath path = ProxyPath.parse(request.getPathInfo());
            ExternalLayer layer = layer(request, path.key());
            URI address = UpstreamAddress.of(layer, path, path.tile() ? Map.of() : parameters(request));
            Upstream.Image image = upstream.fetch(address);
            response.setStatus(200);
            response.setContentType(image.contentType());
            response.setContentLength(image.bytes().length);
            // an employees' image stays in the browser's own cache, never a shared one
            response.setHeader("Cache-Control", (layer.isPublic() ? "public" : "private") + ", max-age=" + MAX_AGE_SECONDS);
            response.setHeader("X-Content-Type-Options", "nosniff");
            response.setHeader("Content-Security-Policy", "default-src 'none'; sandbox");
            if (!method.equals("HEAD")) {
                try {
                    response.getOutputStream().write(image.bytes());
                } catch (java.io.EOFException gone) {
                    // the client closed the connection mid-answer (a map moved on, a tool stopped): not the portal's error
                    LOG.debug("{}: client gone while the answer was written", request.getRequestURI());
                }
            }
        } catch (ProxyError e) {
            // a failing service fails every tile of a map: said to the client, logged only on demand
            LOG.debug("GIS proxy {}: {} {}", request.getRequestURI(), e.status(), text(Locale.ENGLISH, e));
            ApiResponses.error(response, e.status(), e.code(), text(locale, e));
        } catch (RuntimeException e) {
            // the registry's database failing: said so with a reference, never a stack trace
            String reference = UUID.randomUUID().toString().substring(0, 8);
            LOG.error("GIS proxy {} failed [{}]", request.getRequestURI(), reference, e);
            if (!response.isCommitted()) {
                ApiResponses.retryLater(response, e);
                ApiResponses.error(response, 503, "unavailable", text(locale, new ProxyError(503,
                        "proxy.error.unavailable", reference)));
            }
        }
    }

    /**
     * The proxied layer of this key the request may see. A public layer is found without asking
     * who signed in; an employees' one needs a signed-in user with a gis permission.
     */
    private ExternalLayer layer(HttpServletRequest request, String key) {
        Optional<ExternalLayer> layer;
        try {
            layer = layers.findByKey(null, key);
        } catch (GisException e) {
            if (e.reason() != Reason.FORBIDDEN) {
                throw e;
            }
            Optional<PortalUser> user = currentUser.fromRequest(request);
            if (user.isEmpty()) {
                throw new ProxyError(401, "proxy.error.signIn");
            }
            try {
                layer = layers.findByKey(user.get(), key);
            } catch (GisException refused) {
                if (refused.reason() == Reason.FORBIDDEN) {
                    throw new ProxyError(403, "proxy.error.forbidden");
                }
                throw refused;
            }
        }
        // a linked layer is fetched by the browser itself: the portal is no proxy for it
        return layer.filter(ExternalLayer::proxied).orElseThrow(() -> ProxyError.notFound("proxy.error.layer.notFound",
                key));
    }

    /** The query's parameters; a query the container cannot read (a broken %-escape) is a 400. */
    private static Map<String, String[]> parameters(HttpServletRequest request) {
        try {
            request.setCharacterEncoding("UTF-8");
            return Map.copyOf(request.getParameterMap());
        } catch (RuntimeException | java.io.UnsupportedEncodingException e) {
            throw ProxyError.badRequest("proxy.error.query");
        }
    }

    private String text(Locale locale, ProxyError e) {
        return texts.message(e.messageKey(), locale)
                .map(t -> new MessageFormat(t, locale).format(e.args()))
                .orElse(e.messageKey());
    }

    /** English when the client's first choice is English, else Ukrainian. */
    static Locale locale(String acceptLanguage) {
        try {
            Locale best = acceptLanguage == null ? null
                    : Locale.lookup(Locale.LanguageRange.parse(acceptLanguage), List.of(UKRAINIAN, Locale.ENGLISH));
            return Locale.ENGLISH.equals(best) ? Locale.ENGLISH : UKRAINIAN;
        } catch (IllegalArgumentException e) {
            return UKRAINIAN;
        }
    }
}
