package ua.hromada.opendata.publication;

import ua.hromada.portal.api.PortalHttp;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
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
import ua.hromada.opendata.api.Dataset;
import ua.hromada.opendata.api.DatasetRegistry;
import ua.hromada.opendata.api.Resource;
import ua.hromada.portal.api.ApiResponses;

/**
 * {@code GET /api/opendata/resources/{id}/download}: the bytes of an uploaded resource of a
 * published dataset, with its media type, length and SHA-256 (ETag, {@code Repr-Digest} of
 * RFC 9530 and {@code X-Checksum-SHA256}); an external resource redirects to its URL. Read from
 * the registry on every request, so an unpublished dataset's files are gone at once.
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletPattern("/api/opendata/resources/*")
@HttpWhiteboardContextSelect(PortalHttp.CONTEXT_SELECT)
public class ResourceDownloadServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(ResourceDownloadServlet.class);

    private final transient DatasetRegistry registry;

    @Activate
    public ResourceDownloadServlet(@Reference DatasetRegistry registry) {
        this.registry = registry;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        send(request, response, true);
    }

    @Override
    protected void doHead(HttpServletRequest request, HttpServletResponse response) throws IOException {
        send(request, response, false);
    }

    private void send(HttpServletRequest request, HttpServletResponse response, boolean body) throws IOException {
        String[] path = request.getPathInfo() == null ? new String[0]
                : request.getPathInfo().replaceFirst("^/", "").split("/");
        Optional<Long> id = path.length == 2 && path[1].equals("download") ? number(path[0]) : Optional.empty();
        if (id.isEmpty()) {
            ApiResponses.error(response, 404, "not_found",
                    "No such address; resources are downloaded at /api/opendata/resources/{id}/download.");
            return;
        }
        try {
            Optional<Resource> resource = registry.resource(id.get()).filter(r -> registry.dataset(r.datasetId())
                    .map(Dataset::published).orElse(false));
            if (resource.isEmpty()) {
                ApiResponses.error(response, 404, "not_found", "No published resource with id " + id.get() + ".");
                return;
            }
            Resource r = resource.get();
            if (!r.uploaded()) {
                response.setHeader("Cache-Control", "no-cache");
                response.sendRedirect(r.url());
                return;
            }
            String etag = r.sha256() == null ? null : "\"" + r.sha256() + "\"";
            if (etag != null && etag.equals(request.getHeader("If-None-Match"))) {
                response.setStatus(304);
                response.setHeader("ETag", etag);
                return;
            }
            Optional<InputStream> content = registry.content(r.id());
            if (content.isEmpty()) {
                ApiResponses.error(response, 404, "not_found", "The file of resource " + r.id() + " is missing.");
                return;
            }
            try (InputStream in = content.get()) {
                response.setStatus(200);
                String type = r.mediaType() == null || r.mediaType().isBlank() ? "application/octet-stream"
                        : r.mediaType();
                response.setContentType(type.startsWith("text/") && !type.contains("charset") ? type
                        + ";charset=utf-8" : type);
                if (r.size() != null) {
                    response.setContentLengthLong(r.size());
                }
                if (etag != null) {
                    response.setHeader("ETag", etag);
                    response.setHeader("X-Checksum-SHA256", r.sha256());
                    response.setHeader("Repr-Digest", "sha-256=:" + Base64.getEncoder()
                            .encodeToString(HexFormat.of().parseHex(r.sha256())) + ":");
                }
                response.setHeader("Content-Disposition", contentDisposition(r.fileName()));
                response.setHeader("X-Content-Type-Options", "nosniff");
                response.setHeader("Access-Control-Allow-Origin", "*");
                if (body) {
                    OutputStream out = response.getOutputStream();
                    in.transferTo(out);
                }
            }
        } catch (RuntimeException e) {
            String reference = UUID.randomUUID().toString().substring(0, 8);
            LOG.error("Download of resource {} failed [{}]", id.get(), reference, e);
            if (!response.isCommitted()) {
                ApiResponses.retryLater(response, e);
                ApiResponses.error(response, 503, "unavailable",
                        "The file cannot be read now; try again later [" + reference + "].");
            }
        }
    }

    private static Optional<Long> number(String s) {
        try {
            long v = Long.parseLong(s);
            return v > 0 ? Optional.of(v) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** {@code attachment} with an ASCII fallback and the UTF-8 name (RFC 6266 / 5987). */
    static String contentDisposition(String fileName) {
        String name = fileName == null || fileName.isBlank() ? "resource" : fileName;
        String ascii = name.replaceAll("[^A-Za-z0-9._-]", "_");
        return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''"
                + URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
