package ua.hromada.oks.open311;

import ua.hromada.portal.api.PortalHttp;
import java.io.IOException;
import java.time.Clock;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Modified;
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
import ua.hromada.oks.api.OksCatalog;
import ua.hromada.oks.api.Violations;
import ua.hromada.portal.api.MessageBundle;
import ua.hromada.portal.api.PortalSettings;
import ua.hromada.portal.api.community.Communities;
import ua.hromada.portal.api.community.Community;
import ua.hromada.portal.api.outbound.OutboundHttp;

/**
 * Open311 GeoReport v2 for residents' apps under {@code /api/open311/v2/}: services, service
 * definitions, requests (read by anyone, created with an {@code api_key} from
 * {@value Open311Config#PID}). The work is done by {@link Open311Api}; this class only carries
 * HTTP in and out and makes sure nothing escapes as a 500 or a stack trace. The discovery document
 * names the configured public address (discovery.publicUrl, else the portal's public.url), never
 * the Host header a client sent.
 */
@Component(service = Servlet.class, configurationPid = Open311Config.PID,
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
@org.osgi.service.metatype.annotations.Designate(ocd = Open311Settings.class)
@HttpWhiteboardServletPattern("/api/open311/v2/*")
@HttpWhiteboardContextSelect(PortalHttp.CONTEXT_SELECT)
public class Open311Servlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(Open311Servlet.class);

    private final transient Violations violations;
    private final transient OksCatalog catalog;
    private final transient PortalSettings portal;
    /** Every module's texts: the OKS service's refusals are explained with its own keys. */
    private final transient List<MessageBundle> messageBundles = new CopyOnWriteArrayList<>();
    private final transient Texts texts = new Texts(() -> messageBundles);
    private final transient Communities communities;
    /** The portal's outbound HTTP, for a request's media_url. */
    private final transient OutboundHttp outbound;
    /** The API of the shared configuration (the default community's unless its overlay says otherwise). */
    private volatile transient Open311Api api;
    private volatile transient Map<String, Object> properties;
    /** Each community's API: its keys, jurisdiction and rate limits, built at its first request. */
    private final transient Map<String, CommunityApi> byCommunity = new ConcurrentHashMap<>();

    /** A community's API, valid while the community and the shared configuration are those it was built from. */
    private record CommunityApi(Community community, Open311Api shared, Open311Api api) {
    }

    @Activate
    public Open311Servlet(@Reference(name = "violations") Violations violations,
            @Reference(name = "catalog") OksCatalog catalog,
            @Reference(name = "portal") PortalSettings portal,
            @Reference(name = "communities") Communities communities,
            @Reference(name = "outbound") OutboundHttp outbound,
            Map<String, Object> properties) {
        this.outbound = outbound;
        this.violations = violations;
        this.catalog = catalog;
        this.portal = portal;
        this.communities = communities;
        configure(properties);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addMessageBundle(MessageBundle bundle) {
        messageBundles.add(bundle);
    }

    void removeMessageBundle(MessageBundle bundle) {
        messageBundles.remove(bundle);
    }

    @Modified
    void configure(Map<String, Object> properties) {
        Open311Api configured = build(properties, Open311Config.PID + ".cfg");
        this.properties = new HashMap<>(properties);
        api = configured;
        byCommunity.clear(); // rate limits reset with new settings, as they always did
    }

    private Open311Api build(Map<String, ?> properties, String source) {
        Open311Config config = Open311Config.from(properties, portal.timeZone());
        Open311Api configured = new Open311Api(violations, catalog, config, texts, Clock.systemUTC(), outbound);
        ApiKeys keys = configured.keys();
        for (int i = 1; i <= keys.size(); i++) {
            if (keys.weaknessAt(i) != null) {
                LOG.warn("Open311: apiKeys entry {} in {} is refused because {}: POSTs with it answer 403. Use "
                        + "keys of at least {} random characters, e.g. `openssl rand -hex 32`", i, source,
                        keys.weaknessAt(i), ApiKeys.MIN_LENGTH);
            }
        }
        if (keys.usable() == 0) {
            LOG.warn("Open311: no usable apiKeys in {} — residents' apps cannot submit requests (POST answers 403)",
                    source);
        }
        return configured;
    }

    /**
     * The API of the current community: the shared configuration with the community's own values
     * of {@value Open311Config#PID} (its settings overlay: apiKeys, jurisdictionId, serviceGroup, …)
     * on top. An overlay that does not read (e.g. a wrong discovery.type) is logged, and only its
     * keys that cannot be wrong (api keys, jurisdiction, service group, keywords) are applied.
     */
    Open311Api currentApi() {
        Open311Api shared = api;
        Community community = communities.current();
        CommunityApi held = byCommunity.get(community.id());
        if (held != null && held.shared() == shared && held.community().equals(community)) {
            return held.api();
        }
        Map<String, Object> merged = overlaid(community, key -> true);
        if (Communities.DEFAULT.equals(community.id()) && merged.equals(properties)) {
            return shared; // a single-community deployment: the API as configured
        }
        String source = "the settings of community " + community.id();
        Open311Api own;
        try {
            own = build(merged, source);
        } catch (IllegalArgumentException e) {
            LOG.error("Open311: the settings overlay of community {} is not valid ({}): only its apiKeys, "
                    + "jurisdictionId, serviceGroup and keywords apply", community.id(), e.getMessage());
            own = build(overlaid(community, key -> SAFE_KEYS.contains(key) || key.startsWith("keywords.")), source);
        }
        byCommunity.put(community.id(), new CommunityApi(community, shared, own));
        return own;
    }

    /** The overlay keys whose values are taken as they are (nothing in them can fail to read). */
    private static final java.util.Set<String> SAFE_KEYS = java.util.Set.of("apiKeys", "jurisdictionId", "serviceGroup");

    private Map<String, Object> overlaid(Community community, java.util.function.Predicate<String> keys) {
        Map<String, Object> merged = new HashMap<>(properties);
        String prefix = Open311Config.PID + "/";
        community.settings().forEach((key, value) -> {
            if (key.startsWith(prefix) && keys.test(key.substring(prefix.length()))) {
                merged.put(key.substring(prefix.length()), value);
            }
        });
        return merged;
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Open311Api current = currentApi();
        Open311Api.Response answer;
        try {
            // the spec: everything a client sends is UTF-8 (set before the first parameter is read)
            request.setCharacterEncoding("UTF-8");
            // before the parameters are read: the form body's api_key must not be confused with one in the address
            Open311Api.Caller caller = new Open311Api.Caller(current.clientOf(request.getRemoteAddr(),
                    Collections.list(request.getHeaders("X-Forwarded-For"))),
                    queryHas(request.getQueryString(), "api_key"));
            answer = current.handle(request.getMethod(), request.getPathInfo(), request.getParameterMap(),
                    request.getContentType(), endpointUrl(), caller);
        } catch (RuntimeException e) {
            // e.g. an unreadable or oversized form body, refused by the container while parsing it
            String reference = UUID.randomUUID().toString().substring(0, 8);
            LOG.warn("Open311 {} {}: request not readable [{}]: {}", request.getMethod(), request.getRequestURI(),
                    reference, e.toString());
            answer = current.error(Format.XML, 400, texts.get("open311.error.unreadable",
                    reference));
            discardBody(request);
        }
        write(response, answer, "HEAD".equals(request.getMethod()));
    }

    /**
     * Reads what is left of a refused body (bounded): a connection closed with unread bytes is
     * reset, and the client then loses the 400 it was sent (seen in the tests: about one time in
     * six for a 600 KB form).
     */
    private static void discardBody(HttpServletRequest request) {
        long length = request.getContentLengthLong();
        if (length <= 0 || length > MAX_DISCARD) {
            return;
        }
        try {
            request.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
        } catch (IOException | RuntimeException e) {
            LOG.debug("Open311: the rest of a refused body could not be read: {}", e.toString());
        }
    }

    /** Bodies up to this size are read to their end after a refusal; larger ones close the connection. */
    private static final long MAX_DISCARD = 16L << 20;

    /** The API's public address from the portal's public.url, up to the version ("…/api/open311/v2"). */
    private String endpointUrl() {
        String base = portal.publicUrl();
        if (base == null || base.isBlank()) {
            return null;
        }
        return base.strip().replaceAll("/+$", "") + Open311Api.ENDPOINT_PATH;
    }

    /** Whether a raw query string names the parameter (its name decoded as a form would decode it). */
    static boolean queryHas(String query, String name) {
        if (query == null || query.isEmpty()) {
            return false;
        }
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            String raw = eq < 0 ? pair : pair.substring(0, eq);
            String decoded;
            try {
                decoded = java.net.URLDecoder.decode(raw, java.nio.charset.StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                decoded = raw; // a broken escape: the container refuses the parameters anyway
            }
            if (decoded.trim().equals(name)) {
                return true;
            }
        }
        return false;
    }

    private static void write(HttpServletResponse response, Open311Api.Response answer, boolean head)
            throws IOException {
        if (response.isCommitted()) {
            return;
        }
        response.setStatus(answer.status());
        response.setContentType(answer.format().contentType());
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("X-Content-Type-Options", "nosniff");
        // residents' web apps read the public data from their own origin
        response.setHeader("Access-Control-Allow-Origin", "*");
        if (answer.retryAfterSeconds() > 0) {
            response.setHeader("Retry-After", String.valueOf(answer.retryAfterSeconds()));
        }
        response.setContentLength(answer.body().length);
        if (!head) {
            response.getOutputStream().write(answer.body());
        }
    }
}
