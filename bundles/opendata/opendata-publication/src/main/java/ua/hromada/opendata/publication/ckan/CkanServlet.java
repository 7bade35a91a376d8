package ua.hromada.opendata.publication.ckan;

import ua.hromada.portal.api.PortalHttp;
import java.io.IOException;
import java.io.InputStream;
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
import ua.hromada.opendata.publication.Publication;
import ua.hromada.portal.api.ApiResponses;

/**
 * {@code /api/3/action/<action>} (and CKAN's unversioned {@code /api/action/<action>}): public reads
 * for harvesters and CKAN clients, by GET with query parameters or by POST with a JSON object or a
 * form (as ckanapi sends them), parsed with limits by {@link RequestData}. No sign-in; a client's
 * mistake is a 4xx in CKAN's format, anything unexpected CKAN's 500 envelope with a reference,
 * never a stack trace.
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletPattern({ "/api/3/action/*", "/api/action/*" })
@HttpWhiteboardContextSelect(PortalHttp.CONTEXT_SELECT)
public class CkanServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(CkanServlet.class);
    /** Refused bodies up to this size are read to their end; larger ones close the connection. */
    private static final long MAX_DISCARD = 16L << 20;

    private final transient Publication publication;
    private final transient CkanApi api;

    @Activate
    public CkanServlet(@Reference Publication publication) {
        this.publication = publication;
        this.api = new CkanApi(publication);
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String method = request.getMethod();
        if (method.equals("OPTIONS")) {
            cors(response);
            response.setHeader("Access-Control-Allow-Methods", "GET, POST, OPTIONS");
            response.setHeader("Access-Control-Allow-Headers", "Content-Type, Authorization, X-CKAN-API-Key");
            response.setStatus(204);
            return;
        }
        CkanApi.Answer answer;
        String path = request.getPathInfo();
        String action = path == null ? "" : path.replaceFirst("^/", "");
        if (!method.equals("GET") && !method.equals("POST") && !method.equals("HEAD")) {
            answer = new CkanApi.Answer(405, publication.json().writeValueAsBytes(
                    "Bad request - Method not allowed: " + method));
        } else {
            try {
                answer = api.handle(action, RequestData.read(request, publication.json()));
            } catch (RequestData.Refused e) {
                // CKAN's _finish_bad_request: a JSON string
                answer = new CkanApi.Answer(e.status, publication.json().writeValueAsBytes("Bad request - "
                        + e.getMessage()));
                discardBody(request, response);
            } catch (RuntimeException | StackOverflowError e) {
                String reference = UUID.randomUUID().toString().substring(0, 8);
                if (e instanceof StackOverflowError) {
                    // a thousand frames of the same recursion say nothing more than this line
                    LOG.error("CKAN API {} {} failed [{}]: {}", method, request.getRequestURI(), reference, e.toString());
                } else {
                    LOG.error("CKAN API {} {} failed [{}]", method, request.getRequestURI(), reference, e);
                }
                if (ApiResponses.retryLater(response, e)) {
                    answer = api.databaseUnavailable(action, reference, ApiResponses.databaseBusy(e));
                } else {
                    answer = api.internalError(action, reference);
                }
            }
        }
        response.setStatus(answer.status());
        response.setContentType("application/json;charset=utf-8");
        response.setHeader("Cache-Control", "no-cache");
        cors(response);
        response.setContentLength(answer.body().length);
        if (!method.equals("HEAD")) {
            response.getOutputStream().write(answer.body());
        }
    }

    /**
     * Reads what is left of a refused body (up to {@value #MAX_DISCARD} bytes) so the client gets the
     * 4xx: a connection closed on unread bytes is reset, and the answer is lost with it. A larger
     * body is not read; the connection is closed after the answer.
     */
    private static void discardBody(HttpServletRequest request, HttpServletResponse response) {
        long length = request.getContentLengthLong();
        if (length > MAX_DISCARD) {
            response.setHeader("Connection", "close");
            return;
        }
        try {
            InputStream in = request.getInputStream();
            byte[] buffer = new byte[8192];
            long total = 0;
            for (int n; (n = in.read(buffer)) >= 0;) {
                total += n;
                if (total > MAX_DISCARD) {
                    response.setHeader("Connection", "close");
                    return;
                }
            }
        } catch (IOException | RuntimeException e) {
            LOG.debug("CKAN API: the rest of a refused body could not be read: {}", e.toString());
        }
    }

    private static void cors(HttpServletResponse response) {
        // harvesters and web apps of other origins read the public catalogue
        response.setHeader("Access-Control-Allow-Origin", "*");
    }
}
