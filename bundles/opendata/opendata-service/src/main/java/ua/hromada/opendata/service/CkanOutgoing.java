package ua.hromada.opendata.service;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import ua.hromada.opendata.api.Dataset;
import ua.hromada.opendata.api.Resource;
import ua.hromada.opendata.api.StructureField;

/**
 * A registry dataset as a CKAN package for publication: the keys this portal's own CKAN API
 * writes (top level, the other passport fields in {@code extras}), so an import of what was
 * published gives the same passport; the diff against the portal's package, field by field; the
 * bodies of package_create, package_patch (only what changed; the portal's other extras kept) and
 * resource_create.
 */
final class CkanOutgoing {
    private static final int SHOWN = 80;
    private static final Map<String, String> TOP = Map.of("title", Passport.TITLE, "notes", Passport.DESCRIPTION,
            "maintainer", Passport.RESPONSIBLE, "maintainer_email", Passport.EMAIL);
    private static final Map<String, String> EXTRAS = Map.of("actuality_date", Passport.ACTUALITY,
            "compression", Passport.COMPRESSION, "first_published", Passport.FIRST_PUBLISHED,
            "keywords", Passport.KEYWORDS, "language", Passport.LANGUAGE, "last_modified", Passport.LAST_MODIFIED,
            "legal_basis", Passport.LEGAL_BASIS, "purpose_of_collecting_information", Passport.PURPOSE,
            "update_frequency", Passport.FREQUENCY, "structure", Passport.STRUCTURE);

    /** What differs: the diff's lines, the patch body (null: nothing to patch), the links to add. */
    record Diff(List<String> changes, ObjectNode patch, List<Resource> newLinks) {
    }

    private final ObjectMapper json;
    private final Texts texts;

    /** The current community's time zone: the passport's times are sent as CKAN keeps its own (UTC). */
    private final Supplier<ZoneId> zone;

    CkanOutgoing(ObjectMapper json, Texts texts, Supplier<ZoneId> zone) {
        this.json = json;
        this.texts = texts;
        this.zone = zone;
    }

    /** The package_create body of a dataset of the organisation. */
    ObjectNode create(Dataset d, String organizationId) {
        ObjectNode n = json.createObjectNode();
        n.put("name", d.identifier());
        n.put("owner_org", organizationId);
        n.put("private", false);
        top(d).forEach((k, v) -> n.put(k, v));
        n.set("tags", tags(d.tags()));
        ArrayNode extras = n.putArray("extras");
        extras(d).forEach((k, v) -> extras.addObject().put("key", k).put("value", v));
        return n;
    }

    /** The diff of the dataset against the portal's package (null: the portal has none). */
    Diff diff(Dataset d, List<Resource> links, JsonNode remote) {
        List<String> changes = new ArrayList<>();
        Set<String> remoteUrls = new HashSet<>();
        if (remote != null) {
            remote.path("resources").forEach(r -> remoteUrls.add(r.path("url").asText("").strip()));
        }
        List<Resource> newLinks = links.stream().filter(r -> r.url() != null && !remoteUrls.contains(r.url().strip()))
                .toList();
        if (remote == null) {
            newLinks.forEach(r -> changes.add(texts.text("opendata.ckan.change.link", r.url())));
            return new Diff(changes, null, newLinks);
        }
        ObjectNode patch = json.createObjectNode();
        patch.put("id", remote.path("id").asText());
        top(d).forEach((k, v) -> {
            String was = text(remote.path(k));
            if (!Objects.equals(was, v)) {
                changes.add(line(TOP.get(k), was, v));
                patch.put(k, v == null ? "" : v);
            }
        });
        Set<String> ours = new TreeSet<>(d.tags());
        Set<String> theirs = new TreeSet<>();
        remote.path("tags").forEach(t -> theirs.add(t.path("name").asText()));
        if (!ours.equals(theirs)) {
            changes.add(line(Passport.TAGS, String.join(", ", theirs), String.join(", ", ours)));
            patch.set("tags", tags(d.tags()));
        }
        Map<String, String> remoteExtras = new LinkedHashMap<>();
        remote.path("extras").forEach(e -> remoteExtras.put(e.path("key").asText(), text(e.path("value"))));
        Map<String, String> extras = extras(d);
        boolean extrasChanged = false;
        for (String key : new TreeSet<>(EXTRAS.keySet())) {
            String was = remoteExtras.get(key);
            String now = extras.get(key);
            if (!sameValue(key, was, now)) {
                changes.add(line(EXTRAS.get(key), was, now));
                extrasChanged = true;
            }
        }
        if (extrasChanged) {
            // package_patch replaces the whole list: the portal's other extras go back as they were
            ArrayNode merged = patch.putArray("extras");
            remoteExtras.forEach((k, v) -> {
                if (!EXTRAS.containsKey(k) && v != null) {
                    merged.addObject().put("key", k).put("value", v);
                }
            });
            extras.forEach((k, v) -> merged.addObject().put("key", k).put("value", v));
        }
        newLinks.forEach(r -> changes.add(texts.text("opendata.ckan.change.link", r.url())));
        return new Diff(changes, patch.size() > 1 ? patch : null, newLinks);
    }

    /** The resource_create body of a link. */
    ObjectNode resource(String packageId, Resource r) {
        ObjectNode n = json.createObjectNode();
        n.put("package_id", packageId);
        n.put("url", r.url());
        n.put("name", r.name());
        n.put("format", r.format() == null ? "" : r.format());
        n.put("description", r.description() == null ? "" : r.description());
        return n;
    }

    private static Map<String, String> top(Dataset d) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("title", Rules.strip(d.title()));
        m.put("notes", Rules.strip(d.description()));
        m.put("maintainer", Rules.strip(d.responsiblePerson()));
        m.put("maintainer_email", Rules.strip(d.responsibleEmail()));
        return m;
    }

    /** The extras the dataset has a value for, by key (sorted). */
    private Map<String, String> extras(Dataset d) {
        Map<String, String> m = new java.util.TreeMap<>();
        ZoneId zone = this.zone.get();
        put(m, "actuality_date", d.actualityDate());
        put(m, "compression", d.compression());
        put(m, "first_published", PassportTimes.ckan(d.firstPublishedAt(), zone));
        put(m, "keywords", d.keywords().isEmpty() ? null : String.join(", ", d.keywords()));
        put(m, "language", d.language());
        put(m, "last_modified", PassportTimes.ckan(d.lastModifiedAt(), zone));
        put(m, "legal_basis", d.legalBasis());
        put(m, "purpose_of_collecting_information", d.purpose());
        put(m, "update_frequency", d.frequency() == null ? null : d.frequency().label());
        if (!d.structure().isEmpty()) {
            ArrayNode a = json.createArrayNode();
            for (StructureField f : d.structure()) {
                a.addObject().put("name", f.name()).put("title", f.title()).put("type", f.type())
                        .put("required", f.required());
            }
            m.put("structure", a.toString());
        }
        return m;
    }

    /** Equal values; a structure compared as JSON (a portal may write it with other spacing). */
    private boolean sameValue(String key, String a, String b) {
        if (Objects.equals(a, b) || a == null || b == null || !key.equals("structure")) {
            return Objects.equals(a, b);
        }
        try {
            return json.readTree(a).equals(json.readTree(b));
        } catch (java.io.IOException e) {
            return false;
        }
    }

    private ArrayNode tags(List<String> tags) {
        ArrayNode a = json.createArrayNode();
        tags.forEach(t -> a.addObject().put("name", t));
        return a;
    }

    private static void put(Map<String, String> m, String key, Object value) {
        String v = value == null ? null : Rules.strip(value.toString());
        if (v != null) {
            m.put(key, v);
        }
    }

    private static String text(JsonNode n) {
        return n.isMissingNode() || n.isNull() ? null : Rules.strip(n.asText());
    }

    private String line(String label, String was, String now) {
        return texts.text("opendata.ckan.change.field", label, shown(was), shown(now));
    }

    private static String shown(String v) {
        return v == null ? "—" : v.length() > SHOWN ? v.substring(0, SHOWN) + "…" : v;
    }
}
