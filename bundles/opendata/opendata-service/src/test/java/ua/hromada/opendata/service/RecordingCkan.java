package ua.hromada.opendata.service;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A CKAN Action API on 127.0.0.1 that keeps its packages in memory and records every action call
 * (name, Authorization header, body): organization_show and package_search read,
 * package_create/package_patch/resource_create change the packages as CKAN does.
 */
final class RecordingCkan implements AutoCloseable {
    record Call(String action, String authorization, JsonNode body) {
    }

    private final ObjectMapper json = new ObjectMapper();
    private final HttpServer server;
    private final ObjectNode organization;
    private final Map<String, ObjectNode> packages = new LinkedHashMap<>();
    private final List<Call> calls = new ArrayList<>();
    /** A path answered with a redirect to the given address instead. */
    private final Map<String, String> redirects = new HashMap<>();

    RecordingCkan(String orgName, String edrpou) throws IOException {
        organization = json.createObjectNode().put("id", "org-" + orgName).put("name", orgName)
                .put("title", "Організація " + orgName);
        organization.putArray("extras").addObject().put("key", "edrpou").put("value", edrpou);
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    synchronized ObjectNode add(ObjectNode pkg) {
        pkg.put("id", pkg.path("id").asText(UUID.randomUUID().toString()));
        if (!pkg.has("resources")) {
            pkg.putArray("resources");
        }
        packages.put(pkg.get("id").asText(), pkg);
        return pkg;
    }

    synchronized List<Call> calls() {
        return List.copyOf(calls);
    }

    synchronized List<Call> writes() {
        return calls.stream().filter(c -> c.body() != null).toList();
    }

    synchronized void redirect(String path, String to) {
        redirects.put(path, to);
    }

    private void handle(HttpExchange x) throws IOException {
        try (x) {
            String path = x.getRequestURI().getPath();
            String to;
            synchronized (this) {
                to = redirects.get(path);
            }
            if (to != null) {
                x.getResponseHeaders().add("Location", to);
                x.sendResponseHeaders(302, -1);
                return;
            }
            String action = path.substring(path.lastIndexOf('/') + 1);
            JsonNode body = null;
            if (x.getRequestMethod().equals("POST")) {
                try (InputStream in = x.getRequestBody()) {
                    body = json.readTree(in);
                }
            }
            JsonNode result;
            synchronized (this) {
                calls.add(new Call(action, x.getRequestHeaders().getFirst("Authorization"), body));
                result = answer(action, query(x.getRequestURI().getRawQuery()), body);
            }
            byte[] out = json.writeValueAsBytes(json.createObjectNode().put("success", true).set("result", result));
            x.getResponseHeaders().add("Content-Type", "application/json");
            x.sendResponseHeaders(200, out.length);
            try (OutputStream o = x.getResponseBody()) {
                o.write(out);
            }
        }
    }

    private JsonNode answer(String action, Map<String, String> q, JsonNode body) {
        switch (action) {
            case "organization_show":
                return organization;
            case "package_search": {
                int start = Integer.parseInt(q.getOrDefault("start", "0"));
                ObjectNode page = json.createObjectNode().put("count", packages.size());
                ArrayNode results = page.putArray("results");
                packages.values().stream().skip(start).limit(100).forEach(results::add);
                return page;
            }
            case "package_create":
                return add(((ObjectNode) body).deepCopy());
            case "package_patch": {
                ObjectNode p = packages.get(body.path("id").asText());
                p.setAll((ObjectNode) body);
                return p;
            }
            case "resource_create": {
                ObjectNode r = ((ObjectNode) body).deepCopy().put("id", UUID.randomUUID().toString());
                ((ArrayNode) packages.get(body.path("package_id").asText()).get("resources")).add(r);
                return r;
            }
            default:
                throw new IllegalArgumentException(action);
        }
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> m = new HashMap<>();
        if (raw != null) {
            for (String kv : raw.split("&")) {
                String[] p = kv.split("=", 2);
                m.put(p[0], p.length > 1 ? URLDecoder.decode(p[1], StandardCharsets.UTF_8) : "");
            }
        }
        return m;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
