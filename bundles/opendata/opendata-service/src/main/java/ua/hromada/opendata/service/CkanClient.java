package ua.hromada.opendata.service;

import static ua.hromada.portal.api.PortalException.Reason.INVALID;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import ua.hromada.opendata.api.OpendataException;
import ua.hromada.opendata.api.OutboundRequests;
import ua.hromada.portal.api.outbound.OutboundRefusedException;
import ua.hromada.portal.api.jobs.JobProgress;

/**
 * A CKAN portal's Action API ({@code /api/3/action/<action>}): reads with GET and query parameters
 * (an organisation, its packages page by page), writes with a POSTed JSON body and the publisher's
 * API key. Every request goes through open data's {@link OutboundRequests} (allowed addresses only). Every failure
 * is an {@link OpendataException} naming the portal and why in Ukrainian; nothing is retried (the
 * dry run can simply be run again).
 */
final class CkanClient {
    /** Packages per package_search page: CKAN's default cap is 1000, ours (and data.gov.ua's) allow 100. */
    static final int PAGE = 100;
    /** A page of 100 full packages is well under this; a larger answer is not a CKAN answer. */
    private static final int MAX_ANSWER = 32 * 1024 * 1024;

    /** What an organisation's reading gives. */
    record Organization(String id, String name, String title, String edrpou) {
    }

    private final OutboundRequests http;
    private final ObjectMapper json;
    private final String portal;
    private final Duration timeout;

    /**
     * @param portal the portal's address (http or https), without a trailing slash
     */
    CkanClient(OutboundRequests http, ObjectMapper json, String portal, Duration timeout) {
        this.http = http;
        this.json = json;
        this.portal = portal;
        this.timeout = timeout;
    }

    /** The portal address a user typed, checked and without a trailing slash or the API path. */
    static String portal(String typed) {
        String p = Rules.strip(typed);
        if (p == null) {
            throw new OpendataException(INVALID, "opendata.error.ckan.portalRequired");
        }
        p = p.replaceFirst("/+$", "").replaceFirst("(?i)/api(/3)?(/action)?$", "");
        if (!Rules.httpUrl(p) || p.length() > 500) {
            throw new OpendataException(INVALID, "opendata.error.ckan.portal", p);
        }
        return p;
    }

    Organization organization(String idOrName) {
        JsonNode o = action("organization_show", Map.of("id", idOrName, "include_datasets", "false"));
        String edrpou = null;
        for (JsonNode e : o.path("extras")) {
            if ("edrpou".equals(e.path("key").asText())) {
                edrpou = e.path("value").asText(null);
            }
        }
        return new Organization(o.path("id").asText(), o.path("name").asText(), o.path("title").asText(null), edrpou);
    }

    /** Every package of the organisation (package_search gives full package dictionaries, resources included). */
    List<JsonNode> packages(Organization org, JobProgress progress) {
        List<JsonNode> out = new ArrayList<>();
        int start = 0;
        long count = -1;
        while (count < 0 || start < count) {
            if (progress.cancelled()) {
                throw new java.util.concurrent.CancellationException();
            }
            JsonNode page = action("package_search", Map.of("fq", "organization:\"" + org.name() + "\"",
                    "rows", String.valueOf(PAGE), "start", String.valueOf(start), "sort", "name asc",
                    "include_private", "false"));
            count = page.path("count").asLong(0);
            JsonNode results = page.path("results");
            if (!results.isArray()) {
                throw new OpendataException(INVALID, "opendata.error.ckan.answer", portal, "package_search");
            }
            results.forEach(out::add);
            progress.update(out.size(), count);
            if (results.isEmpty()) {
                break; // a portal whose count and pages disagree: stop rather than loop
            }
            start += results.size();
        }
        return out;
    }

    /** One action's {@code result}; CKAN's {@code success: false} becomes a refusal with its message. */
    JsonNode action(String action, Map<String, String> params) {
        String query = params.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        URI uri = URI.create(portal + "/api/3/action/" + action + "?" + query);
        return call(HttpRequest.newBuilder(uri).GET(), action, params.getOrDefault("id", action));
    }

    /** A write action: {@code body} POSTed as JSON with the publisher's API key. */
    JsonNode post(String action, JsonNode body, String apiKey) {
        byte[] bytes;
        try {
            bytes = json.writeValueAsBytes(body);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e); // a tree of our own always writes
        }
        URI uri = URI.create(portal + "/api/3/action/" + action);
        return call(HttpRequest.newBuilder(uri).header("Content-Type", "application/json")
                .header("Authorization", apiKey).POST(HttpRequest.BodyPublishers.ofByteArray(bytes)), action,
                body.path("id").asText(body.path("name").asText(action)));
    }

    private JsonNode call(HttpRequest.Builder builder, String action, String subject) {
        HttpRequest request = builder.timeout(timeout).header("Accept", "application/json")
                .header("User-Agent", "Hromada open data (CKAN)").build();
        JsonNode answer;
        int status;
        try {
            HttpResponse<InputStream> r = http.send(request, http.policy().withConnectTimeout(timeout));
            status = r.statusCode();
            byte[] body;
            try (InputStream in = r.body()) {
                body = in.readNBytes(MAX_ANSWER + 1);
            }
            if (body.length > MAX_ANSWER) {
                throw new OpendataException(INVALID, "opendata.error.ckan.answer", portal, action);
            }
            answer = json.readTree(body);
        } catch (HttpTimeoutException e) {
            throw new OpendataException(INVALID, "opendata.error.ckan.timeout", portal, timeout.toSeconds());
        } catch (OutboundRefusedException e) {
            throw new OpendataException(INVALID, "opendata.error.ckan.address", portal, e.getMessage());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new OpendataException(INVALID, "opendata.error.ckan.answer", portal, action);
        } catch (IOException e) {
            throw new OpendataException(INVALID, "opendata.error.ckan.unreachable", portal,
                    e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.util.concurrent.CancellationException();
        }
        if (answer == null || !answer.isObject() || !answer.has("success")) {
            throw new OpendataException(INVALID, "opendata.error.ckan.answer", portal, action);
        }
        if (!answer.path("success").asBoolean()) {
            JsonNode error = answer.path("error");
            String type = error.path("__type").asText("");
            if (status == 404 || type.toLowerCase(Locale.ROOT).contains("not found")) {
                throw new OpendataException(INVALID, "opendata.error.ckan.notFound", portal, subject);
            }
            throw new OpendataException(INVALID, "opendata.error.ckan.refused", portal, action,
                    error.path("message").asText(type));
        }
        return answer.path("result");
    }
}
