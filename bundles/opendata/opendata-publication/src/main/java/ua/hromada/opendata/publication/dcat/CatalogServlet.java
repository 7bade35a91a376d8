package ua.hromada.opendata.publication.dcat;

import ua.hromada.portal.api.PortalHttp;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.jena.rdf.model.Model;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFFormat;
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
import ua.hromada.opendata.publication.Publication;
import ua.hromada.opendata.publication.Snapshot;
import ua.hromada.portal.api.ApiResponses;

/**
 * The DCAT-AP catalogue of the published datasets in Turtle ({@code /catalog.ttl}), JSON-LD
 * ({@code /catalog.jsonld}) and RDF/XML ({@code /catalog.rdf}); public. Each serialisation is
 * written once per snapshot of the registry and served from memory until the registry changes.
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletPattern({ "/catalog.ttl", "/catalog.jsonld", "/catalog.rdf" })
@HttpWhiteboardContextSelect(PortalHttp.CONTEXT_SELECT)
public class CatalogServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(CatalogServlet.class);

    /** A serialisation: file extension, media type, Jena writer. */
    public enum Syntax {
        TURTLE("ttl", "text/turtle", RDFFormat.TURTLE_BLOCKS),
        JSONLD("jsonld", "application/ld+json", RDFFormat.JSONLD11_PLAIN),
        RDFXML("rdf", "application/rdf+xml", RDFFormat.RDFXML_PLAIN);

        final String extension;
        final String mediaType;
        final RDFFormat format;

        Syntax(String extension, String mediaType, RDFFormat format) {
            this.extension = extension;
            this.mediaType = mediaType;
            this.format = format;
        }
    }

    private record Written(long version, byte[] body) {
    }

    /** A community's catalogue in one syntax (regional hosting: one written catalogue per community). */
    private record Key(String community, Syntax syntax) {
    }

    private final transient Publication publication;
    private final transient Map<Key, Written> cache = new ConcurrentHashMap<>();

    @Activate
    public CatalogServlet(@Reference Publication publication) {
        this.publication = publication;
        Jena.call(() -> null); // initialise Jena now, not on the first request
    }

    /** The catalogue of a snapshot in a syntax. */
    public static byte[] write(Snapshot s, Syntax syntax) {
        return Jena.call(() -> {
            Model model = DcatCatalog.build(s);
            ByteArrayOutputStream out = new ByteArrayOutputStream(1 << 16);
            RDFDataMgr.write(out, model, syntax.format);
            return out.toByteArray();
        });
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
        Syntax syntax = null;
        for (Syntax s : Syntax.values()) {
            if (path.endsWith("/catalog." + s.extension)) {
                syntax = s;
            }
        }
        if (syntax == null) {
            ApiResponses.error(response, 404, "not_found", "The catalogue is at /catalog.ttl, /catalog.jsonld, /catalog.rdf.");
            return;
        }
        try {
            Snapshot s = publication.snapshot();
            byte[] body = body(s, syntax);
            String etag = "\"" + s.version() + "-" + s.builtAt().toEpochMilli() + "-" + syntax.extension + "\"";
            response.setHeader("ETag", etag);
            response.setHeader("Access-Control-Allow-Origin", "*");
            response.setHeader("Cache-Control", "no-cache");
            if (etag.equals(request.getHeader("If-None-Match"))) {
                response.setStatus(304);
                return;
            }
            response.setStatus(200);
            response.setContentType(syntax.mediaType + ";charset=utf-8");
            response.setContentLength(body.length);
            response.getOutputStream().write(body);
        } catch (RuntimeException e) {
            String reference = UUID.randomUUID().toString().substring(0, 8);
            LOG.error("DCAT catalogue {} failed [{}]", syntax, reference, e);
            if (!response.isCommitted()) {
                ApiResponses.retryLater(response, e);
                ApiResponses.error(response, 503, "unavailable", "The catalogue cannot be written now [" + reference
                        + "].");
            }
        }
    }

    private byte[] body(Snapshot s, Syntax syntax) {
        Key key = new Key(publication.community(), syntax);
        Written w = cache.get(key);
        if (w != null && w.version() == s.version()) {
            return w.body();
        }
        synchronized (cache) {
            w = cache.get(key);
            if (w != null && w.version() == s.version()) {
                return w.body();
            }
            byte[] body = write(s, syntax);
            cache.put(key, new Written(s.version(), body));
            return body;
        }
    }
}
