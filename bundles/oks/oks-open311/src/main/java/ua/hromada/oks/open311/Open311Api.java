package ua.hromada.oks.open311;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import ua.hromada.oks.api.ActionKind;
import ua.hromada.oks.api.OksCatalog;
import ua.hromada.oks.api.NewViolation;
import ua.hromada.oks.api.OksException;
import ua.hromada.oks.api.PhotoUpload;
import ua.hromada.oks.api.StatusGroup;
import ua.hromada.oks.api.Urgency;
import ua.hromada.oks.api.Violation;
import ua.hromada.oks.api.ViolationQuery;
import ua.hromada.oks.api.Violations;
import ua.hromada.oks.api.ViolationType;
import ua.hromada.oks.open311.Params.RequestsQuery;
import ua.hromada.oks.open311.Params.Submission;
import ua.hromada.portal.api.ApiResponses;
import ua.hromada.portal.api.outbound.OutboundHttp;

/**
 * The GeoReport v2 endpoints without the servlet container: a method, the path below
 * {@code /api/open311/v2} and the arguments in, a status and a document of the requested format
 * out. Never throws: refusals are the spec's error documents, anything unexpected is logged with
 * a reference and answered with the spec's "general service error" (400). Creating a request
 * takes a usable key sent in the form body and a token of the client's and of the key's rate
 * limit (429 with {@code Retry-After} when there is none); the limits live as long as this object,
 * i.e. until the configuration changes.
 */
public final class Open311Api {

    private static final Logger LOG = LoggerFactory.getLogger(Open311Api.class);
    /** Pages read from the service while filtering a window (bounds the work of one GET). */
    private static final int PAGE = 1000;
    private static final int MAX_PAGES = 20;

    private final Violations violations;
    private final OksCatalog catalog;
    private final Open311Config config;
    private final Texts texts;
    private final Documents documents;
    private final Clock clock;
    /** When this endpoint's configuration was applied: the discovery document's changeset. */
    private final Instant configuredAt;
    private final ApiKeys keys;
    private final ClientAddress clients;
    private final RateLimiter perAddress;
    private final RateLimiter perKey;
    private final LogThrottle refusedKeyLog = new LogThrottle();
    private final LogThrottle addressLimitLog = new LogThrottle();
    private final LogThrottle keyLimitLog = new LogThrottle();
    /** Reads a request's media_url; null when {@code media.fetch} is off. */
    private final MediaFetcher media;
    /** Where the servlet serves this API. */
    static final String ENDPOINT_PATH = "/api/open311/v2";

    /**
     * An answer: HTTP status, the body in {@code format}, and for a 429 the seconds after which a
     * retry can succeed (0: none).
     */
    public record Response(int status, Format format, byte[] body, long retryAfterSeconds) {
        public Response(int status, Format format, byte[] body) {
            this(status, format, body, 0);
        }
    }

    /**
     * Who sends a request.
     *
     * @param address    the client's bucket name ({@link #clientOf})
     * @param keyInQuery whether the query string carries an {@code api_key} (refused for POST: a key
     *                   in an address ends up in logs and browser histories)
     */
    public record Caller(String address, boolean keyInQuery) {
        /** A caller of the tests and of code in this JVM. */
        public static final Caller LOCAL = new Caller("local", false);
    }

    /** @param outbound the portal's outbound HTTP, for {@code media_url} */
    public Open311Api(Violations violations, OksCatalog catalog, Open311Config config, Texts texts,
            Clock clock, OutboundHttp outbound) {
        this.violations = violations;
        this.catalog = catalog;
        this.config = config;
        this.texts = texts;
        this.documents = new Documents(config, texts);
        this.clock = clock;
        this.configuredAt = clock.instant();
        this.keys = new ApiKeys(config.apiKeys());
        this.clients = new ClientAddress(config.limits().trustedProxies());
        this.perAddress = new RateLimiter(config.limits().perAddress(), config.limits().maxAddresses(), clock);
        // keys are configured, so their buckets are bounded by the configuration
        this.perKey = new RateLimiter(config.limits().perKey(), Math.max(1, keys.size()), clock);
        this.media = config.media().fetch()
                ? new MediaFetcher(outbound, config.media().policy(), config.media().timeout()) : null;
    }

    /** The configured keys with the rules they are checked against (for the activation log). */
    ApiKeys keys() {
        return keys;
    }

    /** The bucket a request counts against: its TCP peer, or what a trusted proxy forwarded. */
    public String clientOf(String remoteAddr, List<String> forwardedFor) {
        return clients.of(remoteAddr, forwardedFor);
    }

    /**
     * @param path        the path below /api/open311/v2, e.g. "/requests/15.json"
     * @param params      query and form arguments, decoded as UTF-8
     * @param contentType of a POST body
     */
    public Response handle(String method, String path, Map<String, String[]> params, String contentType) {
        return handle(method, path, params, contentType, null, Caller.LOCAL);
    }

    /**
     * @param endpointUrl the public address of this API, up to {@code /v2} (for the discovery
     *                    document when discovery.publicUrl is not set; null: a relative one)
     */
    public Response handle(String method, String path, Map<String, String[]> params, String contentType,
            String endpointUrl, Caller caller) {
        Format format = Format.XML;
        try {
            Route route = Route.parse(path);
            format = route.format();
            String jurisdiction = Params.value(params, "jurisdiction_id");
            if (!config.servesJurisdiction(jurisdiction)) {
                throw Open311Error.notFound("open311.error.jurisdiction", jurisdiction, config.jurisdictionId());
            }
            if ("discovery".equals(route.resource())) {
                requireGet("GET".equals(method) || "HEAD".equals(method), method);
                String url = config.discovery().publicUrl() != null ? config.discovery().publicUrl()
                        : endpointUrl != null ? endpointUrl : ENDPOINT_PATH;
                return new Response(200, format, format.write(documents.discovery(configuredAt, url)));
            }
            return new Response(200, format, format.write(dispatch(method, route, params, contentType, caller)));
        } catch (TooManyRequests e) {
            return new Response(429, format, format.write(Documents.errors(429, texts.get(e.messageKey(), e.args()))),
                    e.retryAfterSeconds);
        } catch (Open311Error e) {
            Format in = e instanceof RouteNotFound unknown ? unknown.format() : format;
            return error(in, e.status(), texts.get(e.messageKey(), e.args()));
        } catch (OksException e) {
            return error(format, status(e), texts.find(e.messageKey(), e.args())
                    .orElseGet(() -> texts.get("open311.error.refused")));
        } catch (RuntimeException e) {
            String reference = UUID.randomUUID().toString().substring(0, 8);
            LOG.error("Open311 {} {} failed [{}]", method, path, reference, e);
            if (ApiResponses.databaseUnavailable(e)) {
                // PostgreSQL restarting or down, or the pool busy: the client may try again in a moment
                return new Response(503, format, format.write(Documents.errors(503, texts.get(ApiResponses
                        .databaseBusy(e) ? "open311.error.busy" : "open311.error.unavailable", reference))),
                        ApiResponses.RETRY_AFTER_SECONDS);
            }
            return error(format, 400, texts.get("open311.error.internal", reference));
        }
    }

    /** The spec's error document for a refusal the servlet itself makes. */
    public Response error(Format format, int status, String description) {
        return new Response(status, format, format.write(Documents.errors(status, description)));
    }

    private Document dispatch(String method, Route route, Map<String, String[]> params, String contentType,
            Caller caller) {
        boolean get = "GET".equals(method) || "HEAD".equals(method);
        boolean post = "POST".equals(method);
        switch (route.resource()) {
            case "services":
                if (route.id() == null) {
                    requireGet(get, method);
                    return documents.services(catalog.types(false));
                }
                requireGet(get, method);
                return documents.serviceDefinition(activeType(route.id())
                        .orElseThrow(() -> Open311Error.notFound("open311.error.service.notFound", route.id())));
            case "requests":
                if (route.id() == null) {
                    if (post) {
                        return create(params, contentType, caller);
                    }
                    requireGet(get, method);
                    return documents.requests(search(Params.requestsQuery(params, clock, config.zone())));
                }
                requireGet(get, method);
                Long id = Params.positiveLong(route.id());
                Optional<Violation> found = id == null ? Optional.empty() : violations.findPublic(id);
                return documents.requests(List.of(found
                        .orElseThrow(() -> Open311Error.notFound("open311.error.request.notFound", route.id()))));
            default:
                throw Open311Error.notFound("open311.error.notFound", route.resource());
        }
    }

    private static void requireGet(boolean get, String method) {
        if (!get) {
            throw Open311Error.badRequest("open311.error.method", method);
        }
    }

    private Document create(Map<String, String[]> params, String contentType, Caller caller) {
        if (caller.keyInQuery()) {
            throw Open311Error.badRequest("open311.error.apiKey.inQuery");
        }
        if (contentType == null
                || !contentType.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded")) {
            throw Open311Error.badRequest("open311.error.form");
        }
        // the client's limit before the key: guessing keys costs tokens too
        takeToken(perAddress, caller.address(), addressLimitLog, "rateLimit.address", config.limits().perAddress());
        // the key next: an app without a valid key learns nothing about its other arguments
        ApiKeys.Check key = keys.check(Params.value(params, "api_key"));
        if (key.refused()) {
            long unlogged = refusedKeyLog.admit(clock.millis());
            if (unlogged >= 0) {
                LOG.warn("Open311: POST from {} used apiKeys entry {} of {}.cfg, which is refused because {}: "
                        + "answered 403 (replace it with a long random key, e.g. `openssl rand -hex 32`); {} more "
                        + "such POSTs since the last such line", caller.address(), key.position(), Open311Config.PID,
                        key.weakness(), unlogged);
            }
        }
        if (!key.accepted()) {
            throw new Open311Error(403, "open311.error.apiKey");
        }
        takeToken(perKey, "apiKeys entry " + key.position(), keyLimitLog, "rateLimit.key", config.limits().perKey());
        Submission s = Params.submission(params);
        ViolationType type = activeType(s.serviceCode())
                .orElseThrow(() -> Open311Error.badRequest("open311.error.serviceCode.unknown", s.serviceCode()));
        String description = s.description();
        List<PhotoUpload> photos = List.of();
        if (s.mediaUrl() != null) {
            // the link stays in the description whether or not its file is stored: the inspector sees
            // where the photo came from, and a URL that could not be read is still there to open
            String link = texts.get("open311.description.media", s.mediaUrl());
            description = description == null ? link : description + "\n\n" + link;
            photos = mediaPhoto(s.mediaUrl());
        }
        Violation created = violations.registerReported(new NewViolation(type.id(), description, s.address(),
                s.latitude(), s.longitude(), Urgency.NORMAL, null, null, photos), s.reporter());
        LOG.info("Open311: request {} registered ({})", created.id(), type.code());
        return documents.created(created);
    }

    /**
     * The file of a request's media_url as the case's photo, when fetching is on and the file is one
     * OKS accepts (JPEG or PNG by content, size, megapixels); otherwise none. A failure never refuses
     * the request: the resident's report matters more than its picture, and the link is kept.
     */
    private List<PhotoUpload> mediaPhoto(String url) {
        if (media == null) {
            return List.of();
        }
        try {
            MediaFetcher.Fetched file = media.fetch(url, Math.min(config.media().maxBytes(), violations.photoMaxBytes()));
            PhotoUpload photo = new PhotoUpload(file.fileName(), file.content());
            violations.checkPhoto(photo);
            return List.of(photo);
        } catch (MediaFetcher.Refused e) {
            LOG.warn("Open311: media_url {} not stored as a photo: {}; the request keeps it as a link", url, e.getMessage());
        } catch (OksException e) {
            LOG.warn("Open311: media_url {} not stored as a photo: not a photo OKS accepts ({}); the request keeps it"
                    + " as a link", url, e.messageKey());
        }
        return List.of();
    }

    /** A token of {@code limiter} for {@code who}, or a 429 (logged at most once a minute per limit). */
    private void takeToken(RateLimiter limiter, String who, LogThrottle log, String setting, RateLimiter.Limit limit) {
        long wait = limiter.acquire(who);
        if (wait > 0) {
            long unlogged = log.admit(clock.millis());
            if (unlogged >= 0) {
                LOG.info("Open311: POST of {} answered 429: over {} ({} per hour, burst {}); {} more 429s of this "
                        + "limit since the last such line", who, setting, limit.perHour(), limit.burst(), unlogged);
            }
            throw new TooManyRequests(wait);
        }
    }

    private Optional<ViolationType> activeType(String code) {
        return catalog.typeByCode(code).filter(ViolationType::active);
    }

    /** GET requests: the ids asked for, or the window's requests filtered, newest first, at most 1000. */
    List<Violation> search(RequestsQuery q) {
        if (!q.ids().isEmpty()) {
            List<Violation> out = new ArrayList<>();
            for (long id : q.ids()) {
                violations.findPublic(id).ifPresent(out::add);
            }
            return out;
        }
        Set<Long> typeIds = new HashSet<>();
        for (String code : q.serviceCodes()) {
            typeIds.add(catalog.typeByCode(code)
                    .orElseThrow(() -> Open311Error.badRequest("open311.error.serviceCode.unknown", code)).id());
        }
        // every group, the archive too: open/closed follows the effect of the last action, and
        // administrators may move an action to another status group
        Set<StatusGroup> groups = EnumSet.allOf(StatusGroup.class);
        // the service filters by whole days: ask for a day more on each side, then cut exactly
        LocalDate from = q.start().atZone(config.zone()).toLocalDate().minusDays(1);
        LocalDate to = q.end().atZone(config.zone()).toLocalDate().plusDays(1);
        Long singleType = typeIds.size() == 1 ? typeIds.iterator().next() : null;
        ViolationQuery query = new ViolationQuery(groups, null, null, null, singleType, null, null, null, from, to,
                null, null, null, ViolationQuery.Sort.NEWEST, 0, PAGE);
        List<Violation> out = new ArrayList<>();
        for (int page = 0; page < MAX_PAGES && out.size() < Params.MAX_RESULTS; page++) {
            List<Violation> batch = violations.searchPublic(query.page(page * PAGE, PAGE));
            for (Violation v : batch) {
                if (out.size() < Params.MAX_RESULTS && matches(v, q, typeIds)) {
                    out.add(v);
                }
            }
            if (batch.size() < PAGE) {
                break;
            }
        }
        return out;
    }

    private static boolean matches(Violation v, RequestsQuery q, Set<Long> typeIds) {
        Instant at = v.createdAt();
        return !at.isBefore(q.start()) && !at.isAfter(q.end())
                && (typeIds.isEmpty() || typeIds.contains(v.type().id()))
                && q.statuses().contains(Documents.status(v));
    }

    private static int status(OksException e) {
        return switch (e.reason()) {
            case NOT_FOUND -> 404;
            case FORBIDDEN -> 403;
            default -> 400;
        };
    }

    /**
     * A resource path: {@code /services.xml}, {@code /services/{code}.json}, {@code /requests.xml},
     * {@code /requests/{id}.json}. The extension picks the format; without a known one it is a 400.
     */
    record Route(String resource, String id, Format format) {

        static Route parse(String path) {
            String p = path == null ? "" : path;
            while (p.startsWith("/")) {
                p = p.substring(1);
            }
            String[] parts = p.split("/", -1);
            String last = parts[parts.length - 1];
            int dot = last.lastIndexOf('.');
            String extension = dot < 0 ? "" : last.substring(dot + 1);
            Format format = Format.ofExtension(extension)
                    .orElseThrow(() -> Open311Error.badRequest("open311.error.format", extension));
            String stem = last.substring(0, dot);
            if (parts.length == 1 && !stem.isEmpty()) {
                return new Route(stem, null, format);
            }
            if (parts.length == 2 && !stem.isEmpty() && (parts[0].equals("services") || parts[0].equals("requests"))) {
                return new Route(parts[0], stem, format);
            }
            throw new RouteNotFound(format, p);
        }
    }

    /** Over a rate limit: a 429 that says when to try again. */
    static final class TooManyRequests extends Open311Error {
        private static final long serialVersionUID = 1L;
        private final long retryAfterSeconds;

        TooManyRequests(long retryAfterSeconds) {
            super(429, "open311.error.tooMany", String.valueOf(retryAfterSeconds));
            this.retryAfterSeconds = retryAfterSeconds;
        }
    }

    /** An unknown path whose format is known: a 404 in that format. */
    static final class RouteNotFound extends Open311Error {
        private static final long serialVersionUID = 1L;
        private final Format format;

        RouteNotFound(Format format, String path) {
            super(404, "open311.error.notFound", path);
            this.format = format;
        }

        Format format() {
            return format;
        }
    }
}
