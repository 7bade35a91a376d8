package ua.hromada.opendata.publication.ckan;

import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The parameters of an action call, read here rather than by the container so that every way a
 * client can get them wrong is a CKAN 4xx: the query string, and for POST a JSON object or a form
 * body (as ckanapi and curl send them; body values win). At most {@value #MAX_BODY} bytes of body
 * (413 over it) and {@value #MAX_FIELDS} parameters (400); a broken percent escape or JSON is a 400.
 */
final class RequestData {

    static final int MAX_BODY = 1024 * 1024;
    /** Far more than any action takes (package_search has eleven parameters). */
    static final int MAX_FIELDS = 100;

    /** A request whose data cannot be taken: the status and CKAN's "Bad request - …" text. */
    static final class Refused extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final int status;

        Refused(int status, String message) {
            super(message);
            this.status = status;
        }
    }

    private RequestData() {
    }

    static Map<String, String> read(HttpServletRequest request, ObjectMapper json) throws IOException {
        Map<String, String> out = new HashMap<>();
        form(request.getQueryString(), "the query string", out);
        if (!request.getMethod().equals("POST")) {
            return out;
        }
        String contentType = request.getContentType() == null ? ""
                : request.getContentType().toLowerCase(Locale.ROOT);
        if (contentType.startsWith("multipart/")) {
            throw new Refused(400, "multipart/form-data is not taken by these read-only actions: send the parameters "
                    + "as a JSON object, a form (application/x-www-form-urlencoded) or in the query string");
        }
        String body = new String(body(request), StandardCharsets.UTF_8).strip();
        if (body.isEmpty()) {
            return out;
        }
        if (contentType.startsWith("application/x-www-form-urlencoded")) {
            Map<String, String> fields = new HashMap<>();
            form(body, "the form", fields);
            // CKAN's rule for `curl -d '{...}'`: a form of one field without a value is JSON in its name
            if (fields.size() == 1) {
                Map.Entry<String, String> only = fields.entrySet().iterator().next();
                if ((only.getValue().isEmpty() || only.getValue().equals("1")) && only.getKey().strip().startsWith("{")) {
                    object(only.getKey(), json, out);
                    return out;
                }
            }
            out.putAll(fields);
            return out;
        }
        object(body, json, out);
        return out;
    }

    private static byte[] body(HttpServletRequest request) throws IOException {
        long declared = request.getContentLengthLong();
        if (declared > MAX_BODY) {
            throw new Refused(413, tooLarge());
        }
        // not closed here: the container owns the stream, and a refused rest is still read after this
        InputStream in = request.getInputStream();
        byte[] body = in.readNBytes(MAX_BODY + 1);
        if (body.length > MAX_BODY) {
            throw new Refused(413, tooLarge());
        }
        return body;
    }

    private static String tooLarge() {
        return "the request body is larger than " + (MAX_BODY >> 20) + " MB";
    }

    /** {@code a=1&b=2} with '+' as a space and UTF-8 percent escapes; later values of a name are ignored. */
    static void form(String text, String where, Map<String, String> out) {
        if (text == null || text.isEmpty()) {
            return;
        }
        int fields = 0;
        // by index, not split(): a megabyte of '&' must not become a million strings
        for (int start = 0, end; start <= text.length(); start = end + 1) {
            end = text.indexOf('&', start);
            if (end < 0) {
                end = text.length();
            }
            String pair = text.substring(start, end);
            if (pair.isEmpty()) {
                continue;
            }
            if (++fields > MAX_FIELDS) {
                throw new Refused(400, "more than " + MAX_FIELDS + " parameters in " + where);
            }
            int eq = pair.indexOf('=');
            try {
                String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                out.putIfAbsent(name, value);
            } catch (IllegalArgumentException e) {
                throw new Refused(400, "malformed percent-encoding in " + where + " (a % must be followed by two "
                        + "hexadecimal digits)");
            }
        }
    }

    private static void object(String text, ObjectMapper json, Map<String, String> out) {
        JsonNode node;
        try {
            node = json.readTree(text);
        } catch (IOException e) {
            // also for nesting beyond Jackson's read constraints
            throw new Refused(400, "JSON Error: could not parse the request body as JSON");
        }
        if (node == null || !node.isObject()) {
            throw new Refused(400, "JSON Error: the request body must be a JSON object");
        }
        if (node.size() > MAX_FIELDS) {
            throw new Refused(400, "more than " + MAX_FIELDS + " parameters in the JSON object");
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode v = e.getValue();
            if (!v.isNull()) {
                out.put(e.getKey(), v.isValueNode() ? v.asText() : v.toString());
            }
        }
    }
}
