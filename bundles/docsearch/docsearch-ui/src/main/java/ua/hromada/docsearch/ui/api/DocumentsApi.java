package ua.hromada.docsearch.ui.api;

import ua.hromada.portal.api.PortalHttp;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardContextSelect;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletMultipart;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import jakarta.servlet.Servlet;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.Part;
import ua.hromada.docsearch.api.ActDraft;
import ua.hromada.docsearch.api.DocsearchException;
import ua.hromada.docsearch.api.DocsearchPermissions;
import ua.hromada.docsearch.api.DuplicateActException;
import ua.hromada.docsearch.api.FileUpload;
import ua.hromada.docsearch.api.LegalAct;
import ua.hromada.docsearch.api.LegalActRegistry;
import ua.hromada.docsearch.api.LegalActSearch;
import ua.hromada.docsearch.api.ValidationException;
import ua.hromada.docsearch.ui.api.MetadataParser.BadMetadata;
import ua.hromada.docsearch.ui.api.SearchParams.BadParameter;
import ua.hromada.portal.api.ApiResponses;
import ua.hromada.portal.api.CurrentUser;
import ua.hromada.portal.api.MessageBundle;
import ua.hromada.portal.api.PortalUser;
import ua.hromada.portal.api.community.Communities;
import ua.hromada.portal.api.community.Community;

/**
 * The documents HTTP API:
 * <ul>
 * <li>{@code GET /api/documents/search} — public search (same parameters as the page)</li>
 * <li>{@code GET /api/documents/{id}} — public metadata and file list</li>
 * <li>{@code GET /api/documents/{id}/files/{fileId}} — public download</li>
 * <li>{@code POST /api/documents} — multipart (metadata JSON + file parts); an API key (the
 * community's own {@code ua.hromada.docsearch.api/api.key}, else the shared one of
 * {@code ua.hromada.docsearch.api}) or a portal session with docsearch.edit</li>
 * </ul>
 * Errors are JSON ({@link ApiResponses}); nothing here ever answers with a stack trace.
 */
@Component(service = Servlet.class, configurationPid = ApiConfig.PID,
        property = "hromada.api.permission=POST=" + DocsearchPermissions.EDIT, // a session's POST needs it (/api/health lists it)
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = ApiConfig.class)
@HttpWhiteboardServletPattern({ "/api/documents", "/api/documents/*" })
@HttpWhiteboardContextSelect(PortalHttp.CONTEXT_SELECT)
// parts over 64 KB go to temporary files as they arrive; Jetty stops reading a part at maxFileSize
// (both sizes may be overridden in ua.hromada.docsearch.api.cfg under these whiteboard property names)
@HttpWhiteboardServletMultipart(enabled = true, fileSizeThreshold = DocumentsApi.IN_MEMORY_PART,
        maxFileSize = DocumentsApi.MAX_FILE, maxRequestSize = DocumentsApi.MAX_REQUEST)
public class DocumentsApi extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(DocumentsApi.class);
    static final String API_KEY_HEADER = "X-API-Key";
    /** The key of {@link ApiConfig#api_key()}, also in a community's settings overlay. */
    static final String API_KEY = "api.key";
    static final long MAX_FILE = 50L * 1024 * 1024;
    static final long MAX_REQUEST = 100L * 1024 * 1024;
    static final int IN_MEMORY_PART = 64 * 1024;
    private static final long DISCARD_LIMIT = 2L * 1024 * 1024;
    /** The metadata part is a small JSON object. */
    private static final long MAX_METADATA = 1024 * 1024;
    private static final Locale UKRAINIAN = Locale.forLanguageTag("uk");
    /** Who adds a document with the API key: a system, allowed to add acts only; the audit names it. */
    static final PortalUser API_KEY_USER = new PortalUser(0, "api-key", "API key", java.util.Set.of(),
            java.util.Set.of(DocsearchPermissions.EDIT));

    @Reference
    private transient LegalActRegistry registry;
    @Reference
    private transient LegalActSearch search;
    @Reference
    private transient CurrentUser currentUser;
    @Reference
    private transient Communities communities;
    /** Every module's texts, to explain the service's validation keys in Ukrainian. */
    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    private final transient List<MessageBundle> messageBundles = new CopyOnWriteArrayList<>();

    private final transient MetadataParser metadata = new MetadataParser();
    private volatile transient byte[] apiKey;
    private volatile long maxPart = MAX_FILE;
    private volatile long maxRequest = MAX_REQUEST;

    @Activate
    @Modified
    void configure(ApiConfig config) {
        String value = config.api_key() == null ? "" : config.api_key().trim();
        apiKey = value.isEmpty() ? null : value.getBytes(StandardCharsets.UTF_8);
        maxPart = positive(config.osgi_http_whiteboard_servlet_multipart_maxFileSize(), MAX_FILE);
        maxRequest = positive(config.osgi_http_whiteboard_servlet_multipart_maxRequestSize(), MAX_REQUEST);
        LOG.info("Documents API: {}", apiKey == null ? "no API key configured, only portal sessions may add documents"
                : "API key configured");
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String base = request.getContextPath() + "/api/documents/";
        String[] path = segments(request.getPathInfo());
        try {
            if (path.length == 1 && "search".equals(path[0])) {
                ApiResponses.json(response, 200, ActJson.result(search.search(SearchParams.parse(parameters(request))), base));
            } else if (path.length == 1) {
                Optional<LegalAct> act = id(path[0]).flatMap(registry::find);
                if (act.isEmpty()) {
                    ApiResponses.error(response, 404, "not_found", "No document with id '" + path[0] + "'.");
                } else {
                    ApiResponses.json(response, 200, ActJson.act(act.get(), base));
                }
            } else if (path.length == 3 && "files".equals(path[1])) {
                download(path[0], path[2], response);
            } else {
                ApiResponses.error(response, 404, "not_found", "No such resource; see GET /api/documents/search.");
            }
        } catch (BadParameter e) {
            ApiResponses.error(response, 400, e.code(), e.getMessage());
        } catch (RuntimeException e) {
            failure(response, "GET " + request.getRequestURI(), e);
        }
    }

    private void download(String actIdText, String fileIdText, HttpServletResponse response) throws IOException {
        Optional<Long> actId = id(actIdText);
        Optional<Long> fileId = id(fileIdText);
        // the file must belong to the act named in the address
        boolean belongs = actId.isPresent() && fileId.isPresent() && registry.find(actId.get())
                .map(a -> a.files() != null && a.files().stream().anyMatch(f -> f.id() == fileId.get())).orElse(false);
        Optional<FileUpload> content = belongs ? registry.fileContent(fileId.get()) : Optional.empty();
        if (content.isEmpty()) {
            ApiResponses.error(response, 404, "not_found", "No such file of this document.");
            return;
        }
        String mediaType = registry.find(actId.get()).flatMap(a -> a.files().stream()
                .filter(f -> f.id() == fileId.get()).findFirst()).map(f -> f.mediaType()).orElse(null);
        byte[] bytes = content.get().content();
        response.setStatus(200);
        response.setContentType(mediaType == null || mediaType.isBlank() ? "application/octet-stream" : mediaType);
        response.setContentLengthLong(bytes.length);
        response.setHeader("Content-Disposition", contentDisposition(content.get().fileName()));
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.getOutputStream().write(bytes);
    }

    /** {@code attachment} with an ASCII fallback and the UTF-8 name (RFC 6266 / 5987). */
    static String contentDisposition(String fileName) {
        String name = fileName == null || fileName.isBlank() ? "document" : fileName;
        String ascii = name.replaceAll("[^\\x20-\\x7E]", "_").replace("\"", "_").replace("\\", "_");
        String encoded = URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
        return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded;
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (segments(request.getPathInfo()).length != 0) {
            ApiResponses.error(response, 404, "not_found", "POST documents to /api/documents.");
            return;
        }
        Optional<PortalUser> user = authenticate(request, response);
        if (user.isEmpty()) {
            return;
        }
        String contentType = request.getContentType();
        if (contentType == null || !contentType.toLowerCase(Locale.ROOT).startsWith("multipart/form-data")) {
            ApiResponses.error(response, 415, "multipart.required",
                    "Send multipart/form-data with a 'metadata' part (JSON) and one or more 'file' parts.");
            return;
        }
        // a declared body over the limit is refused before a byte of it is read
        if (request.getContentLengthLong() > maxRequest) {
            tooLarge(response);
            return;
        }
        long maxFile = Math.min(maxPart, registry.maxFileBytes());
        byte[] metadataBytes = null;
        List<FileUpload> files = new ArrayList<>();
        try {
            Collection<Part> parts = request.getParts();
            // sizes first: nothing over the limit is read into memory
            for (Part part : parts) {
                if ("file".equals(part.getName()) && part.getSize() > maxFile
                        || "metadata".equals(part.getName()) && part.getSize() > MAX_METADATA) {
                    LOG.info("POST /api/documents refused: part {} ({}) has {} bytes", part.getName(),
                            part.getSubmittedFileName(), part.getSize());
                    deleteAll(parts);
                    tooLarge(response);
                    return;
                }
            }
            for (Part part : parts) {
                if ("metadata".equals(part.getName())) {
                    metadataBytes = read(part);
                } else if ("file".equals(part.getName())) {
                    files.add(new FileUpload(part.getSubmittedFileName(), read(part)));
                }
            }
            deleteAll(parts);
        } catch (ServletException | IOException | IllegalStateException e) {
            // Jetty reports a part over maxFileSize as "max file size exceeded" inside "bad multipart"
            if (overLimit(e)) {
                LOG.info("POST /api/documents refused: {}", rootMessage(e));
                tooLarge(response);
            } else {
                LOG.info("Unreadable multipart request: {}", rootMessage(e));
                ApiResponses.error(response, 400, "multipart.invalid", "The multipart body could not be read.");
            }
            return;
        }
        if (metadataBytes == null) {
            ApiResponses.error(response, 400, "metadata.required", "The 'metadata' part (JSON) is missing.");
            return;
        }
        if (files.isEmpty()) {
            ApiResponses.error(response, 400, "file.required", "At least one 'file' part is required.");
            return;
        }
        try {
            ActDraft draft = metadata.parse(metadataBytes);
            LegalAct created = registry.create(draft, files, user.get());
            String base = request.getContextPath() + "/api/documents/";
            response.setHeader("Location", base + created.id());
            ApiResponses.json(response, 201, ActJson.act(created, base));
        } catch (DuplicateActException e) {
            // already registered: a system re-sending a document learns which one it is (409, not 400)
            Map<String, Object> error = new LinkedHashMap<>();
            error.put("status", 409);
            error.put("code", "duplicate");
            error.put("message", ukrainian(e.fieldErrors().get("number"), e.args("number")));
            error.put("existingId", e.existingActId());
            error.put("existing", request.getContextPath() + "/api/documents/" + e.existingActId());
            ApiResponses.json(response, 409, Map.of("error", error));
        } catch (BadMetadata e) {
            Map<String, Object> fields = new LinkedHashMap<>();
            e.fields().forEach((field, message) -> fields.put(field, Map.of("message", message)));
            validationError(response, fields);
        } catch (ValidationException e) {
            Map<String, Object> fields = new LinkedHashMap<>();
            e.fieldErrors().forEach((field, key) -> {
                Map<String, Object> f = new LinkedHashMap<>();
                f.put("key", key);
                f.put("message", ukrainian(key, e.args(field)));
                fields.put(field, f);
            });
            validationError(response, fields);
        } catch (DocsearchException e) {
            // the service's own refusal (no right to add documents)
            ApiResponses.error(response, e.reason() == DocsearchException.Reason.FORBIDDEN ? 403 : 400,
                    e.reason().name().toLowerCase(Locale.ROOT), ukrainian(e.messageKey(), e.args()));
        } catch (RuntimeException e) {
            failure(response, "POST /api/documents", e);
        }
    }

    /** The community's own API key where its settings set one, else the shared one (null: none). */
    static byte[] expectedKey(Community community, byte[] shared) {
        return community.setting(ApiConfig.PID, API_KEY).map(key -> key.trim().getBytes(StandardCharsets.UTF_8))
                .filter(key -> key.length > 0).orElse(shared);
    }

    /** The API key when one is sent (and configured), otherwise a session with docsearch.edit. */
    private Optional<PortalUser> authenticate(HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        String sent = request.getHeader(API_KEY_HEADER);
        boolean keySent = sent != null && !sent.isBlank();
        byte[] expected = expectedKey(communities.current(), apiKey);
        boolean keyValid = keySent && expected != null
                && MessageDigest.isEqual(expected, sent.trim().getBytes(StandardCharsets.UTF_8));
        if (!keyValid && (keySent || !currentUser.fromRequest(request).map(u -> u.hasPermission(DocsearchPermissions.EDIT))
                .orElse(false))) {
            discardBody(request);
        }
        if (keySent) {
            if (!keyValid) {
                ApiResponses.error(response, 401, "invalid_api_key", "The API key is not valid.");
                return Optional.empty();
            }
            return Optional.of(API_KEY_USER);
        }
        return ApiResponses.requirePermission(currentUser, request, response, DocsearchPermissions.EDIT);
    }

    /**
     * Reads a refused request's body (up to a limit) before answering: Jetty closes a connection
     * whose body was left unread, and clients still sending it then see a broken pipe instead of
     * the 401/403.
     */
    private static void discardBody(HttpServletRequest request) {
        long length = request.getContentLengthLong();
        if (length > DISCARD_LIMIT) {
            return;
        }
        try (InputStream in = request.getInputStream()) {
            byte[] buffer = new byte[8192];
            long read = 0;
            int n;
            while (read <= DISCARD_LIMIT && (n = in.read(buffer)) >= 0) {
                read += n;
            }
        } catch (IOException e) {
            LOG.debug("Could not discard a refused request body: {}", e.getMessage());
        }
    }

    private static void validationError(HttpServletResponse response, Map<String, Object> fields) throws IOException {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("status", 400);
        error.put("code", "validation");
        error.put("message", "The document was refused; nothing was saved. See 'fields'.");
        error.put("fields", fields);
        ApiResponses.json(response, 400, Map.of("error", error));
    }

    private String ukrainian(String key, Object[] args) {
        return MessageBundle.text(messageBundles, key, UKRAINIAN, args);
    }

    private static void failure(HttpServletResponse response, String what, RuntimeException e) throws IOException {
        LOG.error("{} failed [{}]", what, ApiResponses.failure(response, e), e);
    }

    private void tooLarge(HttpServletResponse response) throws IOException {
        long maxFile = Math.min(maxPart, registry.maxFileBytes());
        // the rest of an oversized body is not read: the connection closes after the answer
        response.setHeader("Connection", "close");
        ApiResponses.error(response, 413, "too_large", "A file is larger than " + megabytes(maxFile)
                + " MB or the request larger than " + megabytes(maxRequest) + " MB; nothing was saved.");
    }

    static boolean overLimit(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String m = t.getMessage();
            if (m != null && m.toLowerCase(Locale.ROOT).contains("exceeded")
                    || t.getClass().getSimpleName().contains("LimitExceeded")) {
                return true;
            }
        }
        return false;
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getClass().getSimpleName() + ": " + t.getMessage();
    }

    /**
     * The query parameters; Jetty throws on malformed percent-encoding ({@code q=%zz}) when it
     * first parses them, which is the client's error: 400, not 500.
     */
    static Map<String, String[]> parameters(HttpServletRequest request) {
        try {
            return request.getParameterMap();
        } catch (RuntimeException e) {
            throw new BadParameter("parameters.malformed",
                    "The query string could not be decoded (malformed percent-encoding or UTF-8).");
        }
    }

    private static void deleteAll(Collection<Part> parts) {
        for (Part part : parts) {
            try {
                part.delete();
            } catch (IOException e) {
                LOG.debug("Could not delete a temporary part: {}", e.getMessage());
            }
        }
    }

    private static String megabytes(long bytes) {
        return bytes % (1024 * 1024) == 0 ? String.valueOf(bytes / (1024 * 1024))
                : String.format(Locale.ROOT, "%.1f", bytes / (1024.0 * 1024.0));
    }

    private static long positive(long configured, long fallback) {
        return configured > 0 ? configured : fallback;
    }

    private static byte[] read(Part part) throws IOException {
        try (InputStream in = part.getInputStream()) {
            return in.readAllBytes();
        }
    }

    private static String[] segments(String pathInfo) {
        if (pathInfo == null || pathInfo.equals("/") || pathInfo.isEmpty()) {
            return new String[0];
        }
        String p = pathInfo.startsWith("/") ? pathInfo.substring(1) : pathInfo;
        if (p.endsWith("/")) {
            p = p.substring(0, p.length() - 1);
        }
        return p.split("/", -1);
    }

    private static Optional<Long> id(String text) {
        try {
            long id = Long.parseLong(text);
            return id > 0 ? Optional.of(id) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
