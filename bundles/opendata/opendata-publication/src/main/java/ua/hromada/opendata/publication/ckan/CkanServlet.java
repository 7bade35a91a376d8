package ua.hromada.opendata.publication.ckan;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.UUID;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardContextSelect;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.JsonNode;

import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import ua.hromada.opendata.publication.Publication;

/**
 * {@code /api/3/action/<action>} (and CKAN's unversioned {@code /api/action/<action>}): public reads
 * for harvesters and CKAN clients, by GET with query parameters or by POST with a JSON object or a
 * form (as ckanapi sends them). No sign-in; nothing escapes as a 500 with a stack trace.
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletPattern({ "/api/3/action/*", "/api/action/*" })
@HttpWhiteboardContextSelect("(osgi.http.whiteboard.context.name=hromada)")
public class CkanServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(CkanServlet.class);
    private static final int MAX_BODY = 1024 * 1024;

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
                Map<String, String> params = params(request);
                answer = api.handle(action, params);
            } catch (BadBody e) {
                answer = new CkanApi.Answer(400, publication.json().writeValueAsBytes("Bad request - " + e.getMessage()));
            } catch (RuntimeException e) {
                String reference = UUID.randomUUID().toString().substring(0, 8);
                LOG.error("CKAN API {} {} failed [{}]", method, request.getRequestURI(), reference, e);
                answer = new CkanApi.Answer(500, publication.json().writeValueAsBytes(
                        "Internal server error [" + reference + "]"));
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

    private static void cors(HttpServletResponse response) {
        // harvesters and web apps of other origins read the public catalogue
        response.setHeader("Access-Control-Allow-Origin", "*");
    }

    private static final class BadBody extends RuntimeException {
        private static final long serialVersionUID = 1L;

        BadBody(String message) {
            super(message);
        }
    }

    /** Query parameters, and for POST the JSON object or form in the body (body values win). */
    private Map<String, String> params(HttpServletRequest request) throws IOException {
        request.setCharacterEncoding("UTF-8");
        Map<String, String> out = new HashMap<>();
        String contentType = request.getContentType() == null ? "" : request.getContentType().toLowerCase();
        boolean jsonBody = request.getMethod().equals("POST") && !contentType.startsWith(
                "application/x-www-form-urlencoded") && !contentType.startsWith("multipart/");
        if (jsonBody) {
            // the query string only: reading form parameters would consume the JSON body
            String query = request.getQueryString();
            if (query != null) {
                for (String pair : query.split("&")) {
                    int eq = pair.indexOf('=');
                    String k = java.net.URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                    String v = eq < 0 ? "" : java.net.URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                    out.putIfAbsent(k, v);
                }
            }
            byte[] body;
            try (InputStream in = request.getInputStream()) {
                body = in.readNBytes(MAX_BODY + 1);
            }
            if (body.length > MAX_BODY) {
                throw new BadBody("the request body is larger than 1 MB");
            }
            String text = new String(body, StandardCharsets.UTF_8).strip();
            if (!text.isEmpty()) {
                JsonNode node;
                try {
                    node = publication.json().readTree(text);
                } catch (IOException e) {
                    throw new BadBody("JSON Error: could not parse the request body as JSON");
                }
                if (!node.isObject()) {
                    throw new BadBody("JSON Error: the request body must be a JSON object");
                }
                for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext();) {
                    Map.Entry<String, JsonNode> e = it.next();
                    JsonNode v = e.getValue();
                    if (!v.isNull()) {
                        out.put(e.getKey(), v.isValueNode() ? v.asText() : v.toString());
                    }
                }
            }
            return out;
        }
        for (Map.Entry<String, String[]> e : request.getParameterMap().entrySet()) {
            if (e.getValue().length > 0) {
                out.put(e.getKey(), e.getValue()[0]);
            }
        }
        return out;
    }
}
