package ua.hromada.eservices.ui.api;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardContextSelect;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import ua.hromada.eservices.api.AppealForm;
import ua.hromada.eservices.api.AppealIntake;
import ua.hromada.eservices.api.AppealTopic;
import ua.hromada.eservices.api.AppealTopics;
import ua.hromada.eservices.api.EservicesException;
import ua.hromada.eservices.api.FormTicket;
import ua.hromada.eservices.api.IntakeLimits;
import ua.hromada.eservices.api.PublicAppeal;
import ua.hromada.eservices.api.PublicAppeals;
import ua.hromada.eservices.api.Receipt;
import ua.hromada.portal.api.ApiResponses;
import ua.hromada.portal.api.MessageBundle;
import ua.hromada.portal.api.PortalException.Reason;
import ua.hromada.portal.api.PortalHttp;

/**
 * The public e-appeals HTTP API, for residents' apps and the portal's own load tests; the same
 * intake service as the page, with the same checks (form token, question, rate limits):
 * <ul>
 * <li>{@code GET /api/eservices/appeals/form} — a new form: token, question, limits, active topics</li>
 * <li>{@code POST /api/eservices/appeals} — a JSON appeal (no files: those come through the page)
 * → 201 with the registration number and deadline; 400 with the fields that failed, 403 when the
 * token is refused (open a new form), 429 when the address or e-mail sent too many</li>
 * <li>{@code GET /api/eservices/appeals/public?q=&offset=&limit=} — the public appeals and answers,
 * without personal data</li>
 * </ul>
 * Errors are JSON; every refusal's message is the service's Ukrainian text.
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletPattern({ "/api/eservices/appeals", "/api/eservices/appeals/*" })
@HttpWhiteboardContextSelect(PortalHttp.CONTEXT_SELECT)
public class AppealsApi extends HttpServlet {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(AppealsApi.class);
    private static final Locale UKRAINIAN = Locale.forLanguageTag("uk");
    /** An appeal's JSON is text only; anything longer is not an appeal. */
    static final int MAX_BODY = 64 * 1024;
    private static final int MAX_PAGE = 100;
    /** The sliding window of the rate limits: an hour; the client may retry after a while. */
    private static final String RETRY_AFTER_SECONDS = "600";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Reference
    private transient AppealIntake intake;
    @Reference
    private transient AppealTopics topics;
    @Reference
    private transient PublicAppeals publicAppeals;
    /** Every module's texts: the service's refusals explained in Ukrainian. */
    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    private final transient List<MessageBundle> messageBundles = new CopyOnWriteArrayList<>();

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getPathInfo() == null ? "" : request.getPathInfo();
        try {
            switch (path) {
                case "/form" -> form(request, response);
                case "/public" -> publicAppeals(request, response);
                default -> notFound(response);
            }
        } catch (EservicesException e) {
            refused(response, e);
        } catch (RuntimeException e) {
            failure(response, "GET /api/eservices/appeals" + path, e);
        }
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getPathInfo() == null ? "" : request.getPathInfo();
        if (!path.isEmpty() && !"/".equals(path)) {
            notFound(response);
            return;
        }
        AppealForm form;
        try {
            form = appealOf(readBody(request));
        } catch (BadRequest e) {
            ApiResponses.error(response, e.status, e.code, e.getMessage());
            return;
        }
        try {
            Receipt receipt = intake.submit(form, request.getRemoteAddr());
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("number", receipt.number());
            body.put("deadline", receipt.deadline().toString());
            ApiResponses.json(response, HttpServletResponse.SC_CREATED, body);
        } catch (EservicesException e) {
            refused(response, e);
        } catch (RuntimeException e) {
            failure(response, "POST /api/eservices/appeals", e);
        }
    }

    private void form(HttpServletRequest request, HttpServletResponse response) throws IOException {
        FormTicket ticket = intake.openForm(request.getRemoteAddr());
        IntakeLimits limits = intake.limits();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("token", ticket.token());
        body.put("question", Map.of("left", ticket.left(), "right", ticket.right(),
                "text", text("eservices.appeal.challenge", ticket.left(), ticket.right())));
        body.put("limits", Map.of("maxTextLength", limits.maxTextLength(), "maxFiles", limits.maxFiles(),
                "maxFileBytes", limits.maxFileBytes(), "fileTypes", limits.fileTypes()));
        List<Map<String, Object>> list = new ArrayList<>();
        for (AppealTopic topic : topics.active()) {
            Map<String, Object> t = new LinkedHashMap<>();
            t.put("id", topic.id());
            t.put("code", topic.code());
            t.put("name", topic.name());
            t.put("description", topic.description());
            list.add(t);
        }
        body.put("topics", list);
        ApiResponses.json(response, HttpServletResponse.SC_OK, body);
    }

    private void publicAppeals(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String q = request.getParameter("q");
        int offset;
        int limit;
        try {
            offset = number(request.getParameter("offset"), 0, Integer.MAX_VALUE, 0);
            limit = number(request.getParameter("limit"), 1, MAX_PAGE, 20);
        } catch (BadRequest e) {
            ApiResponses.error(response, e.status, e.code, e.getMessage());
            return;
        }
        String text = q == null || q.isBlank() ? null : q.strip();
        List<Map<String, Object>> items = new ArrayList<>();
        for (PublicAppeal a : publicAppeals.find(text, offset, limit)) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("number", a.number());
            item.put("topic", a.topicName());
            item.put("unit", a.unitName());
            item.put("text", a.text());
            item.put("status", a.status().name());
            item.put("receivedAt", a.receivedAt().toString());
            item.put("answer", a.answer());
            item.put("answeredAt", a.answeredAt() == null ? null : a.answeredAt().toString());
            items.add(item);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("total", publicAppeals.count(text));
        body.put("offset", offset);
        body.put("items", items);
        ApiResponses.json(response, HttpServletResponse.SC_OK, body);
    }

    /** The service's refusal as its HTTP status, with the Ukrainian text and, for a form, its fields. */
    private void refused(HttpServletResponse response, EservicesException e) throws IOException {
        int status = switch (e.reason()) {
            case INVALID -> HttpServletResponse.SC_BAD_REQUEST;
            case NOT_FOUND -> HttpServletResponse.SC_NOT_FOUND;
            case CONFLICT -> HttpServletResponse.SC_CONFLICT;
            case FORBIDDEN -> "eservices.appeal.rateLimited".equals(e.messageKey()) ? 429
                    : HttpServletResponse.SC_FORBIDDEN;
        };
        if (status == 429) {
            response.setHeader("Retry-After", RETRY_AFTER_SECONDS);
        }
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("status", status);
        error.put("code", e.messageKey());
        error.put("message", text(e.messageKey(), e.args()));
        if (e.reason() == Reason.INVALID && !e.fieldErrors().isEmpty()) {
            Map<String, String> fields = new LinkedHashMap<>();
            e.fieldErrors().forEach((field, key) -> fields.put(field, text(key)));
            error.put("fields", fields);
        }
        ApiResponses.json(response, status, Map.of("error", error));
    }

    private static JsonNode readBody(HttpServletRequest request) throws IOException, BadRequest {
        String type = request.getContentType();
        if (type == null || !type.toLowerCase(Locale.ROOT).startsWith("application/json")) {
            throw new BadRequest(415, "unsupported_media_type", "Send the appeal as application/json.");
        }
        byte[] bytes;
        try (InputStream in = request.getInputStream()) {
            bytes = in.readNBytes(MAX_BODY + 1);
        }
        if (bytes.length > MAX_BODY) {
            throw new BadRequest(413, "too_large", "An appeal's JSON may have at most " + MAX_BODY + " bytes.");
        }
        try {
            JsonNode node = JSON.readTree(bytes);
            if (node == null || !node.isObject()) {
                throw new BadRequest(400, "bad_json", "The body must be a JSON object.");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new BadRequest(400, "bad_json", "The body is not valid JSON.");
        }
    }

    /** The JSON's fields as the form's; types are checked here, the rules by the service. */
    static AppealForm appealOf(JsonNode n) throws BadRequest {
        return new AppealForm(string(n, "token"), string(n, "answer"), longValue(n, "topicId"), string(n, "text"),
                decimal(n, "latitude"), decimal(n, "longitude"), List.of(), string(n, "name"), string(n, "email"),
                string(n, "phone"), bool(n, "public"), bool(n, "consent"));
    }

    private static String string(JsonNode n, String field) throws BadRequest {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isTextual() && !v.isNumber()) {
            throw new BadRequest(400, "bad_field", "'" + field + "' must be a string.");
        }
        return v.asText();
    }

    private static long longValue(JsonNode n, String field) throws BadRequest {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) {
            return 0;
        }
        if (!v.canConvertToLong()) {
            throw new BadRequest(400, "bad_field", "'" + field + "' must be a whole number.");
        }
        return v.asLong();
    }

    private static Double decimal(JsonNode n, String field) throws BadRequest {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isNumber()) {
            throw new BadRequest(400, "bad_field", "'" + field + "' must be a number.");
        }
        return v.asDouble();
    }

    private static boolean bool(JsonNode n, String field) throws BadRequest {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) {
            return false;
        }
        if (!v.isBoolean()) {
            throw new BadRequest(400, "bad_field", "'" + field + "' must be true or false.");
        }
        return v.asBoolean();
    }

    private static int number(String value, int min, int max, int otherwise) throws BadRequest {
        if (value == null || value.isBlank()) {
            return otherwise;
        }
        try {
            int n = Integer.parseInt(value.strip());
            if (n < min || n > max) {
                throw new BadRequest(400, "bad_parameter", "A paging parameter is out of range (" + min + "–" + max + ").");
            }
            return n;
        } catch (NumberFormatException e) {
            throw new BadRequest(400, "bad_parameter", "Paging parameters are whole numbers.");
        }
    }

    private String text(String key, Object... args) {
        return MessageBundle.text(messageBundles, key, UKRAINIAN, args);
    }

    private static void notFound(HttpServletResponse response) throws IOException {
        ApiResponses.error(response, HttpServletResponse.SC_NOT_FOUND, "not_found", "No such e-appeals resource.");
    }

    private static void failure(HttpServletResponse response, String what, RuntimeException e) throws IOException {
        // 503 with Retry-After while PostgreSQL is out of reach, else 500: JSON either way
        LOG.error("{} failed [{}]", what, ApiResponses.failure(response, e), e);
    }

    /** A request this API cannot read: its status, code and English explanation. */
    static final class BadRequest extends Exception {
        private static final long serialVersionUID = 1L;
        final int status;
        final String code;

        BadRequest(int status, String code, String message) {
            super(message);
            this.status = status;
            this.code = code;
        }
    }
}
